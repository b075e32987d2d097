import type { AnalysisContext } from '../context.js';
import type { MessageData, MessageId } from '../rules.js';
import { scopeOf, type ZohoService } from '../zoho/services.js';
import type { Verdict } from './endpoint-verdict.js';

/**
 * Reports one finding about the request being judged; the caller knows where it is and what else
 * goes with it. Generic in the message, so each call's data is checked against its template.
 */
export type ReportMessage = <M extends MessageId<'legacy-auth-params'>>(messageId: M, data: MessageData<'legacy-auth-params', M>['data']) => void;

/** What the messages about a request say before its service is known. */
export interface VerdictSubject {
  /** The legacy parameters it sets, described for the message. */
  params: string;
  /** Worth a finding when nothing proves where it goes: the file, or the request itself, looks like Zoho's. */
  isSuspicious(): boolean;
  /** How its parameter names are computed (`a computed key ("ticket")`), when they are. */
  dynamicHow?: string;
}

/** Why a request to a Zoho host the table does not know is left to a human (every language says it the same way). */
export function unknownZohoReason(host: string): string {
  return `${host} is not a Zoho API of the apikey/ticket era this tool knows`;
}

/** Why parameters spread or inlined from another module are left to a human. */
export const FOREIGN_CONSTANT_REASON = 'the parameters come from a constant defined in another module';

/**
 * The first rungs of the ladder, shared by object and string requests: where the request goes.
 * Reports what a request that does not go to one known Zoho service gets (nothing when proven not
 * Zoho), and returns the service when it does, for the caller's own rungs.
 */
export function reportUnlessService(verdict: Verdict, subject: VerdictSubject, context: AnalysisContext, report: ReportMessage): ZohoService | undefined {
  if (verdict.kind === 'not-zoho') return undefined;
  if (verdict.kind === 'unproven') {
    if (!subject.isSuspicious()) return undefined;
    if (subject.dynamicHow !== undefined) report('dynamic', { params: subject.params, how: subject.dynamicHow, scope: context.options.scope });
    else report('unprovable', { params: subject.params, scope: context.options.scope });
    return undefined;
  }
  if (verdict.kind === 'unknown-zoho' || verdict.kind === 'conflict') {
    const reason = verdict.kind === 'conflict' ? verdict.reason : unknownZohoReason(verdict.host);
    report('unfixable', { service: 'API', params: subject.params, reason });
    return undefined;
  }
  return verdict.service;
}

/** The messages about a request to one service: the same data in each, a reason when it is left to a human. */
export interface ServiceMessages {
  scope: string | null;
  data: { service: string; params: string; scope: string };
  /** The message id of the fix: Reports takes its token without a scope. */
  fixedId: 'fixable' | 'fixableWithoutScope';
  unfixable(reason: string): MessageData<'legacy-auth-params', 'unfixable'>['data'];
}

export function serviceMessages(service: ZohoService, params: string, context: AnalysisContext): ServiceMessages {
  const scope = scopeOf(service, context.options.scope);
  const data = { service: service.name, params, scope: scope ?? 'none' };
  return { scope, data, fixedId: scope === null ? 'fixableWithoutScope' : 'fixable', unfixable: (reason) => ({ ...data, reason }) };
}
