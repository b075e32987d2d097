import type { Node } from '@babel/types';
import { memberPath, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import { contains, rangeOf, type LifecycleContext, type LifecycleHit } from './lifecycle-context.js';
import { TICKET_WORD } from './names.js';

/** File calls of `fs`, `fs/promises` and `fs-extra` that read or write a cached ticket. */
const FILE_METHOD = /^(?:readFile|writeFile|appendFile|unlink|rm|exists|stat|readJson|writeJson|outputFile|outputJson)(?:Sync)?$/;
/** Database, key-value and Web Storage calls whose statement or key names the ticket. */
const STORAGE_METHOD = new Set([
  'query', 'execute', 'run', 'all', 'prepare', 'exec', 'raw',
  'get', 'set', 'setex', 'setEx', 'hget', 'hGet', 'hset', 'hSet', 'hgetall', 'hGetAll', 'del', 'expire',
  'findOne', 'find', 'updateOne', 'insertOne', 'replaceOne', 'findOneAndUpdate', 'upsert', 'put', 'save',
  'getItem', 'setItem', 'removeItem', 'collection', 'table', 'from', 'into',
]);

/** An empty holder waiting for a ticket: `null`, `''`, `{}`, `{ ticket: null, issuedAt: 0 }`, `new Map()`. */
function isEmptyHolder(init: Node): boolean {
  const inner = unwrapExpression(init);
  switch (inner.type) {
    case 'NullLiteral':
      return true;
    case 'StringLiteral':
      return inner.value === '';
    case 'NumericLiteral':
      return inner.value === 0;
    case 'Identifier':
      return inner.name === 'undefined';
    case 'ArrayExpression':
      return inner.elements.length === 0;
    case 'ObjectExpression':
      return inner.properties.every((property) => property.type === 'ObjectProperty' && isEmptyHolder(property.value));
    case 'NewExpression':
      return inner.callee.type === 'Identifier' && ['Map', 'Set', 'WeakMap', 'LRUCache', 'NodeCache'].includes(inner.callee.name);
    case 'CallExpression':
      return memberPath(inner.callee)?.join('.') === 'Object.create';
    default:
      return false;
  }
}

function hasTicketKey(init: Node | null | undefined): boolean {
  const inner = init ? unwrapExpression(init) : undefined;
  return inner?.type === 'ObjectExpression' && inner.properties.some((property) => property.type === 'ObjectProperty' && /^ticket$/i.test(staticPropertyName(property.key, property.computed) ?? ''));
}

/** Is `name` (or `this.name`) given a new value, or a member of it set, anywhere in the file? */
function isWritten(name: string, lifecycle: LifecycleContext): boolean {
  const { index } = lifecycle.core;
  const target = (node: Node): string | undefined => {
    const path = memberPath(node);
    if (!path) return undefined;
    return path[0] === 'this' ? path[1] : path[0];
  };
  if (index.ofType('AssignmentExpression').some((assignment) => target(assignment.left) === name)) return true;
  return index.ofType('CallExpression').some((call) => {
    const path = memberPath(call.callee);
    return path !== undefined && path.length >= 2 && target(call.callee) === name && ['set', 'put', 'setItem', 'push'].includes(path.at(-1)!);
  });
}

/**
 * A module-level variable or class field that keeps a ticket between calls: named for it or
 * holding `{ ticket, ... }`, and either an empty holder or given a value later. A variable that
 * only reads configuration (`window.ZOHO_TICKET`, a component prop, request defaults) is not one.
 */
function isCacheVariable(name: string | undefined, init: Node | null | undefined, lifecycle: LifecycleContext): boolean {
  if (name === undefined || !(/ticket/i.test(name) || hasTicketKey(init))) return false;
  const inner = init ? unwrapExpression(init) : undefined;
  if (inner && (inner.type === 'FunctionExpression' || inner.type === 'ArrowFunctionExpression' || inner.type === 'ClassExpression')) return false;
  return (inner !== undefined && isEmptyHolder(inner)) || isWritten(name, lifecycle);
}

/**
 * Not a request: a URL carries `ticket=` as a parameter, and `searchParams.set('ticket', t)` names
 * one; a cache key (`zoho:ticket`) or a SQL statement names the ticket among other words.
 */
function isStorageText(text: string): boolean {
  return TICKET_WORD.test(text) && !/:\/\/|[?&]ticket=/i.test(text) && !/^\s*ticket\s*$/i.test(text);
}

/**
 * Where a ticket is kept between calls: a module-level variable or class field (see
 * isCacheVariable), a `Map`, a file (`fs.writeFileSync('.zoho-ticket', ...)`), or a
 * database row / key (`UPDATE zoho_session SET ticket = ?`, `redis.set('zoho:ticket', ...)`).
 */
export function findTicketCaches(lifecycle: LifecycleContext): LifecycleHit[] {
  if (!lifecycle.isTicketContext) return [];
  const { index } = lifecycle.core;
  const hits: LifecycleHit[] = [];
  const cache = (anchor: Node): void => void hits.push({ ruleId: 'ticket-regeneration', messageId: 'cache', anchor });

  for (const declarator of index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || index.enclosingFunction(declarator)?.type !== 'Program') continue;
    if (isCacheVariable(declarator.id.name, declarator.init, lifecycle)) cache(declarator);
  }
  for (const type of ['ClassProperty', 'ClassPrivateProperty'] as const) {
    for (const property of index.ofType(type)) {
      const name = property.key.type === 'PrivateName' ? property.key.id.name : staticPropertyName(property.key, 'computed' in property ? Boolean(property.computed) : false);
      if (isCacheVariable(name, property.value, lifecycle)) cache(property);
    }
  }

  const storageTexts = lifecycle
    .strings()
    .filter(({ text }) => isStorageText(text))
    .map(({ root }) => rangeOf(root));
  for (const call of index.ofType('CallExpression')) {
    const method = memberPath(call.callee)?.at(-1) ?? (call.callee.type === 'Identifier' ? call.callee.name : undefined);
    if (method === undefined) continue;
    // The key is an argument of the call itself: a callback that mentions the key (`request.get(url, () => redis.del('zoho:ticket'))`) does not make the call a cache access.
    const args = call.arguments.filter((arg) => arg.type !== 'ArrowFunctionExpression' && arg.type !== 'FunctionExpression').map(rangeOf);
    const namesTicket = storageTexts.some((text) => args.some((arg) => contains(arg, text)));
    if (FILE_METHOD.test(method)) {
      const target = call.arguments[0];
      if (namesTicket || (target?.type === 'Identifier' && /ticket/i.test(target.name))) cache(call);
    } else if (STORAGE_METHOD.has(method) && namesTicket) cache(call);
  }
  return hits;
}
