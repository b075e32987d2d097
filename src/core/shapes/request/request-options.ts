import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { calleeParts, isModuleName, plainArguments, withOptions, type AnyCall, type RequestCall, type RequestShape, type ShapeTools } from '../request-shape.js';

// The `request` package and its wrappers share its options: https://github.com/request/request#requestoptions-callback
const MODULES = ['request', 'request-promise', 'request-promise-native', 'postman-request', 'requestretry'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);
const PARAM_KEYS = ['qs', 'form', 'formData', 'body'];

function factoryOf(node: Node, tools: ShapeTools): AnyCall | undefined {
  const creator = tools.creatorOf(node);
  if (!creator) return undefined;
  const parts = calleeParts(creator, tools);
  return parts && parts.names.length === 2 && parts.names[1] === 'defaults' && isModuleName(parts, MODULES, []) ? creator : undefined;
}

/**
 * request: `request(url, options)`, `request({ url, qs })`, `request.post({ url, form })`, and
 * `request.defaults({ baseUrl, qs })` instances.
 */
export const requestOptionsShape: RequestShape = {
  id: 'request-options',
  clientModules: MODULES,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!args) return undefined;
    const isRequest = Boolean(parts && parts.names.length <= 2 && isModuleName(parts, MODULES, []));
    const callee = unwrapExpression(call.callee);
    const isMethod = callee.type === 'MemberExpression';
    const factory = isRequest ? undefined : factoryOf(isMethod ? callee.object : callee, tools);
    if (!isRequest && !factory) return undefined;
    const method = isMethod ? staticPropertyName(callee.property, callee.computed) : undefined;
    if (isMethod && method === undefined) return undefined;
    const isFactory = method === 'defaults' && isRequest;
    if (method !== undefined && !METHODS.has(method) && !isFactory) return undefined;
    const request: RequestCall = { call, parts: factory ? { factory } : {}, paramNodes: [] };
    if (isFactory) request.isFactory = true;
    const first = args[0];
    const options = first && tools.objectLiteral(first) ? first : args[1];
    if (first && options !== first) request.parts.url = first;
    return withOptions(request, options, PARAM_KEYS, isFactory ? ['baseUrl'] : ['url', 'uri'], tools);
  },
};
