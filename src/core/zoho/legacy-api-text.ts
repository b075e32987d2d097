import type { ZohoService } from './services.js';

const PATTERNS = new WeakMap<readonly ZohoService[], RegExp>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The services' hosts (`crm.zoho.`) and private API paths (`/crm/private/json/`) as one text
 * pattern, from the resolved table, so a service added in configuration counts too. In free text
 * a path ends at a word boundary where the table's path pattern says end of path.
 */
function patternOf(services: readonly ZohoService[]): RegExp {
  let pattern = PATTERNS.get(services);
  if (!pattern) {
    const hosts = services.flatMap((service) => service.hostLabels.map((label) => `\\b${escape(label)}\\.zoho\\.`));
    const paths = services.filter((service) => service.apiPath.source.includes('private')).map((service) => service.apiPath.source.replace(/^\^/, '').replace(/\|\$\)/g, '|\\b)'));
    pattern = new RegExp([...hosts, ...paths].join('|') || '(?!)', 'i');
    PATTERNS.set(services, pattern);
  }
  return pattern;
}

/** Does the text name a legacy Zoho API (a host or a private API path of one of the services)? */
export function namesLegacyZohoApi(text: string, services: readonly ZohoService[]): boolean {
  return patternOf(services).test(text);
}
