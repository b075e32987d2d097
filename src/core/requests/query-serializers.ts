import type { Node } from '@babel/types';
import { calleeName, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { NodeIndex } from '../ast/traverse.js';
import { subtreeNodes } from '../ast/subtree.js';

/** Array methods a key list may pass through on its way to `.join('&')`. */
const KEY_LIST_STEPS = new Set(['map', 'filter']);
const KEY_LISTS = new Set(['Object.keys', 'Object.entries']);

/**
 * The query string a hand-written serializer makes of an object at `position` of `call`:
 * `Object.keys(params).map((k) => k + '=' + encodeURIComponent(params[k])).join('&')` (also
 * `Object.entries`, with `.filter` steps): the final `join` call, whose text carries every key of
 * the object. Undefined for anything else.
 */
export function keyListQuery(call: Node, position: number, index: NodeIndex): Node | undefined {
  if (position !== 0 || call.type !== 'CallExpression' || !KEY_LISTS.has(calleeName(call) ?? '')) return undefined;
  let current: Node = call;
  for (;;) {
    const member = index.parentOf(current);
    const next = member && index.parentOf(member);
    if (member?.type !== 'MemberExpression' || member.object !== current || next?.type !== 'CallExpression' || next.callee !== member) return undefined;
    const method = staticPropertyName(member.property, member.computed);
    if (method === 'join') return next;
    if (!KEY_LIST_STEPS.has(method ?? '')) return undefined;
    current = next;
  }
}

/**
 * A local function that serializes every key of its parameter into the string it returns:
 * `function toQuery(obj) { for (var k in obj) parts.push(k + '=' + ...); return parts.join('&'); }`,
 * or one that walks `Object.keys(obj)` / `Object.entries(obj)`. Its call is then the object's
 * query string, as `qs.stringify(obj)` would be.
 */
export function isQuerySerializer(fn: Node, param: Node): boolean {
  if (param.type !== 'Identifier' || !('body' in fn)) return false;
  const body = fn.body as Node;
  const nodes = subtreeNodes(body);
  const isParam = (node: Node | null | undefined) => {
    const inner = node ? unwrapExpression(node) : undefined;
    return inner?.type === 'Identifier' && inner.name === param.name;
  };
  const walksKeys = nodes.some(
    (node) =>
      (node.type === 'ForInStatement' && isParam(node.right)) ||
      (node.type === 'CallExpression' && KEY_LISTS.has(calleeName(node) ?? '') && isParam(node.arguments[0] as Node | undefined)),
  );
  const returnsValue = body.type !== 'BlockStatement' || nodes.some((node) => node.type === 'ReturnStatement' && node.argument);
  return walksKeys && returnsValue;
}
