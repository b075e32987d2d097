import { lexicalScopesOf } from '../scope/lexical-scopes.js';
import { isWeeklyPeriod } from './durations.js';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';
import { isExpiredTicketCode } from './ticket-retries.js';

/**
 * Constants that exist for the ticket code alone: a 7-day period (`const WEEK = 7 * DAY`), the
 * expired-ticket code (`const INVALID_TICKET = 4834`), a ticket-named one (`const TICKET_FILE =
 * '.zoho-ticket'`). Flagged when every use of them is in flagged code, so that a weekly period
 * shared with a report job stays.
 */
export function findLifecycleConstants(lifecycle: LifecycleContext): LifecycleHit[] {
  const { index, bindings } = lifecycle.core;
  const hits: LifecycleHit[] = [];
  for (const declarator of index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || !declarator.init || lifecycle.isFlagged(declarator)) continue;
    const name = declarator.id.name;
    const binding = bindings.resolve(name);
    if (!binding || binding.id !== declarator.id || !bindings.isConstant(binding)) continue;
    const isPeriod = isWeeklyPeriod(declarator.init, lifecycle.core);
    const isCode = !isPeriod && isExpiredTicketCode(declarator.init, lifecycle);
    const isTicketNamed = lifecycle.isTicketContext && /ticket/i.test(name);
    if (!isPeriod && !isCode && !isTicketNamed) continue;
    const uses = lexicalScopesOf(lifecycle.core.ast).bindingOf(declarator.id)?.references ?? [];
    if (uses.length === 0 || !uses.every((use) => lifecycle.isFlagged(use))) continue;
    hits.push({ ruleId: 'ticket-regeneration', messageId: isPeriod ? 'period' : isCode ? 'retry' : 'cache', data: { name }, anchor: declarator });
  }
  return hits;
}
