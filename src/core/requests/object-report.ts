import type { AnalysisContext, DraftFinding } from '../context.js';
import { credentialUsesOfValues } from '../credentials/credential-uses.js';
import type { Edit } from '../findings.js';
import type { MessageData, MessageId } from '../rules.js';
import type { Carrier, ShapeTools } from '../shapes/request-shape.js';
import { namesLegacyZohoApi } from '../zoho/legacy-api-text.js';
import { isApiKeyKeyName, isTicketKeyName } from '../zoho/services.js';
import { reportHardcodedValue } from './hardcoded-credentials.js';
import { holderKeys } from './holder-keys.js';
import type { EditStyle } from './object-edits.js';
import { describeGroup, planGroup, type CarrierFlow } from './object-plan.js';
import { legacyEntries } from './object-request.js';
import { judgeEndpoints } from './endpoint-verdict.js';
import { tokenFor } from './token-positions.js';
import { reportUnlessService, serviceMessages } from './verdict-report.js';

/** What the object pass learnt about the file's carriers before any group is judged. */
export interface FileFacts {
  /** Carriers whose request also spells a legacy parameter in its URL text. */
  mixed: ReadonlySet<Carrier>;
  /** Carriers whose token lands where TypeScript wants a string. */
  stringPositions: ReadonlySet<Carrier>;
  quoteFor: (carrier: Carrier) => string;
}

/** Unproven parameters are worth a finding when both kinds are set, or one kind in a file that names Zoho. */
function isSuspicious(group: readonly CarrierFlow[], context: AnalysisContext): boolean {
  const names = group.flatMap(({ carrier }) => [...legacyEntries(carrier).map((entry) => entry.name), ...carrier.dynamic.flatMap((d) => d.names), ...(carrier.otherNames ?? [])]);
  const hasApiKey = names.some((name) => isApiKeyKeyName(name));
  const hasTicket = names.some((name) => isTicketKeyName(name));
  // A lone `ticket` key is everyone's (help desks, events): only a legacy Zoho API named in the file makes it worth a report.
  return (hasApiKey && hasTicket) || (hasApiKey && context.mentionsZoho) || (hasTicket && namesLegacyZohoApi(context.text, context.options.services));
}

/** One group of carriers that reach the same requests: judged, planned and reported together. */
export function reportGroup(group: readonly CarrierFlow[], context: AnalysisContext, tools: ShapeTools, facts: FileFacts): void {
  const { mixed, stringPositions, quoteFor } = facts;
  const report = <M extends MessageId<'legacy-auth-params'>>(messageId: M, data: MessageData<'legacy-auth-params', M>['data'], plans?: Map<Carrier, Edit[]>) => {
    for (const { carrier } of group) {
      const edits = plans?.get(carrier);
      const fixable = Boolean(edits);
      // In a fixable group, a carrier with nothing of this service's to change is not part of the finding.
      if (plans && !edits) continue;
      const removes = edits ? credentialUsesOfValues(legacyEntries(carrier).map((entry) => ({ param: entry.name, value: entry.value })), carrier.start, context) : [];
      // The signature checked `data` against the message; TypeScript cannot follow a generic id into the union.
      context.report({ ruleId: 'legacy-auth-params', messageId, data, start: carrier.start, end: carrier.end, fixable, ...(edits ? { edits } : {}), ...(removes.length > 0 ? { removes } : {}) } as DraftFinding);
      for (const entry of legacyEntries(carrier)) reportHardcodedValue(entry.name, entry.value, context, fixable);
    }
  };
  const dynamic = group.flatMap(({ carrier }) => carrier.dynamic);
  const how = dynamic.map((d) => d.how).join(', ');
  const subject = { params: describeGroup(group), isSuspicious: () => isSuspicious(group, context), ...(dynamic.length > 0 ? { dynamicHow: how } : {}) };
  const verdict = judgeEndpoints(group.flatMap(({ proofs }) => proofs.map((proof) => proof.endpoint)));
  const service = reportUnlessService(verdict, subject, context, report);
  if (!service) return;

  const messages = serviceMessages(service, describeGroup(group, service), context);
  const { scope } = messages;
  if (dynamic.length > 0) return report('dynamic', { params: describeGroup(group), how, scope: scope ?? 'none' });
  const foreign = group.find(({ carrier }) => carrier.foreignReason)?.carrier.foreignReason;
  if (foreign) return report('unfixable', messages.unfixable(foreign));
  if (group.some(({ carrier }) => mixed.has(carrier))) return report('unfixable', messages.unfixable('the same URL also spells apikey/ticket in its text'));
  const blocker = group.find((flow) => flow.blocker)?.blocker;
  if (blocker) return report('unfixable', messages.unfixable(blocker));
  const style = (carrier: Carrier): EditStyle => ({ text: context.text, tokenExpr: tokenFor(carrier, context, stringPositions), scope, quote: quoteFor(carrier) });
  const plans = planGroup(group, service, holderKeys(tools), style);
  if (typeof plans === 'string') return report('unfixable', messages.unfixable(plans));
  report(messages.fixedId, messages.data, new Map(plans.map((plan) => [plan.carrier, plan.edits])));
}
