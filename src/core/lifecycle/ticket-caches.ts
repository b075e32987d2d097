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

function isValueInit(init: Node | null | undefined): boolean {
  if (!init) return true;
  const inner = unwrapExpression(init);
  if (inner.type === 'FunctionExpression' || inner.type === 'ArrowFunctionExpression' || inner.type === 'ClassExpression') return false;
  return !(inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'require');
}

function hasTicketKey(init: Node | null | undefined): boolean {
  const inner = init ? unwrapExpression(init) : undefined;
  return inner?.type === 'ObjectExpression' && inner.properties.some((property) => property.type === 'ObjectProperty' && /^ticket$/i.test(staticPropertyName(property.key, property.computed) ?? ''));
}

/** Not a request: a URL carries `ticket=` as a parameter, a cache key or SQL statement names it. */
function isStorageText(text: string): boolean {
  return TICKET_WORD.test(text) && !/:\/\/|[?&]ticket=/i.test(text);
}

/**
 * Where a ticket is kept between calls: a module-level variable or class field named for it or
 * holding `{ ticket, issuedAt }`, a `Map`, a file (`fs.writeFileSync('.zoho-ticket', ...)`), or a
 * database row / key (`UPDATE zoho_session SET ticket = ?`, `redis.set('zoho:ticket', ...)`).
 */
export function findTicketCaches(lifecycle: LifecycleContext): LifecycleHit[] {
  if (!lifecycle.isTicketContext) return [];
  const { index } = lifecycle.core;
  const hits: LifecycleHit[] = [];
  const cache = (anchor: Node): void => void hits.push({ ruleId: 'ticket-regeneration', messageId: 'cache', anchor });

  for (const declarator of index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || index.enclosingFunction(declarator)?.type !== 'Program') continue;
    if ((/ticket/i.test(declarator.id.name) && isValueInit(declarator.init)) || hasTicketKey(declarator.init)) cache(declarator);
  }
  for (const type of ['ClassProperty', 'ClassPrivateProperty'] as const) {
    for (const property of index.ofType(type)) {
      const name = property.key.type === 'PrivateName' ? property.key.id.name : staticPropertyName(property.key, 'computed' in property ? Boolean(property.computed) : false);
      if (/ticket/i.test(name ?? '') && isValueInit(property.value)) cache(property);
    }
  }

  const storageTexts = lifecycle
    .strings()
    .filter(({ text }) => isStorageText(text))
    .map(({ root }) => rangeOf(root));
  for (const call of index.ofType('CallExpression')) {
    const method = memberPath(call.callee)?.at(-1) ?? (call.callee.type === 'Identifier' ? call.callee.name : undefined);
    if (method === undefined) continue;
    const args = call.arguments.map(rangeOf);
    const namesTicket = storageTexts.some((text) => args.some((arg) => contains(arg, text)));
    if (FILE_METHOD.test(method)) {
      const target = call.arguments[0];
      if (namesTicket || (target?.type === 'Identifier' && /ticket/i.test(target.name))) cache(call);
    } else if (STORAGE_METHOD.has(method) && namesTicket) cache(call);
  }
  return hits;
}
