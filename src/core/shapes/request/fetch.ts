import { calleeParts, isModuleName, plainArguments, type RequestCall, type RequestShape } from '../request-shape.js';

const MODULES = ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici'];
const GLOBALS = ['fetch'];
const PARAM_KEYS = ['body'];

/** `fetch(url, { body })`: the URL (a string or a `new URL`) and a form body (`new URLSearchParams(...)`, a query string). */
export const fetchShape: RequestShape = {
  id: 'fetch',
  clientModules: MODULES,
  clientGlobals: GLOBALS,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || parts.names.length !== 1 || !isModuleName(parts, MODULES, GLOBALS)) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    if (args[0]) request.parts.url = args[0];
    const init = args[1];
    if (!init) return request;
    request.options = { node: init, paramKeys: PARAM_KEYS };
    const literal = tools.objectLiteral(init);
    const body = literal && tools.property(literal, ['body']);
    if (body) request.paramNodes.push(body);
    return request;
  },
};
