import { calleeParts, isModuleName, plainArguments, withOptions, type RequestCall, type RequestShape } from '../request-shape.js';

const MODULES = ['got'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
/** `searchParams` since got 10, `query` before it; `form` and `json` bodies (https://github.com/sindresorhus/got). */
const PARAM_KEYS = ['searchParams', 'query', 'form', 'json', 'body'];

/** got: `got(url, options)`, `got(options)` with `url`, and `got.get(url, options)` and the other methods. */
export const gotShape: RequestShape = {
  id: 'got',
  clientModules: MODULES,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || !isModuleName(parts, MODULES, [])) return undefined;
    if (parts.names.length > 2 || (parts.names.length === 2 && !METHODS.has(parts.names[1]!))) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    const first = args[0];
    const options = first && tools.objectLiteral(first) ? first : args[1];
    if (first && options !== first) request.parts.url = first;
    return withOptions(request, options, PARAM_KEYS, ['url'], tools);
  },
};
