import type { Identifier, Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import { identifiersNamed } from './references.js';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const BLOCKS = new Set(['BlockStatement', 'Program', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'SwitchStatement', 'StaticBlock', 'CatchClause']);

/** The node a declaring identifier is visible in, or undefined when `id` declares nothing. */
export function declarationScope(id: Identifier, index: NodeIndex): Node | undefined {
  let child: Node = id;
  for (const ancestor of index.ancestors(id)) {
    const key = index.keyOf(child);
    switch (ancestor.type) {
      case 'VariableDeclarator': {
        if (key !== 'id') return undefined;
        const declaration = index.parentOf(ancestor);
        const kind = declaration?.type === 'VariableDeclaration' ? declaration.kind : 'var';
        const isFunctionScoped = kind === 'var';
        for (const outer of index.ancestors(ancestor)) {
          if (FUNCTIONS.has(outer.type) || outer.type === 'Program') return outer;
          if (!isFunctionScoped && BLOCKS.has(outer.type)) return outer;
        }
        return undefined;
      }
      case 'FunctionDeclaration':
      case 'ClassDeclaration': {
        if (key !== 'id') return key === 'params' ? ancestor : undefined;
        const parent = index.parentOf(ancestor);
        return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? (index.parentOf(parent) ?? undefined) : (parent ?? undefined);
      }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        return key === 'params' || key === 'id' ? ancestor : undefined;
      case 'CatchClause':
        return key === 'param' ? ancestor : undefined;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return key === 'local' ? index.ofType('Program')[0] : undefined;
      case 'ObjectPattern':
      case 'ArrayPattern':
      case 'AssignmentPattern':
      case 'RestElement':
      case 'ObjectProperty':
      case 'TSParameterProperty':
        // Inside a pattern: the pattern's owner decides. A property key is not a declaration.
        if (ancestor.type === 'ObjectProperty' && key === 'key') return undefined;
        if (ancestor.type === 'AssignmentPattern' && key === 'right') return undefined;
        child = ancestor;
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

const scopesByIndex = new WeakMap<NodeIndex, Map<string, Map<Node, Identifier>>>();

/** The declarations of `name`, by the scope they declare it in (the first one when a scope has two). */
function declarationsByScope(name: string, index: NodeIndex): Map<Node, Identifier> {
  let byName = scopesByIndex.get(index);
  if (!byName) scopesByIndex.set(index, (byName = new Map()));
  let scopes = byName.get(name);
  if (!scopes) {
    scopes = new Map();
    for (const candidate of identifiersNamed(name, index)) {
      const scope = declarationScope(candidate, index);
      if (scope && !scopes.has(scope)) scopes.set(scope, candidate);
    }
    byName.set(name, scopes);
  }
  return scopes;
}

/**
 * The identifier that declares the variable `reference` names, by JavaScript's scoping rules (the
 * innermost declaration whose scope holds the reference): `ticket` in one callback is not the
 * `ticket` of another. Undefined for globals.
 */
export function declarationOf(reference: Identifier, index: NodeIndex): Identifier | undefined {
  const scopes = declarationsByScope(reference.name, index);
  if (scopes.size === 0) return undefined;
  for (const ancestor of index.ancestors(reference)) {
    const declaration = scopes.get(ancestor);
    if (declaration) return declaration;
  }
  return undefined;
}

/** Does `id` declare a variable (a binding, a parameter, an import)? */
export function isDeclaration(id: Identifier, index: NodeIndex): boolean {
  return declarationScope(id, index) !== undefined;
}

/** Reads and writes of the variable `declaration` declares, other than the declaration itself. */
export function usesOf(declaration: Identifier, index: NodeIndex): Identifier[] {
  return identifiersNamed(declaration.name, index).filter(
    (identifier) => identifier !== declaration && !isDeclaration(identifier, index) && declarationOf(identifier, index) === declaration,
  );
}
