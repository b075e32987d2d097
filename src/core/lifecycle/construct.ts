import type { Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import { memberPath, staticPropertyName } from '../ast/node-utils.js';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/** A class member is deleted on its own: `private ticket: string | null = null;`. */
const CLASS_MEMBERS = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'ClassMethod', 'ClassPrivateMethod']);

export function isFunctionNode(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** A function and the construct a reader would delete to remove it, with the name it goes by. */
export interface NamedFunction {
  fn: Node;
  name: string;
  /** `function f`, `const f = () => ...`, `exports.f = function`, `{ f() {} }`, a class method. */
  construct: Node;
}

/** `export function f` / `export const f = ...`: the export statement goes with the function. */
function withExport(statement: Node, index: NodeIndex): Node {
  const parent = index.parentOf(statement);
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? parent : statement;
}

/**
 * The name and declaring construct of a function, or undefined for an anonymous one (a callback,
 * an IIFE): those belong to whatever encloses them.
 */
export function namedFunction(fn: Node, index: NodeIndex): NamedFunction | undefined {
  const parent = index.parentOf(fn);
  const key = index.keyOf(fn);
  switch (fn.type) {
    case 'FunctionDeclaration':
      return fn.id ? { fn, name: fn.id.name, construct: withExport(fn, index) } : undefined;
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod': {
      const name = fn.key.type === 'PrivateName' ? fn.key.id.name : staticPropertyName(fn.key, fn.computed ?? false);
      return name === undefined ? undefined : { fn, name, construct: fn };
    }
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      break;
    default:
      return undefined;
  }
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && key === 'init' && parent.id.type === 'Identifier') {
    const declaration = index.parentOf(parent);
    const isAlone = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1;
    return { fn, name: parent.id.name, construct: isAlone ? withExport(declaration, index) : parent };
  }
  if (parent.type === 'AssignmentExpression' && key === 'right') {
    const name = memberPath(parent.left)?.at(-1);
    const statement = index.parentOf(parent);
    if (name !== undefined && statement?.type === 'ExpressionStatement') return { fn, name, construct: statement };
    return undefined;
  }
  if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty') && key === 'value') {
    const name = parent.key.type === 'PrivateName' ? parent.key.id.name : staticPropertyName(parent.key, 'computed' in parent ? Boolean(parent.computed) : false);
    return name === undefined ? undefined : { fn, name, construct: parent };
  }
  return undefined;
}

/** The innermost named function around a node. */
export function enclosingNamedFunction(node: Node, index: NodeIndex): NamedFunction | undefined {
  for (const ancestor of index.ancestors(node)) {
    if (!isFunctionNode(ancestor)) continue;
    const named = namedFunction(ancestor, index);
    if (named) return named;
  }
  return undefined;
}

function isStatement(node: Node): boolean {
  return node.type.endsWith('Statement') || node.type === 'VariableDeclaration' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration';
}

/**
 * The statement to delete for ticket code at `anchor` when its function stays: the innermost
 * statement around it (`setInterval(...)`, `if (code === 4834) {...}`), the class member, or the
 * `case` whose test it is.
 */
export function statementOf(anchor: Node, index: NodeIndex): Node {
  let previous: Node = anchor;
  for (const current of [anchor, ...index.ancestors(anchor)]) {
    if (current.type === 'SwitchCase' && (current === anchor || previous === current.test)) return current;
    if (CLASS_MEMBERS.has(current.type)) return current;
    if (current.type === 'Program') break;
    if (isStatement(current) && current.type !== 'BlockStatement') return withExport(current, index);
    previous = current;
  }
  return anchor;
}
