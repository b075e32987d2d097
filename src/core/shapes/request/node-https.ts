import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { calleeParts, isModuleName, plainArguments, type AnyCall, type RequestCall, type RequestShape, type ShapeTools } from '../request-shape.js';

const MODULES = ['http', 'https', 'node:http', 'node:https'];

/** What `req.write(body)` and `req.end(body)` send on the request object the call returns. */
function bodies(call: AnyCall, tools: ShapeTools): Node[] {
  const { index } = tools.context;
  const found: Node[] = [];
  const takeBody = (object: Node) => {
    const member = index.parentOf(object);
    const write = member && index.parentOf(member);
    if (member?.type !== 'MemberExpression' || write?.type !== 'CallExpression' || write.callee !== member) return;
    const method = staticPropertyName(member.property, member.computed);
    const body = write.arguments[0];
    if ((method === 'write' || method === 'end') && body && body.type !== 'SpreadElement' && body.type !== 'ArgumentPlaceholder') found.push(body);
  };
  takeBody(call);
  let holder: Node = call;
  for (let parent = index.parentOf(holder); parent && unwrapExpression(parent) === call; parent = index.parentOf(holder)) holder = parent;
  const declarator = index.parentOf(holder);
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    for (const reference of tools.bindingOf(declarator.id)?.references ?? []) takeBody(reference);
  }
  return found;
}

/** Node's `https.request({ host, path }, cb)` / `http.get(url, options)`, and the body given to `req.write`/`req.end`. */
export const nodeHttpsShape: RequestShape = {
  id: 'node-https',
  clientModules: MODULES,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const parts = calleeParts(call, tools);
    const args = plainArguments(call);
    if (!parts || !args || parts.names.length !== 2 || !isModuleName(parts, MODULES, [])) return undefined;
    if (parts.names[1] !== 'request' && parts.names[1] !== 'get') return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: bodies(call, tools) };
    const first = args[0];
    const literal = first && tools.objectLiteral(first);
    if (first && !literal) request.parts.url = first;
    const options = literal ?? (args[1] && tools.objectLiteral(args[1]));
    if (options) {
      const host = tools.property(options, ['hostname', 'host']);
      const path = tools.property(options, ['path']);
      if (!request.parts.url) {
        if (host) request.parts.host = host;
        if (path) request.parts.path = path;
      }
    }
    return request;
  },
};
