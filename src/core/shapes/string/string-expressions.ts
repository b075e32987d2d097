import type { Node } from '@babel/types';
import type { AnalysisContext } from '../../context.js';
import { isParenthesized, isPlusExpression, unwrapExpression } from '../../ast/node-utils.js';
import type { StringRequest, StringShape } from '../string-shape.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../../strings/build-atoms.js';

/** Where a string literal is syntax, not a value: keys, module names, types. */
function isSyntaxPosition(node: Node, context: AnalysisContext): boolean {
  const parent = context.index.parentOf(node);
  const key = context.index.keyOf(node);
  if (!parent) return true;
  if (key === 'key' && !(parent as { computed?: boolean }).computed) return true;
  if (key === 'source' || parent.type === 'TSLiteralType' || parent.type === 'ImportAttribute') return true;
  return parent.type === 'TSExternalModuleReference' || parent.type === 'TSModuleDeclaration' || parent.type === 'TSEnumMember';
}

/** Part of a larger `+` chain: the chain's root is the candidate, not its pieces. */
function isChainOperand(node: Node, context: AnalysisContext): boolean {
  const parent = context.index.parentOf(node);
  return Boolean(parent && isPlusExpression(parent) && !isParenthesized(node));
}

/** Does the expression name a constant or array that spells the legacy parameters elsewhere? */
function referencesLegacyName(node: Node, names: ReadonlySet<string>, context: AnalysisContext): boolean {
  const operands: Node[] = [];
  const collect = (current: Node): void => {
    const inner = unwrapExpression(current);
    if (isPlusExpression(inner)) {
      collect(inner.left);
      collect(inner.right);
    } else if (inner.type === 'TemplateLiteral') inner.expressions.forEach(collect);
    else operands.push(inner);
  };
  collect(node);
  return operands.some((operand) => {
    if (operand.type === 'Identifier') return names.has(operand.name);
    if (operand.type === 'CallExpression' && operand.callee.type === 'MemberExpression') {
      const object = operand.callee.object;
      return (object.type === 'Identifier' && names.has(object.name)) || LEGACY_KEY_TEXT.test(context.sourceOf(operand));
    }
    return false;
  });
}

/** A candidate: the whole expression, when it spells a legacy parameter or names a variable that does. */
function candidateOf(node: Node, context: AnalysisContext, builder: AtomBuilder, names: ReadonlySet<string>): StringRequest | undefined {
  if (isChainOperand(node, context) || (node.type === 'StringLiteral' && isSyntaxPosition(node, context))) return undefined;
  if (!LEGACY_KEY_TEXT.test(context.sourceOf(node)) && !(node.type !== 'StringLiteral' && referencesLegacyName(node, names, context))) return undefined;
  const atoms = builder.atoms(builder.chain(node));
  return { root: node, start: node.start ?? 0, end: node.end ?? 0, atoms, covers: [] };
}

function collectCandidates(nodes: readonly Node[], context: AnalysisContext, builder: AtomBuilder, names: ReadonlySet<string>): StringRequest[] {
  return nodes.flatMap((node) => candidateOf(node, context, builder, names) ?? []);
}

/** `BASE + '?apikey=' + k`: a URL built from a base constant and pieces. */
export const concatShape: StringShape = {
  id: 'concat',
  collect: (context, builder, names) => collectCandidates(context.index.ofType('BinaryExpression').filter((node) => node.operator === '+'), context, builder, names),
};

/** A URL in a template literal: `${BASE}?apikey=${k}`. */
export const templateLiteralShape: StringShape = {
  id: 'template-literal',
  collect: (context, builder, names) => collectCandidates(context.index.ofType('TemplateLiteral'), context, builder, names),
};

/** A whole URL, or a query-string fragment, in one string literal. */
export const stringLiteralShape: StringShape = {
  id: 'string-literal',
  collect: (context, builder, names) => collectCandidates(context.index.ofType('StringLiteral'), context, builder, names),
};
