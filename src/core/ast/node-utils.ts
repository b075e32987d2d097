import type { Node } from '@babel/types';

/** Looks through parentheses-free wrappers that do not change a value: TS casts, `!`, `satisfies`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'TypeCastExpression' ||
    current.type === 'ParenthesizedExpression'
  ) {
    current = current.expression;
  }
  return current;
}

export function isParenthesized(node: Node): boolean {
  return Boolean((node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized);
}

/** A `+` whose operands are flattened into one chain (left-nested, not parenthesized). */
export function isPlusExpression(node: Node): node is Extract<Node, { type: 'BinaryExpression' }> {
  return node.type === 'BinaryExpression' && node.operator === '+';
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ 'b': 1 }`. */
export function staticPropertyName(key: Node, isComputed: boolean): string | undefined {
  if (!isComputed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `a.b.c` as ['a', 'b', 'c'] when every part is static. */
export function memberPath(node: Node): string[] | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === 'Identifier') return [inner.name];
  if (inner.type === 'ThisExpression') return ['this'];
  if (inner.type === 'MemberExpression' || inner.type === 'OptionalMemberExpression') {
    const object = memberPath(inner.object);
    const property = staticPropertyName(inner.property, inner.computed);
    return object && property !== undefined ? [...object, property] : undefined;
  }
  return undefined;
}

/** `util.format`, `$.param`: the callee as a dotted name, when it is one. */
export function calleeName(node: Node): string | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression' && node.type !== 'OptionalCallExpression') return undefined;
  return memberPath(node.callee)?.join('.');
}
