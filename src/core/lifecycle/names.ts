/**
 * Names that say what a piece of code is for. They only ever support evidence (a login URL, a
 * `TICKET=` parse, a timer with a 7-day period); on their own they flag nothing.
 */

/** `ensureFresh` is `ensure_fresh`, not a refresh: names are compared word by word. */
function words(name: string): string {
  return name
    .split(/(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase();
}

const LIFECYCLE_WORDS = /(?:^|_)(?:[a-z]*ticket[a-z]*|log_?(?:in|on|out|off)|re_?log_?in|sign_?(?:in|on)|session|auth[a-z]*|re_?auth[a-z]*|credentials?|renew[a-z]*|refresh[a-z]*|expir[a-z]*|keep_?alive)(?:_|$)/;

/**
 * A function with such a name that holds ticket code is deleted whole: `login`, `getTicket`,
 * `refreshZohoSession`, `scheduleRenewal`. Any other function keeps its body, and only the
 * statement is flagged; so does one of these that also sends a Zoho API request (a request helper).
 */
export function isLifecycleFunctionName(name: string): boolean {
  return LIFECYCLE_WORDS.test(words(name));
}

/**
 * A function that obtains or renews a Zoho ticket, judged by its name when its body is in another
 * module: `getTicket`, `refreshZohoTicket`, `ticketLogin`, `loginToZoho`. Singular on purpose:
 * `getTickets`, `syncTickets` and `createTicket` are help-desk operations.
 */
export const TICKET_FUNCTION_NAME = new RegExp(
  [
    '^(?:get|refresh|renew|regenerate|generate|new|fetch|obtain|request|ensure|reset|rotate|login|relogin|current)?_?(?:zoho_?)?(?:crm_?)?(?:api_?)?ticket$',
    '^(?:zoho_?)?(?:crm_?)?ticket_?(?:login|refresh|renew|renewal)$',
    '^(?:zoho|crm)_?(?:login|logon|sign_?in|relogin)$',
    '^(?:login|logon|sign_?in|relogin)_?(?:to_?)?(?:zoho|crm)$',
  ].join('|'),
  'i',
);

/** Zoho Desk's tickets are help-desk records: a file about them says so. */
export const DESK_MARKER = /desk(?!top)/i;

/** A word `ticket`, singular, in a SQL statement, a cache key or a file name: `zoho_ticket`, `zoho:ticket`. */
export const TICKET_WORD = /(?:^|[^a-z])ticket(?:[^a-z]|$)/i;
