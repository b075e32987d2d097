import type { ArrayExpression, Node } from '@babel/types';
import { calleeName, memberPath, staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { isStaticObject } from '../../scope/evaluate.js';
import { isNonCredentialValue, mutationCarrier, objectCarrier } from '../../requests/object-request.js';
import type { Carrier, RequestShape, ShapeTools } from '../request-shape.js';
import { isLegacyKeyName } from '../../zoho/services.js';

const ITERATORS = new Set(['forEach', 'map', 'reduce', 'filter', 'some', 'every']);

function isLegacyLiteral(node: Node | null | undefined): boolean {
  return node?.type === 'StringLiteral' && isLegacyKeyName(node.value);
}

/** Could an object literal carry legacy parameters: a legacy key, written out, computed, or spread in from another module? */
function mayCarry(object: Extract<Node, { type: 'ObjectExpression' }>, tools: ShapeTools): boolean {
  return object.properties.some((property) => {
    if (property.type === 'ObjectProperty') {
      const name = property.computed ? tools.context.evaluator.evaluateString(property.key) : staticPropertyName(property.key, false);
      return name !== undefined && isLegacyKeyName(name) && !isNonCredentialValue(property.value);
    }
    if (property.type !== 'SpreadElement') return false;
    const value = tools.context.evaluator.evaluate(property.argument);
    return isStaticObject(value) && Object.keys(value).some((key) => isLegacyKeyName(key));
  });
}

/**
 * `['apikey', 'ticket'].forEach((k) => { params[k] = creds[k]; })`: the names come from an array, so
 * no edit can be planned. The carrier is the variable the loop fills, so its flow still decides
 * whether it is Zoho.
 */
function arrayCarrier(array: ArrayExpression, tools: ShapeTools): Carrier | undefined {
  const { index } = tools.context;
  const isPairs = array.elements.some((element) => element?.type === 'ArrayExpression' && isLegacyLiteral(element.elements[0]));
  const how = isPairs ? 'name/value pairs in an array' : 'names taken from an array';
  const names = array.elements.flatMap((element) => {
    const name = element?.type === 'ArrayExpression' ? element.elements[0] : element;
    return name?.type === 'StringLiteral' && isLegacyKeyName(name.value) ? [name.value] : [];
  });
  const base = { kind: 'dynamic' as const, id: `array@${array.start}`, start: array.start ?? 0, end: array.end ?? 0, entries: [], dynamic: [{ node: array, how, names }] };
  if (isPairs) return { ...base, starts: [array], holders: [] };
  if (!array.elements.some((element) => isLegacyLiteral(element))) return undefined;
  // The loop that walks the names, and the variable it writes them into.
  let body: Node | undefined;
  const parent = index.parentOf(array);
  if (parent?.type === 'MemberExpression' && ITERATORS.has(staticPropertyName(parent.property, parent.computed) ?? '')) {
    const call = index.parentOf(parent);
    const callback = call?.type === 'CallExpression' ? call.arguments[0] : undefined;
    if (callback?.type === 'ArrowFunctionExpression' || callback?.type === 'FunctionExpression') body = callback.body;
  } else if (parent?.type === 'ForOfStatement' && index.keyOf(array) === 'right') body = parent.body;
  if (!body) return undefined;
  const targets = new Set<Node>();
  const inside = (node: Node) => (node.start ?? 0) >= (body!.start ?? 0) && (node.end ?? 0) <= (body!.end ?? 0);
  for (const assignment of index.ofType('AssignmentExpression')) {
    if (inside(assignment) && assignment.left.type === 'MemberExpression' && assignment.left.computed && assignment.left.object.type === 'Identifier') targets.add(assignment.left.object);
  }
  for (const call of index.ofType('CallExpression')) {
    const callee = call.callee;
    if (!inside(call) || callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') continue;
    if (['append', 'set'].includes(staticPropertyName(callee.property, callee.computed) ?? '') && call.arguments[0]?.type === 'Identifier') targets.add(callee.object);
  }
  const bindings = [...targets].map((target) => tools.bindingOf(target)).filter((binding) => binding !== undefined);
  if (bindings.length === 0) return undefined;
  return { ...base, starts: bindings.flatMap((binding) => binding.references), holders: bindings.map((binding) => binding.id) };
}

/**
 * `options.qs.apikey = k`: set on an object inside another. Reported, not rewritten: the object is
 * followed from where it is written (`var options = { qs: { ... } }`) to prove where it goes.
 * `this.ticket = t` (a class field) and members of other objects this file does not write are not
 * request parameters as far as the file shows: nothing is reported for them.
 */
function nestedCarrier(assignment: Extract<Node, { type: 'AssignmentExpression' }>, name: string, tools: ShapeTools): Carrier | undefined {
  const { context } = tools;
  const path = memberPath(assignment.left);
  let value: Node | undefined;
  if (path && path.length > 2) {
    let head: Node = unwrapExpression((assignment.left as { object: Node }).object);
    while (head.type === 'MemberExpression') head = unwrapExpression(head.object);
    let object = tools.objectLiteral(head);
    for (const key of path.slice(1, -1)) {
      const inner = object ? tools.property(object, [key]) : undefined;
      value = inner;
      object = inner ? tools.objectLiteral(inner) : undefined;
    }
    if (!object) value = undefined;
  }
  // `config.params.apikey = k` on an object this file does not write (an axios interceptor's
  // `config`): followed from the parameters container itself, so it is reported, never skipped.
  const container = unwrapExpression((assignment.left as { object: Node }).object);
  if (!value && container.type === 'MemberExpression' && tools.paramKeys.has(staticPropertyName(container.property, container.computed) ?? '')) value = container;
  if (!value) return undefined;
  const statement = context.index.parentOf(assignment);
  const node = statement?.type === 'ExpressionStatement' ? statement : assignment;
  return {
    kind: 'dynamic',
    id: `nested@${assignment.start}`,
    start: node.start ?? 0,
    end: node.end ?? 0,
    entries: [],
    dynamic: [],
    foreignReason: `it is set on a nested object (${context.sourceOf(assignment.left)})`,
    starts: [value],
    holders: [],
    otherNames: [name],
  };
}

/**
 * Object literals in every spelling (`{ apikey }`, `{ 'ticket': t }`, a helper's `return { apikey, ticket }`,
 * `Object.assign(params, { ... })`, a module-level defaults object), member assignments
 * (`params.apikey = k`, `params['ticket'] = t`), and names computed from arrays or variables.
 */
export const objectParamsShape: RequestShape = {
  id: 'object-params',
  conversion(call, index) {
    if (index !== 0) return undefined;
    const name = calleeName(call);
    // A JSON body carries the object's keys too.
    return name === 'Object.fromEntries' ? 'params' : name === 'JSON.stringify' ? 'string' : undefined;
  },
  carriers(tools) {
    const { index, evaluator } = tools.context;
    const carriers: Carrier[] = [];
    for (const object of index.ofType('ObjectExpression')) if (mayCarry(object, tools)) carriers.push(objectCarrier(object, tools));
    for (const assignment of index.ofType('AssignmentExpression')) {
      const left = assignment.left;
      if (assignment.operator !== '=' || left.type !== 'MemberExpression') continue;
      const name = left.computed ? evaluator.evaluateString(left.property) : staticPropertyName(left.property, false);
      const target = unwrapExpression(left.object);
      if (name === undefined || !isLegacyKeyName(name)) continue;
      if (target.type !== 'Identifier') {
        const nested = nestedCarrier(assignment, name, tools);
        if (nested) carriers.push(nested);
        continue;
      }
      const binding = tools.bindingOf(target);
      if (binding) carriers.push(mutationCarrier(binding, false, tools));
    }
    for (const array of index.ofType('ArrayExpression')) {
      if (!array.elements.some((element) => isLegacyLiteral(element) || (element?.type === 'ArrayExpression' && isLegacyLiteral(element.elements[0])))) continue;
      if (index.parentOf(array)?.type === 'ArrayExpression') continue;
      const carrier = arrayCarrier(array, tools);
      if (carrier) carriers.push(carrier);
    }
    return carriers;
  },
};
