import type { Identifier, Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';

/** Where an identifier is a name of something else, never a variable: `a.b`, `{ b: 1 }`, labels, types. */
function isNamePosition(parent: Node, key: string | null): boolean {
  const computed = (parent as { computed?: boolean }).computed === true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'property' && !computed;
    case 'ObjectProperty':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return key === 'key' && !computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    case 'ImportSpecifier':
      return key === 'imported';
    case 'ExportSpecifier':
      return key === 'exported';
    case 'MetaProperty':
      return true;
    default:
      return parent.type.startsWith('TS') && parent.type !== 'TSAsExpression' && parent.type !== 'TSSatisfiesExpression' && parent.type !== 'TSNonNullExpression' && parent.type !== 'TSTypeAssertion';
  }
}

/** Is this identifier a variable (read, written or declared), not a property name, key, label or type? */
export function isVariableIdentifier(node: Identifier, index: NodeIndex): boolean {
  const parent = index.parentOf(node);
  return parent !== null && !isNamePosition(parent, index.keyOf(node));
}

/** Every identifier naming the variable `name`, declarations included, within `[start, end)` when given. */
export function identifiersNamed(name: string, index: NodeIndex, within?: { start: number; end: number }): Identifier[] {
  return index.ofType('Identifier').filter((node) => {
    if (node.name !== name || !isVariableIdentifier(node, index)) return false;
    return !within || ((node.start ?? 0) >= within.start && (node.end ?? 0) <= within.end);
  });
}
