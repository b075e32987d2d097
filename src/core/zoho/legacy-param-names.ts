import { ZOHO_SERVICES, type ZohoService } from './services.js';

/**
 * The names the apikey/ticket era's parameters had, derived from a service table (apikey, ticket
 * and Reports' ZOHO_API_KEY for the built-in one), so code that looks for them in text never keeps
 * a list of its own. Each name once, case-insensitively (the first spelling is kept).
 */
export interface LegacyParamNames {
  apiKey: readonly string[];
  ticket: readonly string[];
  all: readonly string[];
}

const NAMES = new WeakMap<readonly ZohoService[], LegacyParamNames>();

export function legacyParamNames(services: readonly ZohoService[] = ZOHO_SERVICES): LegacyParamNames {
  let names = NAMES.get(services);
  if (!names) {
    const apiKey = distinct(services.flatMap((service) => service.apiKeyParams));
    const ticket = distinct(services.flatMap((service) => service.ticketParams));
    names = { apiKey, ticket, all: distinct(services.flatMap((service) => [...service.apiKeyParams, ...service.ticketParams])) };
    NAMES.set(services, names);
  }
  return names;
}

function distinct(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

/**
 * Do these parameter names hold both an API key and a ticket (`apikey` with `ticket`, Reports'
 * `ZOHO_API_KEY` with `ticket`)? The pair is what marks a URL as the legacy scheme where no host
 * says Zoho. Compared case-insensitively.
 */
export function hasApiKeyAndTicket(names: Iterable<string>, services: readonly ZohoService[] = ZOHO_SERVICES): boolean {
  const lower = new Set([...names].map((name) => name.toLowerCase()));
  const { apiKey, ticket } = legacyParamNames(services);
  return ticket.some((name) => lower.has(name.toLowerCase())) && apiKey.some((name) => lower.has(name.toLowerCase()));
}

/** `apikey|ticket|ZOHO_API_KEY`, escaped for a regular expression; a group that never matches when there is no name. */
export function namesAlternation(names: readonly string[]): string {
  return names.length === 0 ? '(?!)' : names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}

/**
 * A value built from a table's legacy names (a regular expression, mostly), built once per table:
 * the resolved options hand the same table to every file of a run.
 */
export function perServiceTable<T>(build: (names: LegacyParamNames) => T): (services?: readonly ZohoService[]) => T {
  const built = new WeakMap<readonly ZohoService[], T>();
  return (services = ZOHO_SERVICES) => {
    if (!built.has(services)) built.set(services, build(legacyParamNames(services)));
    return built.get(services)!;
  };
}
