import type { Node } from '@babel/types';
import { isPlusExpression, unwrapExpression } from '../ast/node-utils.js';
import type { AnalysisContext } from '../context.js';
import { UNKNOWN_VALUE } from '../zoho/endpoint.js';

const MAX_DEPTH = 4;

/**
 * The text a string expression is known to hold, with `UNKNOWN_VALUE` where a part is not fixed:
 * `LOGIN_URL + '&LOGIN_ID=' + user` reads `https://accounts.zoho.com/login?...&LOGIN_ID=\0`.
 * A local constant is followed into its initialiser, another module's through the Evaluator.
 */
export function knownText(node: Node, context: AnalysisContext, depth = 0): string {
  const inner = unwrapExpression(node);
  if (isPlusExpression(inner) && inner.left.type !== 'PrivateName') {
    return knownText(inner.left, context, depth) + knownText(inner.right, context, depth);
  }
  if (inner.type === 'StringLiteral') return inner.value;
  if (inner.type === 'TemplateLiteral') {
    let text = inner.quasis[0]?.value.cooked ?? '';
    inner.expressions.forEach((expression, i) => {
      text += knownText(expression, context, depth) + (inner.quasis[i + 1]?.value.cooked ?? '');
    });
    return text;
  }
  const value = context.evaluator.evaluateString(inner);
  if (value !== undefined) return value;
  if (inner.type === 'Identifier' && depth < MAX_DEPTH) {
    const binding = context.bindings.resolve(inner.name);
    if (binding?.init && !binding.module && context.bindings.isConstant(binding)) return knownText(binding.init, context, depth + 1);
  }
  return UNKNOWN_VALUE;
}

/** Roots of string-building expressions: a `+` chain, a template or a literal that is not part of a larger one. */
export function stringRoots(context: AnalysisContext): Node[] {
  const { index } = context;
  const isOperand = (node: Node): boolean => {
    const parent = index.parentOf(node);
    return Boolean(parent && ((isPlusExpression(parent) && !(node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized) || parent.type === 'TemplateLiteral'));
  };
  const roots: Node[] = [];
  for (const node of index.ofType('BinaryExpression')) if (node.operator === '+' && !isOperand(node)) roots.push(node);
  for (const node of index.ofType('TemplateLiteral')) if (!isOperand(node) && index.parentOf(node)?.type !== 'TaggedTemplateExpression') roots.push(node);
  for (const node of index.ofType('StringLiteral')) {
    const parent = index.parentOf(node);
    const key = index.keyOf(node);
    if (!parent || isOperand(node) || key === 'source' || (key === 'key' && !(parent as { computed?: boolean }).computed)) continue;
    if (parent.type === 'TSLiteralType' || parent.type === 'ImportAttribute' || parent.type === 'TSExternalModuleReference') continue;
    roots.push(node);
  }
  return roots.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}
