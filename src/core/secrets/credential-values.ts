import { isCredentialLike } from '../requests/hardcoded-credentials.js';

/**
 * Literal credential values written anywhere in a file, found by a text scan so that every
 * output (messages, diffs, report excerpts) can mask them, whether or not a detector reports the
 * construct: DESIGN §3 "masked in every format". Names are the Zoho ones (apikey, ticket,
 * authtoken, ZOHO_API_KEY) and the login URL's PASSWORD.
 */
const NAMES = 'apikey|api_key|zoho_api_key|ticket|authtoken|password|passwd';

/** `name=value` in a URL or query string: the value runs to the next delimiter. */
const QUERY_VALUE = new RegExp(`[?&](${NAMES})=([^&#\\s'"\`<>{}()+,;\\\\]+)`, 'gi');

/** `name: 'value'` and `name = 'value'` in code: object literals, assignments, config. */
const CODE_VALUE = new RegExp(`(?<![\\w$?&])['"]?(${NAMES})['"]?\\s*[:=]\\s*(['"\`])([^\\s'"\`\\\\+]+)\\2`, 'gi');

function isPasswordName(name: string): boolean {
  return /^pass/i.test(name);
}

/** Passwords need not look random; they only must not be placeholders or expressions. */
function isPasswordLike(value: string): boolean {
  return value.length >= 6 && !/^(your|my|insert|replace|change|xx+|<|\$|%|\{)/i.test(value) && !/^[x*.]+$/i.test(value);
}

function isSecretValue(name: string, value: string): boolean {
  return isPasswordName(name) ? isPasswordLike(value) : isCredentialLike(value);
}

export function findCredentialValues(text: string): string[] {
  if (!/apikey|api_key|ticket|authtoken|passw/i.test(text)) return [];
  const values = new Set<string>();
  for (const match of text.matchAll(QUERY_VALUE)) {
    if (isSecretValue(match[1]!, match[2]!)) values.add(match[2]!);
  }
  for (const match of text.matchAll(CODE_VALUE)) {
    if (isSecretValue(match[1]!, match[3]!)) values.add(match[3]!);
  }
  return [...values];
}
