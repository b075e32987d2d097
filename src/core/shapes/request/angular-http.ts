import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { plainArguments, withOptions, type RequestCall, type RequestShape } from '../request-shape.js';

const WITHOUT_DATA = new Set(['get', 'delete', 'head', 'jsonp']);
const WITH_DATA = new Set(['post', 'put', 'patch']);
// `body` is vue-resource's name for `data`: its `this.$http` takes the same arguments (https://github.com/pagekit/vue-resource).
const PARAM_KEYS = ['params', 'data', 'body'];

/**
 * `$http`, or `this.$http` / `vm.$http` where a controller keeps what AngularJS injected: the
 * service is found by its name, since it arrives through dependency injection, never an import.
 */
function isHttpService(node: Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === 'Identifier') return inner.name === '$http';
  return inner.type === 'MemberExpression' && staticPropertyName(inner.property, inner.computed) === '$http';
}

/**
 * AngularJS: `$http({ method, url, params, data })`, `$http.get(url, { params })` (also `delete`,
 * `head`, `jsonp`) and `$http.post(url, data, { params })` (also `put`, `patch`)
 * (https://docs.angularjs.org/api/ng/service/$http).
 */
export const angularHttpShape: RequestShape = {
  id: 'angular-http',
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const args = plainArguments(call);
    if (!args) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    const callee = unwrapExpression(call.callee);
    if (isHttpService(callee)) return withOptions(request, args[0], PARAM_KEYS, ['url'], tools);
    if (callee.type !== 'MemberExpression' || !isHttpService(callee.object)) return undefined;
    const method = staticPropertyName(callee.property, callee.computed);
    if (method === undefined || (!WITHOUT_DATA.has(method) && !WITH_DATA.has(method))) return undefined;
    if (args[0]) request.parts.url = args[0];
    if (WITHOUT_DATA.has(method)) return withOptions(request, args[1], PARAM_KEYS, ['url'], tools);
    if (args[1]) request.paramNodes.push(args[1]);
    return withOptions(request, args[2], PARAM_KEYS, ['url'], tools);
  },
};
