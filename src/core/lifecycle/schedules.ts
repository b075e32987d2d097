import type { CallExpression, NewExpression, Node } from '@babel/types';
import { memberPath, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import { isFunctionNode } from './construct.js';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';

const TIMERS = new Set(['setInterval', 'setTimeout']);
const TIMER_OWNERS = new Set(['global', 'globalThis', 'window', 'self', 'timers']);

/** node-cron, cron and node-schedule, by the module a callee was imported from. */
const CRON_MODULES = new Set(['node-cron', 'cron', 'node-schedule']);

function moduleOf(name: string | undefined, lifecycle: LifecycleContext): string | undefined {
  return name === undefined ? undefined : lifecycle.core.bindings.resolve(name)?.module?.specifier;
}

function isTimer(call: CallExpression, lifecycle: LifecycleContext): boolean {
  const path = memberPath(call.callee);
  if (!path) return false;
  if (path.length === 1) return TIMERS.has(path[0]!) && !lifecycle.core.bindings.isDeclared(path[0]!);
  return path.length === 2 && TIMER_OWNERS.has(path[0]!) && TIMERS.has(path[1]!);
}

/**
 * The task a cron library runs: `cron.schedule(expr, task)` (node-cron), `new CronJob(expr, task)`,
 * `CronJob.from({ cronTime, onTick })` (cron), `schedule.scheduleJob(expr, task)` (node-schedule).
 */
function cronTask(call: CallExpression | NewExpression, lifecycle: LifecycleContext): Node | undefined {
  const path = memberPath(call.callee);
  if (!path) return undefined;
  const root = path[0];
  const method = path.at(-1)!;
  const fromCronModule = CRON_MODULES.has(moduleOf(root, lifecycle) ?? '') || /^(node_?)?cron$|^schedule$/i.test(root ?? '');
  const isCronCall =
    (call.type === 'CallExpression' && fromCronModule && ['schedule', 'scheduleJob', 'job'].includes(method)) ||
    (method === 'CronJob' && (call.type === 'NewExpression' || path.length > 1)) ||
    (path.length === 2 && path[0] === 'CronJob' && method === 'from');
  if (!isCronCall) return undefined;
  const config = call.arguments[0];
  if (config?.type === 'ObjectExpression') {
    for (const property of config.properties) {
      if (property.type === 'ObjectProperty' && staticPropertyName(property.key, property.computed) === 'onTick') return property.value;
      if (property.type === 'ObjectMethod' && staticPropertyName(property.key, property.computed) === 'onTick') return property;
    }
    return undefined;
  }
  // node-schedule takes (rule, task) or (name, rule, task): the task is the first function-like argument after the rule.
  return call.arguments.slice(1).find((argument) => argument.type !== 'SpreadElement' && !isPlainData(argument));
}

function isPlainData(node: Node): boolean {
  return node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'ObjectExpression' || node.type === 'BooleanLiteral' || node.type === 'TemplateLiteral';
}

/** A task renews a ticket when it is a ticket function, or its body calls one or holds ticket code. */
function isTicketTask(task: Node | undefined, lifecycle: LifecycleContext): boolean {
  if (!task) return false;
  const inner = unwrapExpression(task);
  if (isFunctionNode(inner)) return lifecycle.callsTicketFunction(inner);
  if (lifecycle.isTicketCallee(inner)) return true;
  // `setTimeout(tick, WEEK)` where `function tick() { refreshTicket(); ... }` is this module's.
  const binding = inner.type === 'Identifier' ? lifecycle.core.bindings.resolve(inner.name) : undefined;
  const body = binding?.kind === 'function' ? binding.init : binding?.init ? unwrapExpression(binding.init) : undefined;
  return Boolean(body && isFunctionNode(body) && lifecycle.callsTicketFunction(body));
}

/**
 * Where ticket renewal is scheduled: `setInterval`/`setTimeout` (recursive or not) and cron jobs
 * whose task obtains a ticket. The period does not decide: a weekly report job is not flagged, a
 * daily ticket refresh is.
 */
export function findSchedules(lifecycle: LifecycleContext): LifecycleHit[] {
  const hits: LifecycleHit[] = [];
  const { index } = lifecycle.core;
  for (const call of index.ofType('CallExpression')) {
    if (isTimer(call, lifecycle) && isTicketTask(call.arguments[0], lifecycle)) hits.push({ ruleId: 'ticket-regeneration', messageId: 'timer', anchor: call });
    else if (isTicketTask(cronTask(call, lifecycle), lifecycle)) hits.push({ ruleId: 'ticket-regeneration', messageId: 'cron', anchor: call });
  }
  for (const call of index.ofType('NewExpression')) {
    if (isTicketTask(cronTask(call, lifecycle), lifecycle)) hits.push({ ruleId: 'ticket-regeneration', messageId: 'cron', anchor: call });
  }
  return hits;
}
