import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { ANNOTATION_PREFIX, RULES } from '../rules.js';
import { findExpiryChecks } from './expiry-checks.js';
import { findLifecycleConstants } from './lifecycle-constants.js';
import { LifecycleContext, contains, rangeOf, type LifecycleHit } from './lifecycle-context.js';
import { findLoginRequests } from './login-requests.js';
import { DESK_MARKER } from './names.js';
import { findResponseParsing } from './response-parsing.js';
import { findSchedules } from './schedules.js';
import { findTicketCaches } from './ticket-caches.js';
import { findTicketCalls, findWrappers } from './ticket-functions.js';
import { findRetries } from './ticket-retries.js';

/** Every piece of ticket code spells one of these; a file that has none is skipped outright. */
const MAY_HOLD_TICKET_CODE = /ticket|LOGIN_ID|FROM_AGENT|zoho|4834/i;
/** Each round may prove more functions to be ticket code (a timer calling a wrapper of a login). */
const MAX_ROUNDS = 4;
/** The message a construct is reported with, when several concerns found it: the most specific. */
const MESSAGE_ORDER: readonly LifecycleHit['messageId'][] = ['timer', 'cron', 'retry', 'expiry', 'cache', 'call', 'period', 'regeneration', 'login', 'logout', 'response', 'wrapper'];

function primaryHit(hits: readonly LifecycleHit[]): LifecycleHit {
  const regeneration = hits.filter((hit) => hit.ruleId === 'ticket-regeneration');
  const pool = regeneration.length > 0 ? regeneration : hits;
  return [...pool].sort((a, b) => MESSAGE_ORDER.indexOf(a.messageId) - MESSAGE_ORDER.indexOf(b.messageId))[0]!;
}

/**
 * The ticket lifecycle (DESIGN §4): code that obtains or ends a ticket (`ticket-generation`) and
 * code that exists only because tickets expired every 7 days (`ticket-regeneration`). Each finding
 * covers the whole construct a reader deletes: the function, the statement, the timer call. One
 * construct is reported once, and never inside another one that is reported.
 */
export function detectTicketLifecycle(context: AnalysisContext): void {
  if (!MAY_HOLD_TICKET_CODE.test(context.text)) return;
  const lifecycle = new LifecycleContext(context, context.mentionsZoho && !DESK_MARKER.test(context.text));
  const byConstruct = new Map<Node, LifecycleHit[]>();

  const record = (hits: readonly LifecycleHit[]): boolean => {
    let isNew = false;
    for (const hit of hits) {
      const construct = hit.construct ?? lifecycle.constructOf(hit.anchor);
      const known = byConstruct.get(construct) ?? [];
      if (known.some((other) => other.messageId === hit.messageId && other.anchor === hit.anchor)) continue;
      byConstruct.set(construct, [...known, hit]);
      if (!lifecycle.flagged.has(construct)) isNew = true;
      lifecycle.flagged.add(construct);
    }
    lifecycle.hasTicketCode = byConstruct.size > 0;
    return isNew;
  };

  // Proof first (it makes names count as support), then what needs it, then what needs ticket functions.
  record(findLoginRequests(lifecycle));
  record(findResponseParsing(lifecycle));
  record(findRetries(lifecycle));
  record(findExpiryChecks(lifecycle));
  record(findTicketCaches(lifecycle));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    lifecycle.learnTicketFunctions();
    const found = [findWrappers, findSchedules].map((find) => record(find(lifecycle)));
    if (!found.some(Boolean)) break;
  }
  lifecycle.learnTicketFunctions();
  record(findTicketCalls(lifecycle));
  record(findLifecycleConstants(lifecycle));

  // Outermost first: a construct inside a reported one is part of it.
  const constructs = [...byConstruct.keys()].sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (b.end ?? 0) - (a.end ?? 0));
  let outer: Node | undefined;
  for (const construct of constructs) {
    if (outer && contains(rangeOf(outer), rangeOf(construct))) continue;
    outer = construct;
    const { anchor: _anchor, construct: _construct, ...wording } = primaryHit(byConstruct.get(construct)!);
    context.report({
      ...wording,
      start: construct.start ?? 0,
      end: construct.end ?? 0,
      fixable: false,
      annotation: `${ANNOTATION_PREFIX} ${context.options.annotateComment ?? RULES[wording.ruleId].annotation ?? ''}`.trim(),
    });
  }
}
