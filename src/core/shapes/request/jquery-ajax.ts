import { calleeParts, isModuleName, plainArguments, withOptions, type RequestCall, type RequestShape } from '../request-shape.js';

const MODULES = ['jquery'];
const GLOBALS = ['$', 'jQuery'];
const SHORTHANDS = new Set(['get', 'post', 'getJSON']);
const PARAM_KEYS = ['data'];

/**
 * jQuery: `$.ajax(url, settings)`, `$.ajax({ url, data })`, and the shorthands `$.get`, `$.post`,
 * `$.getJSON(url, data, success)` (https://api.jquery.com/jQuery.ajax/).
 */
export const jqueryAjaxShape: RequestShape = {
  id: 'jquery-ajax',
  clientModules: MODULES,
  clientGlobals: GLOBALS,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || parts.names.length !== 2 || !isModuleName(parts, MODULES, GLOBALS)) return undefined;
    const method = parts.names[1]!;
    if (method !== 'ajax' && !SHORTHANDS.has(method)) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    const first = args[0];
    const settings = first && tools.objectLiteral(first) ? first : method === 'ajax' ? args[1] : undefined;
    if (first && settings !== first) request.parts.url = first;
    if (method !== 'ajax' && settings !== first && args[1]) request.paramNodes.push(args[1]);
    return withOptions(request, settings, PARAM_KEYS, ['url'], tools);
  },
};
