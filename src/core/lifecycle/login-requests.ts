import type { Node, ObjectExpression } from '@babel/types';
import { memberPath, staticPropertyName } from '../ast/node-utils.js';
import { ACCOUNTS_HOST } from '../zoho/services.js';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';

// `//accounts.zoho.<dc>/<path>?<query>`: the sign-in host (DESIGN §1).
const ACCOUNTS_URL = /\/\/([a-z0-9.-]+)(?::\d+)?(\/[^?#\s'"`\u0000]*)?/gi;
const PARAM_NAME = /(?:^|[?&\u0000])([A-Za-z_]+)=/g;

/** The agent-login parameters of Zoho's ticket login; uppercase, as Zoho documented them. */
const AGENT_PARAMS = ['FROM_AGENT', 'LOGIN_ID', 'PASSWORD'] as const;

function paramNames(text: string): Set<string> {
  return new Set([...text.matchAll(PARAM_NAME)].map((match) => match[1]!));
}

/** FROM_AGENT with a login id or password is Zoho's ticket login and nothing else. */
function isAgentLogin(names: ReadonlySet<string>): boolean {
  return names.has('FROM_AGENT') && (names.has('LOGIN_ID') || names.has('PASSWORD'));
}

function hasAgentParam(names: ReadonlySet<string>, anyCase = false): boolean {
  const upper = anyCase ? new Set([...names].map((name) => name.toUpperCase())) : names;
  return AGENT_PARAMS.some((name) => upper.has(name));
}

interface AccountsUrl {
  path: string;
  /** Everything after the host: the query may come from other parts of the expression. */
  rest: string;
}

function accountsUrls(text: string): AccountsUrl[] {
  const urls: AccountsUrl[] = [];
  for (const match of text.matchAll(ACCOUNTS_URL)) {
    if (!ACCOUNTS_HOST.test(match[1] ?? '')) continue;
    urls.push({ path: (match[2] ?? '/').toLowerCase(), rest: text.slice((match.index ?? 0) + match[0].length) });
  }
  return urls;
}

/** A weak signal: enough only next to its complement in the same construct. */
interface Clue {
  kind: 'accounts-login' | 'agent-params';
  anchor: Node;
  names?: ReadonlySet<string>;
}

/**
 * Ticket login and logout requests, whatever builds them: a URL in a literal, a template, a `+`
 * chain or a constant (of this module or another), a POST body, a form/params object, or
 * `URLSearchParams.append` calls. A sign-in page URL without the agent parameters (a browser
 * redirect) is not a ticket login, and the OAuth and authtoken endpoints are not either.
 */
export function findLoginRequests(lifecycle: LifecycleContext): LifecycleHit[] {
  const context = lifecycle.core;
  const hits: LifecycleHit[] = [];
  const clues: Clue[] = [];
  const login = (anchor: Node): void => void hits.push({ ruleId: 'ticket-generation', messageId: 'login', anchor });

  for (const { root, text } of lifecycle.strings()) {
    if (!/accounts|LOGIN_ID|FROM_AGENT|PASSWORD/i.test(text)) continue;
    const urls = accountsUrls(text);
    const names = paramNames(text);
    let isDone = false;
    for (const url of urls) {
      const urlNames = paramNames(url.rest);
      if (/^\/login\/?$/.test(url.path) && hasAgentParam(urlNames, true)) login(root);
      else if (/^\/logout\/?$/.test(url.path) && [...urlNames].some((name) => /^(ticket|FROM_AGENT)$/i.test(name))) {
        hits.push({ ruleId: 'ticket-generation', messageId: 'logout', anchor: root });
      } else if (/^\/login\/?$/.test(url.path)) clues.push({ kind: 'accounts-login', anchor: root });
      else continue;
      isDone = true;
      break;
    }
    if (isDone) continue;
    if (isAgentLogin(names)) login(root);
    else if (hasAgentParam(names)) clues.push({ kind: 'agent-params', anchor: root, names });
  }

  for (const object of context.index.ofType('ObjectExpression')) {
    const keys = objectKeys(object);
    if (isAgentLogin(keys)) login(object);
    else if (hasAgentParam(keys)) clues.push({ kind: 'agent-params', anchor: object, names: keys });
    else if (isAccountsLoginTarget(object, lifecycle)) clues.push({ kind: 'accounts-login', anchor: object });
  }
  clues.push(...appendedParams(lifecycle));

  // Weak clues meet in one construct: `request.post({ url: 'https://accounts.zoho.com/login', form })`.
  const byConstruct = new Map<Node, Clue[]>();
  for (const clue of clues) {
    const construct = lifecycle.constructOf(clue.anchor);
    byConstruct.set(construct, [...(byConstruct.get(construct) ?? []), clue]);
  }
  for (const group of byConstruct.values()) {
    const page = group.find((clue) => clue.kind === 'accounts-login');
    const params = group.filter((clue) => clue.kind === 'agent-params');
    const names = new Set(params.flatMap((clue) => [...(clue.names ?? [])]));
    if (page && params.length > 0) login(page.anchor);
    else if (params.length > 0 && (isAgentLogin(names) || (names.has('LOGIN_ID') && names.has('PASSWORD') && context.mentionsZoho))) login(params[0]!.anchor);
  }
  return hits;
}

function objectKeys(object: ObjectExpression): Set<string> {
  const keys = new Set<string>();
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') continue;
    const key = staticPropertyName(property.key, property.computed);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** `https.request({ hostname: 'accounts.zoho.com', path: '/login', ... })`. */
function isAccountsLoginTarget(object: ObjectExpression, lifecycle: LifecycleContext): boolean {
  let host: string | undefined;
  let path: string | undefined;
  for (const property of object.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = staticPropertyName(property.key, property.computed);
    if (key === 'host' || key === 'hostname') host = lifecycle.knownText(property.value);
    if (key === 'path' || key === 'pathname') path = lifecycle.knownText(property.value);
  }
  return Boolean(host && ACCOUNTS_HOST.test(host) && path && /^\/login(?:[/?]|$)/i.test(path));
}

/** `form.append('LOGIN_ID', user)` calls on one receiver in one function: like the keys of one object. */
function appendedParams(lifecycle: LifecycleContext): Clue[] {
  const { index } = lifecycle.core;
  const groups = new Map<string, { anchor: Node; names: Set<string> }>();
  for (const call of index.ofType('CallExpression')) {
    const path = memberPath(call.callee);
    const first = call.arguments[0];
    if (!path || path.length < 2 || !['append', 'set'].includes(path.at(-1)!) || first?.type !== 'StringLiteral') continue;
    if (!(AGENT_PARAMS as readonly string[]).includes(first.value)) continue;
    const key = `${path.slice(0, -1).join('.')}@${index.enclosingFunction(call)?.start ?? 0}`;
    const group = groups.get(key) ?? { anchor: call, names: new Set<string>() };
    group.names.add(first.value);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ kind: 'agent-params', anchor: group.anchor, names: group.names }));
}
