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

const variablesByIndex = new WeakMap<NodeIndex, Map<string, Identifier[]>>();

/** Every identifier naming the variable `name`, declarations included, within `[start, end)` when given. */
export function identifiersNamed(name: string, index: NodeIndex, within?: { start: number; end: number }): Identifier[] {
  let byName = variablesByIndex.get(index);
  if (!byName) {
    byName = new Map();
    for (const node of index.ofType('Identifier')) {
      if (!isVariableIdentifier(node, index)) continue;
      const list = byName.get(node.name);
      if (list) list.push(node);
      else byName.set(node.name, [node]);
    }
    variablesByIndex.set(index, byName);
  }
  const all = byName.get(name) ?? [];
  return within ? all.filter((node) => (node.start ?? 0) >= within.start && (node.end ?? 0) <= within.end) : all;
}
