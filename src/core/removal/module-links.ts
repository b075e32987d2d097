import type { File, Identifier, Node } from '@babel/types';
import { memberPath, staticPropertyName } from '../ast/node-utils.js';
import type { NodeIndex } from '../ast/traverse.js';
import type { LexicalScopes } from '../scope/lexical-scopes.js';

/** Every export name, for an importer whose use of a module cannot be seen through. */
export const ALL_EXPORTS = '*';

/** One `require`/`import` of a file: what it names, and which of the module's exports it reads. */
export interface ModuleImport {
  specifier: string;
  /** Export names read (`session.getTicket`, `{ getTicket }`), or ALL_EXPORTS. */
  reads: Set<string>;
  /** The local name the module is held in (`var session = require('./session')`). */
  binding?: Identifier;
  /** The statement to delete with the import when its binding is unused. */
  statement?: Node;
}

/** One export of a module and what removing it deletes. */
export interface ModuleExport {
  name: string;
  /** `module.exports = { name: value }`: the property; `exports.name = v`: the statement. */
  node: Node;
  /** The exported value (an identifier naming a function, a credential read, ...). */
  value: Node | undefined;
  /** The object literal the property sits in, when it is one of several. */
  container?: Extract<Node, { type: 'ObjectExpression' }>;
}

function requireSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [first] = node.arguments;
  return node.arguments.length === 1 && first?.type === 'StringLiteral' ? first.value : undefined;
}

/** What one reference to a module's binding reads of it. */
function readOf(reference: Identifier, index: NodeIndex): string {
  const parent = index.parentOf(reference);
  if (parent?.type === 'MemberExpression' && parent.object === reference) return staticPropertyName(parent.property, parent.computed) ?? ALL_EXPORTS;
  return ALL_EXPORTS;
}

function readsOfBinding(binding: Identifier, scopes: LexicalScopes, index: NodeIndex): Set<string> {
  return new Set((scopes.bindingOf(binding)?.references ?? []).map((reference) => readOf(reference, index)));
}

function patternReads(pattern: Node): Set<string> {
  if (pattern.type !== 'ObjectPattern') return new Set([ALL_EXPORTS]);
  const reads = new Set<string>();
  for (const property of pattern.properties) {
    const name = property.type === 'ObjectProperty' ? staticPropertyName(property.key, property.computed) : undefined;
    reads.add(name ?? ALL_EXPORTS);
  }
  return reads;
}

/** The `require`s and `import`s of a file, with what each reads. */
export function moduleImports(ast: File, index: NodeIndex, scopes: LexicalScopes): ModuleImport[] {
  const imports: ModuleImport[] = [];
  for (const call of index.ofType('CallExpression')) {
    const specifier = requireSpecifier(call);
    if (specifier === undefined) continue;
    const parent = index.parentOf(call);
    if (parent?.type === 'VariableDeclarator' && parent.init === call) {
      const declaration = index.parentOf(parent);
      const isAlone = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1;
      const statement = isAlone ? declaration : undefined;
      if (parent.id.type === 'Identifier') imports.push({ specifier, reads: readsOfBinding(parent.id, scopes, index), binding: parent.id, ...(statement ? { statement } : {}) });
      else imports.push({ specifier, reads: patternReads(parent.id) });
    } else if (parent?.type === 'MemberExpression' && parent.object === call) {
      imports.push({ specifier, reads: new Set([staticPropertyName(parent.property, parent.computed) ?? ALL_EXPORTS]) });
    } else if (parent?.type === 'ExpressionStatement') {
      imports.push({ specifier, reads: new Set() });
    } else imports.push({ specifier, reads: new Set([ALL_EXPORTS]) });
  }
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration') {
      const reads = new Set<string>();
      let binding: Identifier | undefined;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier') reads.add('default');
        else if (specifier.type === 'ImportSpecifier') reads.add(specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value);
        else {
          binding = specifier.local;
          for (const read of readsOfBinding(specifier.local, scopes, index)) reads.add(read);
        }
      }
      imports.push({ specifier: statement.source.value, reads, ...(binding ? { binding } : {}) });
    } else if ((statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') && statement.source) {
      imports.push({ specifier: statement.source.value, reads: new Set([ALL_EXPORTS]) });
    }
  }
  for (const dynamic of index.ofType('Import')) {
    const call = index.parentOf(dynamic);
    const [first] = call?.type === 'CallExpression' ? call.arguments : [];
    if (first?.type === 'StringLiteral') imports.push({ specifier: first.value, reads: new Set([ALL_EXPORTS]) });
  }
  return imports;
}

function isModuleExports(node: Node): boolean {
  const path = memberPath(node);
  return path?.length === 2 && path[0] === 'module' && path[1] === 'exports';
}

/** `module.exports = {...}`, `exports.x = ...`, `module.exports.x = ...`, `export function x`, `export const x = ...`. */
export function moduleExports(ast: File): ModuleExport[] {
  const exports: ModuleExport[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=') {
      const { left, right } = statement.expression;
      if (isModuleExports(left) && right.type === 'ObjectExpression') {
        for (const property of right.properties) {
          if (property.type === 'SpreadElement') continue;
          const name = staticPropertyName(property.key, property.computed);
          if (name !== undefined) exports.push({ name, node: property, value: property.type === 'ObjectProperty' ? property.value : property, container: right });
        }
        continue;
      }
      const path = memberPath(left);
      const isNamed = path !== undefined && ((path.length === 2 && path[0] === 'exports') || (path.length === 3 && path[0] === 'module' && path[1] === 'exports'));
      if (isNamed) exports.push({ name: path.at(-1)!, node: statement, value: right });
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration.type === 'FunctionDeclaration' && declaration.id) exports.push({ name: declaration.id.name, node: statement, value: declaration });
      else if (declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1 && declaration.declarations[0]!.id.type === 'Identifier') {
        exports.push({ name: declaration.declarations[0]!.id.name, node: statement, value: declaration.declarations[0]!.init ?? undefined });
      }
    }
  }
  return exports;
}
