import type { Candidate, RemovalContext } from './candidate.js';
import { effectOf } from './side-effects.js';
import { declaredBindings, wholeStatementCandidate } from './statements.js';

const TICKET_RULES = new Set(['ticket-generation', 'ticket-regeneration']);

/**
 * Module variables only ticket code touches (`var issuedAt = 0`, a `ticket` the detectors did not
 * call a cache): every read and write of them is inside flagged ticket code, so they go with it.
 */
export function ticketStateCandidates(context: RemovalContext, taken: ReadonlySet<unknown>): Candidate[] {
  const ticketRanges = context.findings.filter((finding) => TICKET_RULES.has(finding.ruleId)).map((finding) => finding.range);
  if (ticketRanges.length === 0) return [];
  const isInTicketCode = (offset: number) => ticketRanges.some((range) => range.start <= offset && offset < range.end);
  const candidates: Candidate[] = [];
  for (const statement of context.ast.program.body) {
    if (statement.type !== 'VariableDeclaration' || taken.has(statement) || isInTicketCode(statement.start ?? 0)) continue;
    const declares = declaredBindings(statement, context);
    const uses = declares.flatMap((binding) => [...binding.references, ...binding.writes]);
    if (declares.length === 0 || uses.length === 0 || !uses.every((use) => isInTicketCode(use.start ?? 0))) continue;
    const effect = effectOf(statement, context.text, context.index, context.scopes, context.effectFacts);
    if (effect.reason || effect.dependsOn.size > 0) continue;
    candidates.push(wholeStatementCandidate(statement, context, `${declares.map((binding) => binding.name).join(', ')}, used only by ticket code`, 'only ticket code reads or writes it', declares));
  }
  return candidates;
}
