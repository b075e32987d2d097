import type { ExpressionStatement, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import { isStaticObject } from '../scope/evaluate.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import { isLegacyKeyName } from '../zoho/services.js';
import type { Carrier, DynamicEntry, ParamEntry, ShapeTools } from '../shapes/request-shape.js';
import { FOREIGN_CONSTANT_REASON } from './verdict-report.js';

/** A value no apikey or ticket ever was (`ticket: { priority: 'High' }` is a help-desk ticket). */
export function isNonCredentialValue(value: Node): boolean {
  const inner = unwrapExpression(value);
  return ['ObjectExpression', 'ArrayExpression', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'FunctionExpression', 'ArrowFunctionExpression'].includes(inner.type);
}

/** Entries that set a legacy parameter: the name, and a value that can be a credential. */
export function isLegacyEntry(entry: ParamEntry): boolean {
  return isLegacyKeyName(entry.name) && !isNonCredentialValue(entry.value);
}

export function legacyEntries(carrier: Carrier): ParamEntry[] {
  return carrier.entries.filter(isLegacyEntry);
}

export function hasLegacy(carrier: Carrier): boolean {
  return legacyEntries(carrier).length > 0 || carrier.dynamic.length > 0 || carrier.foreignReason !== undefined;
}

/** The static name of a property key; `{ [NAME]: v }` is dynamic even when NAME is known. */
function propertyName(property: ObjectProperty): string | undefined {
  const key = property.key;
  if (!property.computed) return staticPropertyName(key, false);
  return key.type === 'StringLiteral' || (key.type === 'TemplateLiteral' && key.expressions.length === 0) ? staticPropertyName(key, true) : undefined;
}

/** The parameters an object literal sets with static names. */
export function objectEntries(object: ObjectExpression): ParamEntry[] {
  const entries: ParamEntry[] = [];
  for (const property of object.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const name = propertyName(property);
    if (name === undefined) continue;
    entries.push({ name, form: { kind: 'property', property, object }, key: property.key, value: property.value });
  }
  return entries;
}

/** The carrier of an object literal: its own properties, computed legacy keys, foreign spreads. */
export function objectCarrier(object: ObjectExpression, tools: ShapeTools): Carrier {
  const dynamic: DynamicEntry[] = [];
  let foreignReason: string | undefined;
  const foreignNames: string[] = [];
  for (const property of object.properties) {
    if (property.type === 'ObjectProperty' && property.computed && propertyName(property) === undefined) {
      const name = tools.context.evaluator.evaluateString(property.key);
      if (name !== undefined && isLegacyKeyName(name)) dynamic.push({ node: property, how: `a computed key ("${name}")`, names: [name] });
    }
    // `{ ...config.zohoAuth }` with `config` imported: the keys are written in that module (known through
    // the Evaluator's module resolver), so this object cannot be rewritten on its own.
    if (property.type === 'SpreadElement') {
      let root = unwrapExpression(property.argument);
      while (root.type === 'MemberExpression') root = unwrapExpression(root.object);
      if (!tools.moduleOf(root)) continue;
      const value = tools.context.evaluator.evaluate(property.argument);
      const names = isStaticObject(value) ? Object.keys(value).filter((key) => isLegacyKeyName(key)) : [];
      if (names.length > 0) {
        foreignReason = FOREIGN_CONSTANT_REASON;
        foreignNames.push(...names);
      }
    }
  }
  const carrier: Carrier = {
    kind: 'object',
    id: `object@${object.start}`,
    start: object.start ?? 0,
    end: object.end ?? 0,
    entries: objectEntries(object),
    dynamic,
    starts: [object],
    holders: [object],
  };
  if (foreignReason) carrier.foreignReason = foreignReason;
  if (foreignNames.length > 0) carrier.otherNames = foreignNames;
  return carrier;
}

/** The static name of a member (`p.apikey`, `p['apikey']`) or of a call's first argument. */
function literalName(node: Node, isComputed: boolean): string | undefined {
  if (!isComputed) return staticPropertyName(node, false);
  return node.type === 'StringLiteral' || (node.type === 'TemplateLiteral' && node.expressions.length === 0) ? staticPropertyName(node, true) : undefined;
}

function statementOf(node: Node, tools: ShapeTools): ExpressionStatement | null {
  const parent = tools.context.index.parentOf(node);
  return parent?.type === 'ExpressionStatement' ? parent : null;
}

const MUTATORS = new Set(['append', 'set']);

/**
 * The writes to one variable (or to `variable.searchParams`): member assignments and
 * `append`/`set` calls, legacy or not, in source order.
 */
export function mutationCarrier(binding: LexicalBinding, viaSearchParams: boolean, tools: ShapeTools): Carrier {
  const { index, evaluator } = tools.context;
  const entries: ParamEntry[] = [];
  const dynamic: DynamicEntry[] = [];
  const starts: Node[] = [];
  for (const reference of binding.references) {
    let target: Node = reference;
    if (viaSearchParams) {
      const member = index.parentOf(reference);
      if (member?.type !== 'MemberExpression' || member.object !== reference || staticPropertyName(member.property, member.computed) !== 'searchParams') continue;
      target = member;
    }
    starts.push(target);
    const member = index.parentOf(target);
    if (member?.type !== 'MemberExpression' || member.object !== target) continue;
    const outer = index.parentOf(member);
    if (outer?.type === 'AssignmentExpression' && outer.left === member && outer.operator === '=') {
      const name = literalName(member.property, member.computed);
      if (name !== undefined) {
        entries.push({ name, form: { kind: 'assignment', member, statement: statementOf(outer, tools) }, key: member.property, value: outer.right });
      } else {
        const known = evaluator.evaluateString(member.property);
        if (known !== undefined && isLegacyKeyName(known)) dynamic.push({ node: outer, how: `a computed member name ("${known}")`, names: [known] });
      }
      continue;
    }
    const method = staticPropertyName(member.property, member.computed);
    if (outer?.type !== 'CallExpression' || outer.callee !== member || !method || !MUTATORS.has(method) || outer.arguments.length !== 2) continue;
    const [keyArg, valueArg] = outer.arguments;
    if (!keyArg || !valueArg || keyArg.type === 'SpreadElement' || valueArg.type === 'SpreadElement' || valueArg.type === 'ArgumentPlaceholder') continue;
    const name = literalName(keyArg, true);
    if (name !== undefined) {
      entries.push({ name, form: { kind: 'call', call: outer, statement: statementOf(outer, tools) }, key: keyArg, value: valueArg });
    } else {
      const known = evaluator.evaluateString(keyArg);
      if (known !== undefined && isLegacyKeyName(known)) dynamic.push({ node: outer, how: `a name held in a variable ("${known}")`, names: [known] });
    }
  }
  // Reported from the first legacy write to the last (every write when none is legacy: a holder's keys).
  const siteOf = (entry: ParamEntry): Node => (entry.form.kind === 'property' ? entry.form.object : (entry.form.statement ?? (entry.form.kind === 'call' ? entry.form.call : entry.form.member)));
  const legacySites = [...entries.filter(isLegacyEntry).map(siteOf), ...dynamic.map((d) => d.node)];
  const reported = legacySites.length > 0 ? legacySites : entries.length > 0 ? entries.map(siteOf) : [binding.id];
  const carrier: Carrier = {
    kind: 'mutations',
    id: `mutations@${binding.id.start}${viaSearchParams ? '.searchParams' : ''}`,
    start: Math.min(...reported.map((node) => node.start ?? 0)),
    end: Math.max(...reported.map((node) => node.end ?? 0)),
    entries: entries.sort((a, b) => (a.key.start ?? 0) - (b.key.start ?? 0)),
    dynamic,
    starts,
    holders: [binding.id],
  };
  if (viaSearchParams) carrier.fixedUrl = binding.id;
  return carrier;
}
