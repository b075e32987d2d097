import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { plainArguments, type AnyCall, type RequestShape, type ShapeTools } from '../request-shape.js';

const GLOBALS = ['XMLHttpRequest'];

/** The method call on a reference of the request variable (`xhr.open(...)`), if that is what it is. */
function methodCallOn(reference: Node, method: string, tools: ShapeTools): AnyCall | undefined {
  const { index } = tools.context;
  const member = index.parentOf(reference);
  const call = member && index.parentOf(member);
  if (member?.type !== 'MemberExpression' || member.object !== reference || call?.type !== 'CallExpression' || call.callee !== member) return undefined;
  return staticPropertyName(member.property, member.computed) === method ? call : undefined;
}

/**
 * The browser's `XMLHttpRequest`: `xhr.open(method, url)` then `xhr.send(body)` on a variable that
 * holds `new XMLHttpRequest()`. The body goes where the one `open` of that variable says
 * (https://xhr.spec.whatwg.org/#the-send()-method); a variable opened twice is not followed.
 */
export const xmlHttpRequestShape: RequestShape = {
  id: 'xml-http-request',
  clientGlobals: GLOBALS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const callee = unwrapExpression(call.callee);
    const args = plainArguments(call);
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee.property, callee.computed) !== 'send' || args?.length !== 1) return undefined;
    const target = unwrapExpression(callee.object);
    const binding = target.type === 'Identifier' ? tools.bindingOf(target) : undefined;
    const init = binding?.init ? unwrapExpression(binding.init) : undefined;
    if (!binding || init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || !GLOBALS.includes(init.callee.name) || binding.writes.length > 0) return undefined;
    const opens = binding.references.flatMap((reference) => methodCallOn(reference, 'open', tools) ?? []);
    const url = opens.length === 1 ? plainArguments(opens[0]!)?.[1] : undefined;
    if (!url) return undefined;
    return { call, parts: { url }, paramNodes: [args[0]!] };
  },
};
