import type { Binding as BabelBinding, NodePath, TraverseOptions } from '@babel/traverse';
import type { File, Identifier, Node } from '@babel/types';
import { lazyModule } from '../lazy-module.js';

// @babel/traverse is CommonJS (`module.exports.default` is the function). Loaded on the first file
// whose scopes are needed: most candidate files never need them.
type Traverse = (parent: Node, options: TraverseOptions) => void;
const loadTraverse = lazyModule<{ default: Traverse }>('@babel/traverse');
const traverse: Traverse = (parent, options) => loadTraverse().default(parent, options);

export type LexicalKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'other';

/** One declared name, resolved with JavaScript's real scoping rules (blocks, hoisting, shadowing). */
export interface LexicalBinding {
  name: string;
  kind: LexicalKind;
  /** The identifier that declares it. */
  id: Identifier;
  /** `const name = init`: the initialiser (a function declaration is its own init). */
  init: Node | null;
  /** A parameter: the function and its position. */
  param?: { fn: Node; index: number };
  /** Identifiers that read it (the declaration excluded). */
  references: Identifier[];
  /** Assignments and updates after the declaration. */
  writes: Node[];
}

const KINDS: Record<string, LexicalKind> = {
  var: 'var',
  let: 'let',
  const: 'const',
  using: 'const',
  param: 'param',
  hoisted: 'function',
  module: 'import',
  local: 'other',
  unknown: 'other',
};

/**
 * Scope resolution for the flow of request objects: names such as `params` or `options` are
 * declared in every function of a file, so the declared-once rule of `Bindings` would lose them.
 * Built on Babel's own scope tracker (the one every Babel transform relies on), once per file and
 * only when a detector asks, so files without candidates never pay for it.
 */
export class LexicalScopes {
  private readonly paths = new Map<Node, NodePath<Identifier>>();
  private readonly bindings = new Map<BabelBinding, LexicalBinding>();

  constructor(ast: File) {
    traverse(ast, {
      Identifier: (path: NodePath<Identifier>) => {
        this.paths.set(path.node, path);
      },
    });
  }

  /** The binding an identifier declares or refers to; undefined for globals and non-references (keys, members). */
  bindingOf(identifier: Node): LexicalBinding | undefined {
    const path = this.paths.get(identifier) as NodePath | undefined;
    if (!path || identifier.type !== 'Identifier') return undefined;
    const isReference = path.isReferencedIdentifier();
    if (!isReference && !path.isBindingIdentifier()) return undefined;
    const binding = path.scope.getBinding(identifier.name);
    if (!binding) return undefined;
    if (!isReference && binding.identifier !== identifier && !this.isWriteTarget(path)) return undefined;
    return this.wrap(binding);
  }

  private isWriteTarget(path: NodePath): boolean {
    return path.parentPath?.isAssignmentExpression({ left: path.node }) === true || path.parentPath?.isUpdateExpression() === true;
  }

  private wrap(binding: BabelBinding): LexicalBinding {
    const cached = this.bindings.get(binding);
    if (cached) return cached;
    const declaration = binding.path.node;
    let init: Node | null = null;
    if (declaration.type === 'VariableDeclarator' && declaration.id === binding.identifier) init = declaration.init ?? null;
    else if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') init = declaration;
    const wrapped: LexicalBinding = {
      name: binding.identifier.name,
      kind: KINDS[binding.kind] ?? 'other',
      id: binding.identifier,
      init,
      references: binding.referencePaths.map((path) => path.node).filter((node): node is Identifier => node.type === 'Identifier'),
      writes: binding.constantViolations.map((path) => path.node),
    };
    if (binding.kind === 'param') {
      const fnPath = binding.path.parentPath?.isFunction() ? binding.path.parentPath : binding.scope.path;
      const fn = fnPath.node as Node & { params?: Node[] };
      const index = fn.params?.indexOf(binding.path.node) ?? -1;
      if (index >= 0) wrapped.param = { fn, index };
    }
    this.bindings.set(binding, wrapped);
    return wrapped;
  }
}

const scopesByAst = new WeakMap<File, LexicalScopes>();

/** The scopes of one parsed file, built once however many detectors ask (the traversal is the cost). */
export function lexicalScopesOf(ast: File): LexicalScopes {
  let scopes = scopesByAst.get(ast);
  if (!scopes) scopesByAst.set(ast, (scopes = new LexicalScopes(ast)));
  return scopes;
}
