import { calleeParts, isModuleName, plainArguments, type RequestCall, type RequestShape } from '../request-shape.js';

const MODULES = ['needle'];
const WITHOUT_DATA = new Set(['get', 'head']);
const WITH_DATA = new Set(['post', 'put', 'patch', 'delete']);

/**
 * needle: `needle.post(url, data, options, cb)` (the data is the body) and `needle('get', url, data)`
 * / `needle.request('get', url, data)` (for GET, the data is the query string)
 * (https://github.com/tomas/needle).
 */
export const needleShape: RequestShape = {
  id: 'needle',
  clientModules: MODULES,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || parts.names.length > 2 || !isModuleName(parts, MODULES, [])) return undefined;
    const method = parts.names[1];
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    // `needle(method, url, data)` and `needle.request(method, url, data)`.
    const isGeneric = method === undefined || method === 'request';
    const [url, data] = isGeneric ? [args[1], args[2]] : [args[0], WITH_DATA.has(method) ? args[1] : undefined];
    if (!isGeneric && !WITH_DATA.has(method) && !WITHOUT_DATA.has(method)) return undefined;
    if (url) request.parts.url = url;
    if (data) request.paramNodes.push(data);
    return request;
  },
};
