import type { Node } from '@babel/types';
import { isPlusExpression } from '../ast/node-utils.js';
import type { AnalysisContext } from '../context.js';

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
