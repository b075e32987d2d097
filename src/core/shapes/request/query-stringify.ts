import { calleeParts, isModuleName, type RequestShape } from '../request-shape.js';

// querystring (Node), qs and query-string all name it `stringify`; Node also has `encode`.
const MODULES = ['querystring', 'node:querystring', 'qs', 'query-string'];
const FUNCTIONS = new Set(['stringify', 'encode']);

/** `querystring.stringify(obj)`, `qs.stringify(obj)`, `stringify(obj)` imported from them, and jQuery's `$.param(obj)`. */
export const queryStringifyShape: RequestShape = {
  id: 'query-stringify',
  conversion(call, index, tools) {
    if (call.type !== 'CallExpression' || index !== 0) return undefined;
    const parts = calleeParts(call, tools);
    if (!parts) return undefined;
    const last = parts.names[parts.names.length - 1]!;
    if (parts.names.length <= 2 && FUNCTIONS.has(last) && isModuleName(parts, MODULES, ['querystring'])) return 'string';
    if (parts.names.length === 2 && last === 'param' && isModuleName(parts, ['jquery'], ['$', 'jQuery'])) return 'string';
    return undefined;
  },
};
