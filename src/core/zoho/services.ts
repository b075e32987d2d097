/**
 * What a Zoho API endpoint of the apikey/ticket era is: one table, data only (DESIGN §1).
 * Scopes are the ones Zoho documented for each service's authtoken; Reports takes none.
 */

/** Data centres Zoho served the pre-OAuth APIs from: https://www.zoho.com/crm/help/api/ (archived). */
export const ZOHO_DATA_CENTRES = ['com', 'eu', 'in', 'com.cn', 'com.au', 'jp'] as const;

export interface ZohoService {
  id: string;
  name: string;
  /** First label of the host, before `.zoho.<data centre>` (`crm` for crm.zoho.eu). */
  hostLabels: readonly string[];
  /** API paths of the service; a URL on the host with another path is not an API request. */
  apiPath: RegExp;
  /** Token scope; null when the service takes authtoken without a scope (Reports). */
  scope: string | null;
  /** Query parameter names that carried the API key (case-insensitive). */
  apiKeyParams: readonly string[];
  /** Query parameter names that carried the 7-day ticket (case-insensitive). */
  ticketParams: readonly string[];
}

export const ZOHO_SERVICES: readonly ZohoService[] = [
  {
    id: 'crm',
    name: 'CRM',
    hostLabels: ['crm'],
    apiPath: /^\/crm\/private\/(xml|json)(\/|$)/i,
    scope: 'crmapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
  },
  {
    id: 'recruit',
    name: 'Recruit',
    hostLabels: ['recruit'],
    apiPath: /^\/ats\/private\/(xml|json)(\/|$)/i,
    scope: 'recruitapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
  },
  {
    id: 'support',
    name: 'Support',
    hostLabels: ['support'],
    apiPath: /^\/api\/(xml|json)(\/|$)/i,
    scope: 'supportapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
  },
  {
    id: 'creator',
    name: 'Creator',
    hostLabels: ['creator'],
    apiPath: /^\/api(\/|$)/i,
    scope: 'creatorapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
  },
  {
    id: 'invoice',
    name: 'Invoice',
    hostLabels: ['invoice'],
    apiPath: /^\/api(\/|$)/i,
    scope: 'invoiceapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
  },
  {
    id: 'reports',
    name: 'Reports',
    hostLabels: ['reportsapi'],
    apiPath: /^\/api(\/|$)/i,
    scope: null,
    apiKeyParams: ['ZOHO_API_KEY'],
    ticketParams: ['ticket'],
  },
];

/** Zoho hosts whose APIs never used apikey/ticket: a `ticket` there is a help-desk ticket. */
export const MODERN_ZOHO_HOST = /(^|\.)(desk\.zoho\.[a-z.]+|zohoapis\.[a-z.]+)$/i;

/** The sign-in host: ticket login/logout lives here (ticket-generation, never rewritten). */
export const ACCOUNTS_HOST = /^accounts\.zoho\.[a-z.]+$/i;

/** `api.crm.zoho.com`-style prefixes aside, a Zoho host ends in `zoho.<data centre>`. */
const DATA_CENTRE_SUFFIX = new RegExp(
  `(^|\\.)zoho\\.(${ZOHO_DATA_CENTRES.map((dc) => dc.replace('.', '\\.')).join('|')})$`,
  'i',
);

export function isZohoHost(host: string): boolean {
  return DATA_CENTRE_SUFFIX.test(host) || MODERN_ZOHO_HOST.test(host);
}

export function findServiceByHost(host: string, services: readonly ZohoService[] = ZOHO_SERVICES): ZohoService | undefined {
  if (!DATA_CENTRE_SUFFIX.test(host)) return undefined;
  const label = host.toLowerCase().split('.')[0] ?? '';
  return services.find((service) => service.hostLabels.includes(label));
}

/** A path alone proves Zoho when it is a private API path (`/crm/private/json/...`), used behind proxies. */
export function findServiceByPath(path: string, services: readonly ZohoService[] = ZOHO_SERVICES): ZohoService | undefined {
  return services.find((service) => {
    if (!service.apiPath.source.includes('private')) return false;
    return new RegExp(service.apiPath.source.replace(/^\^/, ''), service.apiPath.flags).test(path);
  });
}

export function isLegacyParamName(name: string, service?: ZohoService): boolean {
  const lower = name.toLowerCase();
  const candidates = service
    ? [...service.apiKeyParams, ...service.ticketParams]
    : ZOHO_SERVICES.flatMap((s) => [...s.apiKeyParams, ...s.ticketParams]);
  return candidates.some((candidate) => candidate.toLowerCase() === lower);
}

export function isApiKeyParamName(name: string, service?: ZohoService): boolean {
  const lower = name.toLowerCase();
  const candidates = service ? service.apiKeyParams : ZOHO_SERVICES.flatMap((s) => s.apiKeyParams);
  return candidates.some((candidate) => candidate.toLowerCase() === lower);
}

/**
 * Object keys and `append` names are exact: `{ apikey }` is what Zoho documented, while `apiKey`
 * is every other API client's option name (and a Zoho servlet would not have read it).
 */
export function isLegacyKeyName(name: string, service?: ZohoService): boolean {
  return keyNames(service).legacy.has(name);
}

export function isApiKeyKeyName(name: string, service?: ZohoService): boolean {
  return keyNames(service).apiKey.has(name);
}

const KEY_NAMES = new WeakMap<object, { legacy: Set<string>; apiKey: Set<string> }>();

function keyNames(service: ZohoService | undefined): { legacy: Set<string>; apiKey: Set<string> } {
  const owner = service ?? ZOHO_SERVICES;
  let names = KEY_NAMES.get(owner);
  if (!names) {
    const services = service ? [service] : ZOHO_SERVICES;
    names = {
      legacy: new Set(services.flatMap((s) => [...s.apiKeyParams, ...s.ticketParams])),
      apiKey: new Set(services.flatMap((s) => s.apiKeyParams)),
    };
    KEY_NAMES.set(owner, names);
  }
  return names;
}
