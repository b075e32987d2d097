/**
 * What a Zoho API endpoint of the apikey/ticket era is: one table, data only (DESIGN §1).
 * Scopes are the ones Zoho documented for each service's authtoken; Reports takes none. The
 * table can be replaced through the core options (`services`); a user-supplied one is checked
 * by the configuration schema (src/config/schema.ts) and merged by src/config/services.ts.
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
  /**
   * The legacy parameters may be written as the last path segment instead of a query string
   * (`/api/xml/read/apikey=K&ticket=T`): the rewrite turns that `/` into `?`.
   */
  hasPathStyleParams?: boolean;
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
    // The XML/CSV RPC API took its credentials in the path: http://creator.zoho.com/api/xml/read/apikey=[API Key]&ticket=[Ticket]
    // (api.wiki.zoho.com/Zoho-Creator---RPC-APIs.html); with a token it is /api/xml/read?authtoken=...&scope=creatorapi.
    id: 'creator',
    name: 'Creator',
    hostLabels: ['creator'],
    apiPath: /^\/api(\/|$)/i,
    scope: 'creatorapi',
    apiKeyParams: ['apikey'],
    ticketParams: ['ticket'],
    hasPathStyleParams: true,
  },
  {
    // Zoho Invoice kept its API key beside the token: `?authtoken=...&scope=invoiceapi&apikey=...`
    // (www.zoho.com/invoice/api/index.html, 2010: "Get a valid API key" and generate an authtoken).
    // Only the ticket is legacy here; removing the apikey would break the request.
    id: 'invoice',
    name: 'Invoice',
    hostLabels: ['invoice'],
    apiPath: /^\/api(\/|$)/i,
    scope: 'invoiceapi',
    apiKeyParams: [],
    ticketParams: ['ticket'],
  },
  {
    // https://reportsapi.zoho.com/api/<email>/<db>/<table>?ZOHO_ACTION=...&ZOHO_API_KEY=K&ticket=T&ZOHO_API_VERSION=1.0;
    // with a token: ...&authtoken=T&ZOHO_API_VERSION=1.0, no scope. Other ZOHO_* parameters stay.
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

const ACCOUNTS_HOST_NAME = 'accounts\\.zoho\\.[a-z.]+';

/** The sign-in host: ticket login/logout lives here (ticket-generation, never rewritten). */
export const ACCOUNTS_HOST = new RegExp(`^${ACCOUNTS_HOST_NAME}$`, 'i');

const ACCOUNTS_LOGIN = new RegExp(`${ACCOUNTS_HOST_NAME}/login\\b`, 'i');
const ACCOUNTS_LOGOUT = new RegExp(`${ACCOUNTS_HOST_NAME}/logout\\b`, 'i');

/**
 * The ticket page a text spells anywhere in it, `accounts.zoho.<dc>/login` or `/logout` (a login
 * first, when it has both), for code that reads text rather than a URL it took apart (DESIGN §1).
 */
export function accountsPageIn(text: string): 'login' | 'logout' | undefined {
  if (ACCOUNTS_LOGIN.test(text)) return 'login';
  return ACCOUNTS_LOGOUT.test(text) ? 'logout' : undefined;
}

/** `api.crm.zoho.com`-style prefixes aside, a Zoho host ends in `zoho.<data centre>`. */
const DATA_CENTRE_SUFFIX = new RegExp(
  `(^|\\.)zoho\\.(${ZOHO_DATA_CENTRES.map((dc) => dc.replace('.', '\\.')).join('|')})$`,
  'i',
);

export function isZohoHost(host: string): boolean {
  return DATA_CENTRE_SUFFIX.test(host) || MODERN_ZOHO_HOST.test(host);
}

/** The services served from a Zoho host, by its first label; the path then decides between them. */
export function findServicesByHost(host: string, services: readonly ZohoService[] = ZOHO_SERVICES): ZohoService[] {
  if (!DATA_CENTRE_SUFFIX.test(host)) return [];
  const label = host.toLowerCase().split('.')[0] ?? '';
  return services.filter((service) => service.hostLabels.some((candidate) => candidate.toLowerCase() === label));
}

/** A path alone proves Zoho when it is a private API path (`/crm/private/json/...`), used behind proxies. */
export function findServiceByPath(path: string, services: readonly ZohoService[] = ZOHO_SERVICES): ZohoService | undefined {
  return services.find((service) => {
    if (!service.apiPath.source.includes('private')) return false;
    return new RegExp(service.apiPath.source.replace(/^\^/, ''), service.apiPath.flags).test(path);
  });
}

/** The scope a service's requests take: CRM's is the `--scope` option, the others' are in the table. */
export function scopeOf(service: ZohoService, crmScope: string): string | null {
  return service.id === 'crm' ? crmScope : service.scope;
}

export function isLegacyParamName(name: string, service?: ZohoService): boolean {
  const lower = name.toLowerCase();
  const candidates = service
    ? [...service.apiKeyParams, ...service.ticketParams]
    : ZOHO_SERVICES.flatMap((s) => [...s.apiKeyParams, ...s.ticketParams]);
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

export function isTicketKeyName(name: string, service?: ZohoService): boolean {
  return keyNames(service).ticket.has(name);
}

const KEY_NAMES = new WeakMap<object, { legacy: Set<string>; apiKey: Set<string>; ticket: Set<string> }>();

function keyNames(service: ZohoService | undefined): { legacy: Set<string>; apiKey: Set<string>; ticket: Set<string> } {
  const owner = service ?? ZOHO_SERVICES;
  let names = KEY_NAMES.get(owner);
  if (!names) {
    const services = service ? [service] : ZOHO_SERVICES;
    names = {
      legacy: new Set(services.flatMap((s) => [...s.apiKeyParams, ...s.ticketParams])),
      apiKey: new Set(services.flatMap((s) => s.apiKeyParams)),
      ticket: new Set(services.flatMap((s) => s.ticketParams)),
    };
    KEY_NAMES.set(owner, names);
  }
  return names;
}
