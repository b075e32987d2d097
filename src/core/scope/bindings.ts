import type { Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'function' | 'class' | 'import' | 'catch';

/** Where a binding's value comes from in another module: `import`, or `require` (possibly destructured). */
export interface ModuleRef {
  specifier: string;
  /** `*` for the whole module (a namespace import, `const m = require('x')`), `default`, or a name. */
  exportName: string;
}

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier that declares it. */
  id: Node;
  /** `const name = init`: the initialiser. */
  init: Node | null;
  /** `const { key: name } = object`: read `key` of `object`. */
  propertyOf?: { object: Node; key: string };
  module?: ModuleRef;
  /** Assignments and updates after the declaration (`name = ...`, `name += ...`, `name++`). */
  writes: Node[];
}

function requireSpecifier(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const call = unwrapExpression(node);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  const arg = call.arguments[0];
  return arg?.type === 'StringLiteral' && call.arguments.length === 1 ? arg.value : undefined;
}

/**
 * Every binding in a file, by name. Resolution is deliberately simple and safe: a name resolves
 * only when the file declares it exactly once (in any scope), so a shadowed or re-declared name
 * never lends a value it may not have.
 */
export class Bindings {
  private readonly byName = new Map<string, Binding[]>();

  constructor(index: NodeIndex) {
    for (const declarator of index.ofType('VariableDeclarator')) {
      const declaration = index.parentOf(declarator);
      const kind = declaration?.type === 'VariableDeclaration' ? declaration.kind : 'var';
      const bindingKind: BindingKind = kind === 'const' || kind === 'let' ? kind : 'var';
      this.declarePattern(declarator.id, bindingKind, declarator.init ?? null);
    }
    for (const specifier of index.ofType('ImportSpecifier')) {
      const source = (index.parentOf(specifier) as { source?: { value: string } } | null)?.source?.value ?? '';
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      this.add({ name: specifier.local.name, kind: 'import', id: specifier.local, init: null, module: { specifier: source, exportName: imported }, writes: [] });
    }
    for (const type of ['ImportDefaultSpecifier', 'ImportNamespaceSpecifier'] as const) {
      for (const specifier of index.ofType(type)) {
        const source = (index.parentOf(specifier) as { source?: { value: string } } | null)?.source?.value ?? '';
        const exportName = type === 'ImportDefaultSpecifier' ? 'default' : '*';
        this.add({ name: specifier.local.name, kind: 'import', id: specifier.local, init: null, module: { specifier: source, exportName }, writes: [] });
      }
    }
    // TypeScript's CommonJS import: `import config = require('./config')`.
    for (const declaration of index.ofType('TSImportEqualsDeclaration')) {
      const reference = declaration.moduleReference;
      if (reference.type !== 'TSExternalModuleReference') continue;
      this.add({ name: declaration.id.name, kind: 'import', id: declaration.id, init: null, module: { specifier: reference.expression.value, exportName: '*' }, writes: [] });
    }
    for (const type of ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'] as const) {
      for (const fn of index.ofType(type)) {
        if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) {
          this.add({ name: fn.id.name, kind: 'function', id: fn.id, init: fn.type === 'FunctionDeclaration' ? fn : null, writes: [] });
        }
        for (const param of fn.params) this.declarePattern(param, 'param', null);
      }
    }
    for (const type of ['ClassDeclaration', 'ClassExpression'] as const) {
      for (const cls of index.ofType(type)) {
        if (cls.id) this.add({ name: cls.id.name, kind: 'class', id: cls.id, init: null, writes: [] });
      }
    }
    // `enum Zoho { Base = 'https://crm.zoho.com/...' }`: read like a frozen object (evaluate.ts).
    // An enum declared twice (declaration merging) resolves to nothing, like any re-declared name.
    for (const declaration of index.ofType('TSEnumDeclaration')) {
      this.add({ name: declaration.id.name, kind: 'const', id: declaration.id, init: declaration, writes: [] });
    }
    for (const clause of index.ofType('CatchClause')) {
      if (clause.param) this.declarePattern(clause.param, 'catch', null);
    }
    for (const assignment of index.ofType('AssignmentExpression')) this.recordWrites(assignment.left, assignment);
    for (const update of index.ofType('UpdateExpression')) this.recordWrites(update.argument, update);
    for (const type of ['ForInStatement', 'ForOfStatement'] as const) {
      for (const loop of index.ofType(type)) if (loop.left.type !== 'VariableDeclaration') this.recordWrites(loop.left, loop);
    }
  }

  /** The one binding of this name, or undefined when there is none or more than one. */
  resolve(name: string): Binding | undefined {
    const list = this.byName.get(name);
    return list && list.length === 1 ? list[0] : undefined;
  }

  /** Does the file declare this name anywhere (once or more)? `module` and `exports` are CommonJS's only when it does not. */
  isDeclared(name: string): boolean {
    return this.byName.has(name);
  }

  /** True when the binding's declared value is its only value. */
  isConstant(binding: Binding): boolean {
    return binding.writes.length === 0 && binding.kind !== 'param' && binding.kind !== 'catch';
  }

  /**
   * Every binding of one name shares one list of writes (all are declared before any write is
   * recorded, so this is the same as pushing each write to each of them): a minified bundle
   * declares `e` thousands of times, and a write must not cost one push per declaration.
   */
  private add(binding: Binding): void {
    const list = this.byName.get(binding.name);
    if (list) {
      binding.writes = list[0]!.writes;
      list.push(binding);
    } else this.byName.set(binding.name, [binding]);
  }

  private declarePattern(pattern: Node, kind: BindingKind, init: Node | null): void {
    switch (pattern.type) {
      case 'Identifier': {
        const specifier = requireSpecifier(init);
        const requiredMember = init ? unwrapExpression(init) : null;
        let module: ModuleRef | undefined = specifier !== undefined ? { specifier, exportName: '*' } : undefined;
        if (!module && requiredMember?.type === 'MemberExpression') {
          const memberSpecifier = requireSpecifier(requiredMember.object);
          const key = staticPropertyName(requiredMember.property, requiredMember.computed);
          if (memberSpecifier !== undefined && key !== undefined) module = { specifier: memberSpecifier, exportName: key };
        }
        this.add({ name: pattern.name, kind, id: pattern, init, writes: [], ...(module ? { module } : {}) });
        return;
      }
      case 'ObjectPattern': {
        const specifier = requireSpecifier(init);
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            this.declarePattern(property.argument, kind, null);
            continue;
          }
          const key = staticPropertyName(property.key, property.computed);
          const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
          if (value.type === 'Identifier' && key !== undefined && init) {
            const binding: Binding = { name: value.name, kind, id: value, init: null, writes: [] };
            if (specifier !== undefined) binding.module = { specifier, exportName: key };
            else binding.propertyOf = { object: init, key };
            this.add(binding);
          } else {
            this.declarePattern(value, kind, null);
          }
        }
        return;
      }
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.declarePattern(element, kind, null);
        return;
      case 'AssignmentPattern':
        this.declarePattern(pattern.left, kind, null);
        return;
      case 'RestElement':
        this.declarePattern(pattern.argument, kind, null);
        return;
      case 'TSParameterProperty':
        this.declarePattern(pattern.parameter, kind, null);
        return;
      default:
        return;
    }
  }

  private recordWrites(target: Node, write: Node): void {
    switch (target.type) {
      case 'Identifier':
        this.byName.get(target.name)?.[0]?.writes.push(write);
        return;
      case 'ObjectPattern':
        for (const property of target.properties) this.recordWrites(property.type === 'RestElement' ? property.argument : property.value, write);
        return;
      case 'ArrayPattern':
        for (const element of target.elements) if (element) this.recordWrites(element, write);
        return;
      case 'AssignmentPattern':
        this.recordWrites(target.left, write);
        return;
      case 'RestElement':
        this.recordWrites(target.argument, write);
        return;
      default:
        return;
    }
  }
}
