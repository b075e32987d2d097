import type { Node } from '@babel/types';
import type { Candidate, RemovalContext } from './candidate.js';
import { exportGate } from './export-gate.js';
import { listItemRange } from './list-items.js';
import type { ModuleExport } from './module-links.js';
import { effectOf } from './side-effects.js';
import { rangeOfNode, statementDeletion } from './statements.js';

/** Names that hold a legacy credential or what a ticket login needed. */
export const CREDENTIAL_NAME = /api_?key|ticket|passw(or)?d|login_?id|^(zoho_?)?(user(name)?|login|email)$/i;

/**
 * Exports of ticket code and of credentials (`getTicket: getTicket`, `apiKey: settings.zohoApiKey`)
 * that no module of the tree reads. A function's export depends on the function going too.
 */
export function exportCandidates(context: RemovalContext, exports: readonly ModuleExport[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const exported of exports) {
    const value = exported.value;
    if (!value) continue;
    const binding = value.type === 'Identifier' ? context.scopes.bindingOf(value) : undefined;
    const isCredential = CREDENTIAL_NAME.test(exported.name);
    if (!binding && !isCredential) continue;
    if (binding && !isCredential && !isTicketBinding(context, binding.id)) continue;
    const effect = binding ? { dependsOn: new Set([binding]) } : effectOf(value, context.text, context.index, context.scopes, context.effectFacts);
    const items = exported.container?.properties as Node[] | undefined;
    const deletion = items ? listItemRange(context.text, items, items.indexOf(exported.node)) : statementDeletion(exported.node, context);
    const blockedBy = ('reason' in effect ? effect.reason : undefined) ?? exportGate(context, exported.name);
    candidates.push({
      what: `export ${exported.name}`,
      reason: isCredential && !binding ? 'a credential no module of the scanned tree reads' : 'ticket code no module of the scanned tree reads',
      deletions: [deletion],
      gone: [rangeOfNode(exported.node)],
      replacements: [],
      declares: [],
      dependsOn: effect.dependsOn,
      node: exported.node,
      ...(blockedBy ? { blockedBy } : {}),
    });
  }
  return candidates;
}

/** Is the binding declared by flagged ticket code (its finding covers the declaration)? */
function isTicketBinding(context: RemovalContext, id: Node): boolean {
  const at = id.start ?? 0;
  return context.findings.some((finding) => (finding.ruleId === 'ticket-generation' || finding.ruleId === 'ticket-regeneration') && finding.range.start <= at && at < finding.range.end);
}
