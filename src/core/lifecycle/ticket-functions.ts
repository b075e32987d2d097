import type { Node } from '@babel/types';
import { calleeName, memberPath, unwrapExpression } from '../ast/node-utils.js';
import { isFunctionNode, namedFunction, type NamedFunction } from './construct.js';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';
import { isLifecycleFunctionName } from './names.js';

/** Renewing rather than obtaining: a call of one of these is regeneration. */
const RENEWAL_NAME = /refresh|renew|regenerat|schedul|rotate|keep_?alive|timer|cron/i;

function namedFunctions(lifecycle: LifecycleContext): NamedFunction[] {
  const functions: NamedFunction[] = [];
  for (const type of ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod'] as const) {
    for (const fn of lifecycle.core.index.ofType(type)) {
      const named = namedFunction(fn, lifecycle.core.index);
      if (named) functions.push(named);
    }
  }
  return functions;
}

/**
 * Functions that wrap the ticket code: `getTicket` calling `login`, `refreshSession` calling
 * `getTicket`. Their name must say so, and they must send no Zoho API request: a request helper
 * that asks for a ticket before each call is business code and stays.
 */
export function findWrappers(lifecycle: LifecycleContext): LifecycleHit[] {
  const hits: LifecycleHit[] = [];
  for (const named of namedFunctions(lifecycle)) {
    if (lifecycle.flagged.has(named.construct) || !isLifecycleFunctionName(named.name)) continue;
    if (lifecycle.sendsApiRequest(named.fn) || !lifecycle.callsTicketFunction(named.fn)) continue;
    const found = { data: { name: named.name }, anchor: named.fn, construct: named.construct };
    hits.push(RENEWAL_NAME.test(named.name) ? { ruleId: 'ticket-regeneration', messageId: 'call', ...found } : { ruleId: 'ticket-generation', messageId: 'wrapper', ...found });
  }
  return hits;
}

/** The call at the root of `refreshTicket().catch(log)` or `await login()`. */
function rootCall(node: Node): Node | undefined {
  let current = unwrapExpression(node);
  if (current.type === 'AwaitExpression' && current.argument) current = unwrapExpression(current.argument);
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression' && ['then', 'catch', 'finally'].includes(memberPath(current.callee)?.at(-1) ?? '')) {
    current = unwrapExpression(current.callee.object);
  }
  return current.type === 'CallExpression' ? current : undefined;
}

function isConsoleCall(node: Node): boolean {
  const call = rootCall(node);
  return call?.type === 'CallExpression' && /^console\./.test(calleeName(call) ?? '');
}

/** A callback that does nothing but log (or nothing at all): `login(function () {})`, `login(noop)`. */
function isIdleCallback(node: Node): boolean {
  if (node.type === 'Identifier' || node.type === 'MemberExpression') return /^(console\.\w+|noop|_\.noop)$/.test(memberPath(node)?.join('.') ?? '');
  if (!isFunctionNode(node)) return true;
  const body = (node as { body: Node }).body;
  if (body.type !== 'BlockStatement') return isConsoleCall(body);
  return body.body.every((statement) => statement.type === 'ExpressionStatement' && isConsoleCall(statement.expression));
}

/** Lists of statements: a statement there can be deleted (or marked) on its own lines. */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock']);

/**
 * Statements that only obtain or renew a ticket (`refreshTicket();`, `scheduleRenewal();`), at
 * the top level or in any block (a startup callback such as `app.listen(port, () => { ... })`).
 * A call whose callback does real work (`login(() => app.listen())`) is not flagged: deleting it
 * would delete that work too.
 */
export function findTicketCalls(lifecycle: LifecycleContext): LifecycleHit[] {
  const hits: LifecycleHit[] = [];
  const { index } = lifecycle.core;
  for (const statement of index.ofType('ExpressionStatement')) {
    if (!STATEMENT_LISTS.has(index.parentOf(statement)?.type ?? '') || lifecycle.isFlagged(statement)) continue;
    const call = rootCall(statement.expression);
    if (call?.type !== 'CallExpression' || !lifecycle.isTicketCallee(call.callee)) continue;
    if (!call.arguments.every((argument) => argument.type !== 'SpreadElement' && isIdleCallback(argument))) continue;
    const name = memberPath(call.callee)?.join('.') ?? 'a ticket function';
    const isRenewal = RENEWAL_NAME.test(name);
    hits.push({ ruleId: isRenewal ? 'ticket-regeneration' : 'ticket-generation', messageId: 'call', data: { name }, anchor: statement });
  }
  return hits;
}
