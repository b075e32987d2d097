import type { DraftFinding } from '../context.js';
import type { Severity } from '../findings.js';
import { isCredentialLike, maskValue } from '../requests/hardcoded-credentials.js';
import { findLegacyUrls, type UrlMatch, type UrlParam } from '../text-scan.js';
import { scopeOf, type ZohoService } from '../zoho/services.js';
import { legacyCredentialOf } from './credential-keys.js';
import type { Setting, TextToken } from './tokens.js';

export interface UsageContext {
  text: string;
  /** How the findings name the file's language ("PHP", "a .env file", "page markup"). */
  language: string;
  services: readonly ZohoService[];
  /** CRM's scope (`--scope`); the other services take theirs from the table. */
  crmScope: string;
  /** Why the strings are not rewritten: another language, page markup, or a file that did not parse. */
  reason: 'language' | 'markup' | 'unparsed';
  report(draft: DraftFinding): void;
  secrets: Set<string>;
}

// A legacy parameter written as a query-string fragment (`"&apikey=" . $key`), with no URL around it.
const FRAGMENT = /(?:^|[?&;])(apikey|ticket|ZOHO_API_KEY)=/gi;
// The body of a ticket login answer, parsed line by line: `TICKET=<32 hex>` (DESIGN §1).
const TICKET_LINE = /(?:^|[^A-Za-z0-9_])TICKET=/;
// Interpolation in a value (`$key`, `{key}`, `#{key}`, `%s`, `${KEY}`): not a literal credential.
const INTERPOLATION = /[${}%#]/;

function replacementFor(service: ZohoService, url: string, crmScope: string): string {
  const scope = scopeOf(service, crmScope);
  const query = `authtoken=<token>${scope === null ? '' : `&scope=${scope}`}`;
  // Creator's path-style parameters become a proper query string.
  return url.includes('?') ? query : `a query string ?${query}`;
}

function describeParams(params: readonly UrlParam[]): string {
  return [...new Set(params.map((param) => param.name))].join(' and ');
}

function reportLiteralValues(params: readonly UrlParam[], context: UsageContext): void {
  for (const param of params) {
    if (INTERPOLATION.test(param.value) || !isCredentialLike(param.value)) continue;
    context.secrets.add(param.value);
    context.report({
      ruleId: 'hardcoded-credential',
      messageId: 'literal',
      data: { param: param.name, masked: maskValue(param.value) },
      start: param.valueStart,
      end: param.valueEnd,
      fixable: false,
    });
  }
}

function reportUrl(match: UrlMatch, tokenKind: TextToken['kind'], context: UsageContext): void {
  const isComment = tokenKind === 'comment';
  const severity: Severity | undefined = isComment ? 'note' : undefined;
  const where = { start: match.start, end: match.end, fixable: false, ...(severity ? { severity } : {}) };
  if (match.kind === 'ticket-login') {
    context.report({ ruleId: 'ticket-generation', messageId: 'login', ...where });
    return;
  }
  const service = match.endpoint.kind === 'service' ? match.endpoint.service.name : 'API';
  const params = describeParams(match.params);
  if (isComment) {
    context.report({ ruleId: 'legacy-auth-params', messageId: 'comment', data: { service, params }, ...where });
  } else if (match.endpoint.kind === 'unknown-zoho') {
    const reason = `${match.endpoint.host} is not a Zoho API of the apikey/ticket era this tool knows`;
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service, params, reason }, ...where });
  } else if (context.reason !== 'language') {
    const reason = context.reason === 'markup' ? 'it is in the page markup, outside any script' : 'the file could not be parsed';
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service, params, reason }, ...where });
  } else if (match.endpoint.kind === 'service') {
    const data = { service, params, language: context.language, replacement: replacementFor(match.endpoint.service, match.url, context.crmScope) };
    context.report({ ruleId: 'legacy-auth-params', messageId: 'handwork', data, ...where });
  }
  reportLiteralValues(match.params, context);
}

/** A string with no URL: a query fragment or a TICKET= parse, suspicious only in a file that mentions Zoho. */
function reportFragments(literal: TextToken, context: UsageContext, mentionsZoho: boolean): void {
  const inner = context.text.slice(literal.innerStart, literal.innerEnd);
  if (mentionsZoho && TICKET_LINE.test(inner) && !/ticket=/.test(inner)) {
    context.report({ ruleId: 'ticket-generation', messageId: 'login', start: literal.start, end: literal.end, fixable: false });
    return;
  }
  const names = [...inner.matchAll(FRAGMENT)].map((match) => match[1]!.toLowerCase());
  const hasBoth = names.includes('ticket') && names.some((name) => name !== 'ticket');
  if (names.length === 0 || !(mentionsZoho || hasBoth)) return;
  const params = [...new Set(names.map((name) => (name === 'zoho_api_key' ? 'ZOHO_API_KEY' : name)))].join(' and ');
  context.report({ ruleId: 'legacy-auth-params', messageId: 'unprovable', data: { params, scope: context.crmScope }, start: literal.start, end: literal.end, fixable: false });
}

function reportSetting(setting: Setting, context: UsageContext): void {
  const credential = legacyCredentialOf(setting.key, setting.parents);
  if (!credential) return;
  context.report({ ruleId: 'legacy-auth-params', messageId: 'setting', data: { key: setting.key, credential }, start: setting.start, end: setting.end, fixable: false });
  const value = setting.value;
  if (value === undefined || INTERPOLATION.test(value) || !isCredentialLike(value)) return;
  context.secrets.add(value);
  const valueStart = context.text.lastIndexOf(value, setting.end);
  context.report({
    ruleId: 'hardcoded-credential',
    messageId: 'literal',
    data: { param: setting.key, masked: maskValue(value) },
    start: valueStart >= setting.start ? valueStart : setting.start,
    end: valueStart >= setting.start ? valueStart + value.length : setting.end,
    fixable: false,
  });
}

/**
 * Legacy usage in a file this tool does not rewrite: legacy URLs in strings (errors) and comments
 * (notes), ticket login/logout, query fragments in a file that mentions Zoho, and settings that
 * hold the legacy credentials. Every finding is for a human to act on; none is fixable.
 */
export function reportLegacyUsage(tokens: readonly TextToken[], settings: readonly Setting[], context: UsageContext): void {
  const mentionsZoho = /zoho/i.test(context.text);
  const hasLoginContext = /FROM_AGENT|LOGIN_ID/.test(context.text);
  for (const literal of tokens) {
    const matches = findLegacyUrls(context.text, literal.innerStart, literal.innerEnd, { services: context.services, hasLoginContext });
    for (const match of matches) reportUrl(match, literal.kind, context);
    const hasUrl = /(?:https?:)?\/\/[a-z0-9-]+\.[a-z]/i.test(context.text.slice(literal.innerStart, literal.innerEnd));
    if (literal.kind === 'string' && !hasUrl) reportFragments(literal, context, mentionsZoho);
  }
  for (const setting of settings) reportSetting(setting, context);
}
