import type { DraftFinding } from '../context.js';
import type { Severity } from '../findings.js';
import { isCredentialLike, maskValue } from '../requests/hardcoded-credentials.js';
import { unknownZohoReason } from '../requests/verdict-report.js';
import { LineIndex } from '../source/line-index.js';
import { findLegacyUrls, type UrlMatch, type UrlParam } from '../text-scan.js';
import { hasApiKeyAndTicket, namesAlternation, perServiceTable } from '../zoho/legacy-param-names.js';
import { isLegacyParamName, scopeOf, type ZohoService } from '../zoho/services.js';
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
  /** Code, where strings are concatenated: a URL may go on in the next literal. */
  hasExpressions: boolean;
  report(draft: DraftFinding): void;
  secrets: Set<string>;
}

const URL_START = /(?:https?:)?\/\/[a-z0-9-]+\.[a-z]/i;
// A legacy parameter written as a query-string fragment (`"&apikey=" . $key`), with no URL around it.
const fragment = perServiceTable(({ all }) => new RegExp(`(?:^|[?&;])(${namesAlternation(all)})=`, 'gi'));
// The body of a ticket login answer, parsed line by line: `TICKET=<32 hex>` (DESIGN §1).
const TICKET_LINE = /(?:^|[^A-Za-z0-9_])TICKET=/;
// Interpolation in a value (`$key`, `{key}`, `#{key}`, `%s`, `${KEY}`): not a literal credential.
const INTERPOLATION = /[${}%#]/;

function replacementFor(match: UrlMatch, service: ZohoService, crmScope: string): string {
  const scope = scopeOf(service, crmScope);
  const query = `authtoken=<token>${scope === null ? '' : `&scope=${scope}`}`;
  // Creator's path-style parameters (in the URL itself, no `?`) become a proper query string.
  const isPathStyle = match.params.length > 0 && !match.url.includes('?');
  return isPathStyle ? `a query string ?${query}` : query;
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

/** A legacy URL, with the pieces of the same expression that follow it (`"...?apikey=" . $k . "&ticket=" . $t`). */
interface UrlUse {
  match: UrlMatch;
  params: UrlParam[];
  /** The end of the reported range: the last piece's text. */
  end: number;
  /** The token the URL ends in, or the last piece joined to it. */
  last?: TextToken;
}

function reportUrl(use: UrlUse, tokenKind: TextToken['kind'], context: UsageContext): void {
  const { match } = use;
  const isComment = tokenKind === 'comment';
  const severity: Severity | undefined = isComment ? 'note' : undefined;
  const where = { start: match.start, end: use.end, fixable: false, ...(severity ? { severity } : {}) };
  if (match.kind === 'ticket-login') {
    context.report({ ruleId: 'ticket-generation', messageId: 'login', ...where });
    return;
  }
  if (use.params.length === 0) return;
  const service = match.endpoint.kind === 'service' ? match.endpoint.service.name : 'API';
  const params = describeParams(use.params);
  if (isComment) {
    context.report({ ruleId: 'legacy-auth-params', messageId: 'comment', data: { service, params }, ...where });
  } else if (match.endpoint.kind === 'unknown-zoho') {
    const reason = unknownZohoReason(match.endpoint.host);
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service, params, reason }, ...where });
  } else if (context.reason !== 'language') {
    const reason = context.reason === 'markup' ? 'it is in the page markup, outside any script' : 'the file could not be parsed';
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service, params, reason }, ...where });
  } else if (match.endpoint.kind === 'service') {
    const data = { service, params, language: context.language, replacement: replacementFor(match, match.endpoint.service, context.crmScope) };
    context.report({ ruleId: 'legacy-auth-params', messageId: 'handwork', data, ...where });
  }
  reportLiteralValues(use.params, context);
}

/** `&apikey=...` pieces written in a string with no URL, with their values as written. */
function fragmentParams(text: string, literal: TextToken, services: readonly ZohoService[]): UrlParam[] {
  const inner = text.slice(literal.innerStart, literal.innerEnd);
  if (!inner.includes('=')) return [];
  return [...inner.matchAll(fragment(services))].map((match) => {
    const valueStart = literal.innerStart + (match.index ?? 0) + match[0].length;
    const value = /^[^&#\s]*/.exec(text.slice(valueStart, literal.innerEnd))![0];
    return { name: match[1]!, value, valueStart, valueEnd: valueStart + value.length };
  });
}

/**
 * Is the code between two string literals part of one expression? No statement end; a
 * concatenation operator (`+`, `.`, `&`, PHP's `?>`) or nothing at all (adjacent literals, as in
 * Python); a line break only beside an operator, or between adjacent literals.
 */
function isSameExpression(between: string): boolean {
  if (between.includes(';')) return false;
  const lineBreaks = between.split('\n').length - 1;
  if (lineBreaks > 2) return false;
  if (/^\s*$/.test(between)) return true;
  if (!/[+.&]|\?>/.test(between)) return false;
  return lineBreaks === 0 || /[+.&\\_]\s*\r?\n|\n\s*[+.&]|\?>/.test(between);
}

/** A string with no URL: a query fragment or a TICKET= parse, suspicious only in a file that mentions Zoho. */
function reportFragments(literal: TextToken, context: UsageContext, mentionsZoho: boolean): void {
  const inner = context.text.slice(literal.innerStart, literal.innerEnd);
  if (mentionsZoho && TICKET_LINE.test(inner) && !/ticket=/.test(inner)) {
    context.report({ ruleId: 'ticket-generation', messageId: 'login', start: literal.start, end: literal.end, fixable: false });
    return;
  }
  const fragments = fragmentParams(context.text, literal, context.services);
  const names = fragments.map((param) => param.name);
  if (names.length === 0 || !(mentionsZoho || hasApiKeyAndTicket(names, context.services))) return;
  context.report({ ruleId: 'legacy-auth-params', messageId: 'unprovable', data: { params: describeParams(fragments), scope: context.crmScope }, start: literal.start, end: literal.end, fixable: false });
  reportLiteralValues(fragments, context);
}

/** What follows a string that is a map key or an index: `'apikey' =>`, `"ticket":`, `['ticket'] =`. */
const KEY_POSITION = /^[ \t]*(?:=>|:(?!:)|\][ \t]*=(?!=))/;

/** Lines apart the two legacy keys may stand and still be one set of parameters. */
const PAIR_LINES = 4;

/** Does Zoho appear in the file's code or strings (not only in its comments)? */
function codeMentionsZoho(tokens: readonly TextToken[], text: string): boolean {
  let cursor = 0;
  for (const comment of tokens.filter((t) => t.kind === 'comment').sort((a, b) => a.start - b.start)) {
    if (/zoho/i.test(text.slice(cursor, comment.start))) return true;
    cursor = Math.max(cursor, comment.end);
  }
  return /zoho/i.test(text.slice(cursor));
}

/**
 * `array('apikey' => $key, 'ticket' => $t)`, `{"apikey": KEY, "ticket": t}`, `params['ticket'] = t`:
 * the legacy parameters handed to a query builder in code. Reported (never rewritten) only in a
 * file whose code names Zoho, and only as a pair: an `apikey` key with a `ticket` key within a few
 * lines, so that another vendor's `apikey` or a help-desk `ticket` alone never is.
 */
function reportParamKeys(tokens: readonly TextToken[], context: UsageContext): void {
  if (!context.hasExpressions || context.reason !== 'language') return;
  // apikey and ticket as written, not the table's names: the table would add Reports'
  // ZOHO_API_KEY to the pair, a change of what is reported that no case asks for.
  const keys = tokens.flatMap((literal) => {
    if (literal.kind !== 'string') return [];
    const name = context.text.slice(literal.innerStart, literal.innerEnd).toLowerCase();
    const isKey = (name === 'apikey' || name === 'ticket') && KEY_POSITION.test(context.text.slice(literal.end, literal.end + 16));
    return isKey ? [{ literal, name }] : [];
  });
  if (!keys.some((key) => key.name === 'apikey') || !keys.some((key) => key.name === 'ticket') || !codeMentionsZoho(tokens, context.text)) return;
  const lines = new LineIndex(context.text);
  const lineOf = (key: { literal: TextToken }) => lines.position(key.literal.start).line;
  for (const key of keys) {
    if (!keys.some((other) => other.name !== key.name && Math.abs(lineOf(other) - lineOf(key)) <= PAIR_LINES)) continue;
    const params = context.text.slice(key.literal.innerStart, key.literal.innerEnd);
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unprovable', data: { params, scope: context.crmScope }, start: key.literal.start, end: key.literal.end, fixable: false });
  }
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
  const { text } = context;
  const mentionsZoho = /zoho/i.test(text);
  const hasLoginContext = /FROM_AGENT|LOGIN_ID/.test(text);
  // A URL that ends its string may go on in the next strings of the expression.
  let open: UrlUse | undefined;
  const close = () => {
    if (open) reportUrl(open, 'string', context);
    open = undefined;
  };
  for (const literal of [...tokens].sort((a, b) => a.start - b.start)) {
    const isString = literal.kind === 'string';
    const hasUrl = URL_START.test(text.slice(literal.innerStart, literal.innerEnd));
    const last = open?.last;
    const isJoined =
      isString && !hasUrl && last !== undefined && (last.isContinued === true || (context.hasExpressions && isSameExpression(text.slice(last.end, literal.start))));
    if (open && isJoined) {
      const service = open.match.endpoint.kind === 'service' ? open.match.endpoint.service : undefined;
      open.params.push(...fragmentParams(text, literal, context.services).filter((param) => isLegacyParamName(param.name, service)));
      open.end = literal.innerEnd;
      open.last = literal;
      continue;
    }
    if (isString) close();
    const matches = findLegacyUrls(text, literal.innerStart, literal.innerEnd, { services: context.services, hasLoginContext, isCleanIncluded: isString });
    matches.forEach((match, index) => {
      const use: UrlUse = { match, params: [...match.params], end: match.end };
      const isOpen = isString && match.kind === 'legacy-url' && index === matches.length - 1 && match.end >= literal.innerEnd;
      if (isOpen) open = { ...use, last: literal };
      else reportUrl(use, literal.kind, context);
    });
    if (isString && !hasUrl) reportFragments(literal, context, mentionsZoho);
  }
  close();
  reportParamKeys(tokens, context);
  for (const setting of settings) reportSetting(setting, context);
}
