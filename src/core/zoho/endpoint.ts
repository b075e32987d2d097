import {
  ACCOUNTS_HOST,
  MODERN_ZOHO_HOST,
  ZOHO_SERVICES,
  findServiceByPath,
  findServicesByHost,
  isZohoHost,
  type ZohoService,
} from './services.js';

/**
 * What the known text of a request says about where it goes.
 * - `service`: a Zoho API of the apikey/ticket era: rewrite.
 * - `accounts`: the sign-in host: ticket login/logout, flagged by the lifecycle rules, never rewritten.
 * - `modern`: Zoho Desk or zohoapis.com: never legacy auth, so never touched.
 * - `unknown-zoho`: a Zoho host the table does not know: report, never guess a scope.
 * - `other`: an explicit non-Zoho host: proven not Zoho, left alone silently.
 */
export type Endpoint =
  | { kind: 'service'; service: ZohoService; host: string | null }
  | { kind: 'accounts'; host: string }
  | { kind: 'modern'; host: string }
  | { kind: 'unknown-zoho'; host: string }
  | { kind: 'other'; host: string };

// `//host[:port]/path`; the scheme is optional so protocol-relative URLs count too.
const URL_PATTERN = /(?:\b[a-z][a-z0-9+.-]*:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(\/[^\s?#'"`\u0000]*)?/i;
// A bare host at the start of a value, as in `{ host: 'crm.zoho.com' }`.
const BARE_HOST = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(\/[^\s?#'"`\u0000]*)?/i;

/** Stands for an expression of unknown value in a request's known text. */
export const UNKNOWN_VALUE = '\u0000';

export function classifyHostAndPath(
  host: string,
  path: string,
  services: readonly ZohoService[] = ZOHO_SERVICES,
  isPathTruncated = false,
): Endpoint {
  if (ACCOUNTS_HOST.test(host)) return { kind: 'accounts', host };
  if (MODERN_ZOHO_HOST.test(host)) return { kind: 'modern', host };
  const byHost = findServicesByHost(host, services);
  // The host proves Zoho; the path picks the service (and so the scope) among those on the host.
  // A known path that is none of their API paths is not an API request this tool knows.
  if (byHost.length > 0) {
    const byPath = byHost.find((service) => service.apiPath.test(path));
    if (byPath) return { kind: 'service', service: byPath, host };
    const isPathUnknown = path === '' || path === '/' || isPathTruncated;
    return isPathUnknown && byHost.length === 1 ? { kind: 'service', service: byHost[0]!, host } : { kind: 'unknown-zoho', host };
  }
  if (isZohoHost(host)) return { kind: 'unknown-zoho', host };
  // A proxy in front of Zoho still shows the private API path.
  const byPath = findServiceByPath(path, services);
  if (byPath) return { kind: 'service', service: byPath, host };
  return { kind: 'other', host };
}

/**
 * Classifies the first URL in a request's known text (holes of unknown value are absent from it).
 * Returns undefined when the text shows neither a host nor a Zoho API path: nothing is proven.
 */
export function classifyRequestText(
  text: string,
  services: readonly ZohoService[] = ZOHO_SERVICES,
): Endpoint | undefined {
  const url = URL_PATTERN.exec(text);
  if (url) {
    const isPathTruncated = text[url.index + url[0].length] === UNKNOWN_VALUE;
    return classifyHostAndPath(url[1] ?? '', url[2] ?? '/', services, isPathTruncated);
  }
  const bare = BARE_HOST.exec(text.trim());
  if (bare && /(^|\.)zoho\./i.test(bare[1] ?? '')) {
    const isPathTruncated = text.trim()[bare[0].length] === UNKNOWN_VALUE;
    return classifyHostAndPath(bare[1] ?? '', bare[2] ?? '/', services, isPathTruncated);
  }
  const path = /\/[a-z]+\/private\/(?:xml|json)\/[^\s?#'"`]*/i.exec(text);
  if (path) {
    const service = findServiceByPath(path[0], services);
    if (service) return { kind: 'service', service, host: null };
  }
  return undefined;
}
