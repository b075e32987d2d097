import { classifyRequestText, type Endpoint } from './zoho/endpoint.js';
import { isLegacyParamName, type ZohoService } from './zoho/services.js';

export interface TextMatch {
  start: number;
  end: number;
  kind: 'legacy-url' | 'ticket-login';
}

/** A parameter of a URL found in text; the value is as written (it may hold interpolation). */
export interface UrlParam {
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

export interface UrlMatch extends TextMatch {
  url: string;
  /** `service` or `unknown-zoho` for a legacy URL, `accounts` for a ticket login/logout. */
  endpoint: Endpoint;
  /** The legacy parameters the URL carries (for a service: the ones that service retired). */
  params: UrlParam[];
}

const URL_IN_TEXT = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`<>)]*/gi;
const SEPARATOR = /&amp;|&/g;

/**
 * The `name=value` parameters of a URL as written: after `?`, or (Creator's path style, no `?`)
 * in the last path segment. `&amp;` separates too (URLs in XML and HTML attributes).
 */
export function urlParams(url: string, base = 0): UrlParam[] {
  const hostEnd = url.indexOf('/', url.indexOf('//') + 2);
  let queryStart = url.indexOf('?') + 1;
  if (queryStart === 0) {
    const equals = url.indexOf('=', Math.max(hostEnd, 0));
    if (hostEnd < 0 || equals < 0) return [];
    queryStart = url.lastIndexOf('/', equals) + 1;
  }
  // `#` starts the fragment, but `#{...}` is Ruby interpolation.
  const hash = url.slice(queryStart).search(/#(?!\{)/);
  const query = url.slice(queryStart, hash < 0 ? url.length : queryStart + hash);
  const params: UrlParam[] = [];
  let pieceStart = 0;
  const pieces = [...query.matchAll(SEPARATOR), null];
  for (const separator of pieces) {
    const pieceEnd = separator ? (separator.index ?? 0) : query.length;
    const piece = query.slice(pieceStart, pieceEnd);
    const equals = piece.indexOf('=');
    if (equals > 0) {
      const valueStart = base + queryStart + pieceStart + equals + 1;
      params.push({ name: piece.slice(0, equals), value: piece.slice(equals + 1), valueStart, valueEnd: base + queryStart + pieceEnd });
    }
    if (separator) pieceStart = pieceEnd + separator[0].length;
  }
  return params;
}

function isTicketLogin(url: string, hasLoginContext: boolean): boolean {
  if (/\/logout\b/i.test(url)) return /[?&]ticket=/i.test(url);
  return /\/login\b/i.test(url) && (hasLoginContext || /FROM_AGENT|LOGIN_ID/i.test(url));
}

export interface FindUrlsOptions {
  services?: readonly ZohoService[];
  /** The file sends FROM_AGENT/LOGIN_ID elsewhere: a bare `accounts.zoho.com/login` URL is the ticket login. */
  hasLoginContext?: boolean;
  /** Also return Zoho API URLs without legacy parameters (`params` empty): pieces may follow them. */
  isCleanIncluded?: boolean;
}

/**
 * Zoho API URLs in text that still carry apikey/ticket (for a host the table does not know:
 * any of those names), and ticket login/logout URLs. Reported, never rewritten.
 */
export function findLegacyUrls(text: string, from: number, to: number, options: FindUrlsOptions = {}): UrlMatch[] {
  const matches: UrlMatch[] = [];
  // Only the slice is searched: a search past `to` for every string of a big file would be quadratic.
  const slice = text.slice(from, to);
  if (!slice.includes('//')) return matches;
  for (const match of slice.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    const start = from + (match.index ?? 0);
    const end = start + url.length;
    const endpoint = classifyRequestText(url, options.services);
    if (endpoint?.kind === 'accounts') {
      if (isTicketLogin(url, Boolean(options.hasLoginContext))) matches.push({ start, end, kind: 'ticket-login', url, endpoint, params: [] });
      continue;
    }
    if (endpoint?.kind !== 'service' && endpoint?.kind !== 'unknown-zoho') continue;
    const service = endpoint.kind === 'service' ? endpoint.service : undefined;
    const params = urlParams(url, start).filter((param) => isLegacyParamName(param.name, service));
    if (params.length > 0 || options.isCleanIncluded) matches.push({ start, end, kind: 'legacy-url', url, endpoint, params });
  }
  return matches;
}

/**
 * A last-resort scan of raw text for files that do not parse: Zoho API URLs that still carry
 * apikey/ticket, and ticket login/logout URLs. Reported, never rewritten.
 */
export function scanTextForLegacyUrls(text: string, services?: readonly ZohoService[]): TextMatch[] {
  return findLegacyUrls(text, 0, text.length, { ...(services ? { services } : {}) }).map(({ start, end, kind }) => ({ start, end, kind }));
}
