import type { File, Node } from '@babel/types';
import { memberPath, staticPropertyName } from '../core/ast/node-utils.js';
import type { NodeIndex } from '../core/ast/traverse.js';
import type { Bindings } from '../core/scope/bindings.js';

/** Where the value of one export comes from. */
export type ExportSource =
  /** A binding of the module: `export const X`, `export { a as X }`. */
  | { kind: 'binding'; name: string }
  /** An expression: `export default <expr>`, `exports.X = <expr>`, `module.exports = <expr>`. */
  | { kind: 'expression'; node: Node }
  /** Another module's export: `export { a as X } from './m'`, `export * as X from './m'`. */
  | { kind: 're-export'; specifier: string; exportName: string }
  /** Exists, but holds no value the index may use: a function, a class, or a name written twice. */
  | { kind: 'opaque' };

export interface ExportTable {
  system: 'esm' | 'commonjs';
  /** ES exports by name, `default` included; CommonJS `exports.X = ...` properties. */
  named: Map<string, ExportSource>;
  /** `export * from '...'`, in source order. */
  stars: string[];
  /** CommonJS `module.exports = X`, TypeScript `export = X`: the whole module value. */
  whole?: ExportSource;
}

const OPAQUE: ExportSource = { kind: 'opaque' };

function isTopLevelStatement(statement: Node | null, index: NodeIndex): boolean {
  return statement?.type === 'ExpressionStatement' && index.parentOf(statement)?.type === 'Program';
}

/**
 * The export table of one module, read from its syntax only: ES `export` forms, or (when there
 * are none) CommonJS assignments to `module.exports` and `exports`. A CommonJS export counts only
 * when it is written once, by a top-level statement, with a static name; anything conditional,
 * repeated or computed makes that export opaque, so the index never lends a value the module may
 * not hold at run time.
 */
export function readExportTable(ast: File, index: NodeIndex, bindings: Bindings): ExportTable {
  const esm = readEsExports(ast);
  if (esm) return esm;
  return readCommonJsExports(index, bindings);
}

function readEsExports(ast: File): ExportTable | undefined {
  const table: ExportTable = { system: 'esm', named: new Map(), stars: [] };
  let isEsm = false;
  for (const statement of ast.program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        isEsm = true;
        if (statement.exportKind === 'type') break;
        const source = statement.source?.value;
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ExportNamespaceSpecifier') {
            if (source !== undefined) table.named.set(specifier.exported.name, { kind: 're-export', specifier: source, exportName: '*' });
            continue;
          }
          if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
          const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
          const local = specifier.local.name;
          table.named.set(exported, source !== undefined ? { kind: 're-export', specifier: source, exportName: local } : { kind: 'binding', name: local });
        }
        const declaration = statement.declaration;
        if (declaration?.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) for (const name of patternNames(declarator.id)) table.named.set(name, { kind: 'binding', name });
        } else if (declaration?.type === 'TSEnumDeclaration') {
          // An enum's members are constants the module's own Bindings evaluate.
          table.named.set(declaration.id.name, { kind: 'binding', name: declaration.id.name });
        } else if (declaration && 'id' in declaration && declaration.id?.type === 'Identifier') {
          table.named.set(declaration.id.name, OPAQUE);
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        isEsm = true;
        const declaration = statement.declaration;
        const isValue = !declaration.type.endsWith('Declaration') && declaration.type !== 'ClassExpression' && !declaration.type.startsWith('TS');
        table.named.set('default', isValue ? { kind: 'expression', node: declaration } : OPAQUE);
        break;
      }
      case 'ExportAllDeclaration':
        isEsm = true;
        if (statement.exportKind !== 'type') table.stars.push(statement.source.value);
        break;
      case 'TSExportAssignment':
        // `export = X` is CommonJS written in TypeScript: the whole module is X.
        return { system: 'commonjs', named: new Map(), stars: [], whole: { kind: 'expression', node: statement.expression } };
      default:
        break;
    }
  }
  return isEsm ? table : undefined;
}

function patternNames(pattern: Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    default:
      return [];
  }
}

/** A write to the CommonJS exports: the whole object, or one named property. */
interface CommonJsWrite {
  target: 'whole' | 'property';
  /** `module.exports.X` survives a later `module.exports = ...` only when written after it; `exports.X` never does. */
  via: 'module' | 'exports';
  name?: string;
  value?: Node;
  start: number;
  isStatic: boolean;
}

function readCommonJsExports(index: NodeIndex, bindings: Bindings): ExportTable {
  const table: ExportTable = { system: 'commonjs', named: new Map(), stars: [] };
  const hasModule = !bindings.isDeclared('module');
  const hasExports = !bindings.isDeclared('exports');
  const writes: CommonJsWrite[] = [];

  const targetOf = (left: Node): Omit<CommonJsWrite, 'value' | 'start' | 'isStatic'> | 'dynamic' | undefined => {
    const path = memberPath(left);
    if (hasModule && path?.length === 2 && path[0] === 'module' && path[1] === 'exports') return { target: 'whole', via: 'module' };
    if (left.type !== 'MemberExpression') return undefined;
    const object = memberPath(left.object);
    const via = hasModule && object?.length === 2 && object[0] === 'module' && object[1] === 'exports' ? 'module' : hasExports && object?.length === 1 && object[0] === 'exports' ? 'exports' : undefined;
    if (!via) return undefined;
    const name = staticPropertyName(left.property, left.computed);
    return name === undefined ? 'dynamic' : { target: 'property', via, name };
  };

  for (const assignment of index.ofType('AssignmentExpression')) {
    const target = targetOf(assignment.left);
    if (!target) continue;
    if (target === 'dynamic' || assignment.operator !== '=') {
      table.whole = OPAQUE;
      continue;
    }
    // `module.exports = exports = {...}` and `exports.a = exports.b = 1`: the chain's statement decides.
    let statement = index.parentOf(assignment);
    let value: Node = assignment.right;
    while (value.type === 'AssignmentExpression' && value.operator === '=') value = value.right;
    while (statement?.type === 'AssignmentExpression') statement = index.parentOf(statement);
    writes.push({ ...target, value, start: assignment.start ?? 0, isStatic: isTopLevelStatement(statement, index) });
  }
  // `Object.assign(module.exports, { ... })` at the top level adds properties.
  for (const call of index.ofType('CallExpression')) {
    if (memberPath(call.callee)?.join('.') !== 'Object.assign' || !call.arguments[0]) continue;
    const target = targetOf(call.arguments[0]);
    if (target === undefined) continue;
    const isStatic = isTopLevelStatement(index.parentOf(call), index) && target !== 'dynamic' && target.target === 'whole';
    for (const source of call.arguments.slice(1)) {
      if (source.type !== 'ObjectExpression' || !isStatic) {
        table.whole = OPAQUE;
        continue;
      }
      for (const property of source.properties) {
        const name = property.type === 'ObjectProperty' ? staticPropertyName(property.key, property.computed) : undefined;
        if (property.type !== 'ObjectProperty' || name === undefined) {
          table.whole = OPAQUE;
          continue;
        }
        writes.push({ target: 'property', via: 'module', name, value: property.value, start: property.start ?? 0, isStatic: true });
      }
    }
  }
  if (table.whole) return table;

  const wholes = writes.filter((write) => write.target === 'whole');
  if (wholes.length > 1 || wholes.some((write) => !write.isStatic)) {
    table.whole = OPAQUE;
    return table;
  }
  const whole = wholes[0];
  if (whole?.value) table.whole = { kind: 'expression', node: whole.value };
  const counts = new Map<string, number>();
  for (const write of writes) if (write.name !== undefined) counts.set(write.name, (counts.get(write.name) ?? 0) + 1);
  for (const write of writes) {
    if (write.target !== 'property' || write.name === undefined || !write.value) continue;
    // Replacing module.exports drops what was added to the old object (and `exports` keeps pointing at it).
    if (whole && (write.via === 'exports' || write.start < whole.start)) continue;
    const isKnown = write.isStatic && counts.get(write.name) === 1;
    table.named.set(write.name, isKnown ? { kind: 'expression', node: write.value } : OPAQUE);
  }
  return table;
}
