import { calleeParts, isModuleName, plainArguments, withOptions, type RequestCall, type RequestShape } from '../request-shape.js';

const MODULES = ['restler'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'head', 'json', 'postJson', 'putJson']);
const PARAM_KEYS = ['query', 'data'];

/**
 * restler: `rest.get(url, { query })`, `rest.post(url, { data })`, `rest.postJson(url, data)`
 * (https://github.com/danwrong/restler).
 */
export const restlerShape: RequestShape = {
  id: 'restler',
  clientModules: MODULES,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || parts.names.length !== 2 || !METHODS.has(parts.names[1]!) || !isModuleName(parts, MODULES, [])) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    if (args[0]) request.parts.url = args[0];
    const method = parts.names[1]!;
    if (method === 'json' || method === 'postJson' || method === 'putJson') {
      if (args[1]) request.paramNodes.push(args[1]);
      return withOptions(request, args[2], ['query'], [], tools);
    }
    return withOptions(request, args[1], PARAM_KEYS, [], tools);
  },
};
