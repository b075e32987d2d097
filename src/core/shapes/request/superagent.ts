import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { calleeParts, isModuleName, plainArguments, type AnyCall, type RequestShape, type ShapeTools } from '../request-shape.js';

const MODULES = ['superagent'];
const GLOBALS = ['superagent'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);
/** Calls that return the same request: a chain may pass through them on its way to `.query`/`.send`. */
const CHAINABLE = new Set(['set', 'type', 'accept', 'query', 'send', 'field', 'timeout', 'retry', 'withCredentials', 'auth', 'redirects', 'ok', 'use', 'responseType']);
const MAX_CHAIN = 16;

/** The URL of the request a chain starts with: `superagent.get(url)`, `superagent('GET', url)`. */
function startUrl(call: AnyCall, tools: ShapeTools): Node | undefined {
  const parts = calleeParts(call, tools);
  const args = plainArguments(call);
  if (!parts || !args || !isModuleName(parts, MODULES, GLOBALS)) return undefined;
  if (parts.names.length === 2 && METHODS.has(parts.names[1]!)) return args[0];
  if (parts.names.length === 1) return args.length >= 2 ? args[1] : args[0];
  return undefined;
}

/** Walks back from `.query(...)` through the chain (or a variable holding it) to the call that started the request. */
function requestUrl(receiver: Node, tools: ShapeTools): Node | undefined {
  let current: Node | undefined = receiver;
  for (let step = 0; current && step < MAX_CHAIN; step++) {
    const call = tools.creatorOf(current);
    if (!call || call.type !== 'CallExpression') return undefined;
    const url = startUrl(call, tools);
    if (url) return url;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || !CHAINABLE.has(staticPropertyName(callee.property, callee.computed) ?? '')) return undefined;
    current = callee.object;
  }
  return undefined;
}

/**
 * superagent: `superagent.get(url).query({ ... })` and `.send({ ... })` anywhere along the chain
 * (also on a variable that holds the request), with the module under any name
 * (https://ladjs.github.io/superagent/#query-strings).
 */
export const superagentShape: RequestShape = {
  id: 'superagent',
  clientModules: MODULES,
  clientGlobals: GLOBALS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const callee = unwrapExpression(call.callee);
    const args = plainArguments(call);
    if (callee.type !== 'MemberExpression' || !args || args.length !== 1) return undefined;
    const method = staticPropertyName(callee.property, callee.computed);
    if (method !== 'query' && method !== 'send') return undefined;
    const url = requestUrl(callee.object, tools);
    if (!url) return undefined;
    return { call, parts: { url }, paramNodes: [args[0]!] };
  },
};
