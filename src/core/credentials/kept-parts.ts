import type { AnalysisContext } from '../context.js';
import type { CredentialUse } from './credential-use.js';

/**
 * Notes on what a rewrite kept right after a removed credential without proof that it is a
 * parameter of its own (`'&ticket=' + t + extra`): keeping it never loses a parameter, but if it
 * was the rest of the ticket the request now carries a stray piece, so a human looks once. Made
 * on the request before the rewrite (check, report) and on migrate's output. The PHP, Python and
 * Ruby rewrites (polyglot/parsed/) make the same notes: only the text and a reporter are needed.
 */
export function reportKeptParts(uses: readonly CredentialUse[], context: Pick<AnalysisContext, 'text' | 'report'>): void {
  for (const use of uses) {
    if (!use.kept) continue;
    const { start, end } = locate(use.kept, context.text);
    const code = use.kept.code.replace(/\s+/g, ' ');
    const kept = code.length > 40 ? `${code.slice(0, 37)}...` : code;
    context.report({ ruleId: 'legacy-auth-params', messageId: 'kept-part', severity: 'note', data: { param: use.param, kept }, start, end, fixable: false });
  }
}

/**
 * Where the kept expression is now: the rewrite may have re-rendered the literal around it (a
 * template), so moved offsets can land beside it; the nearest copy of its text is the one.
 */
function locate(kept: { start: number; end: number; code: string }, text: string): { start: number; end: number } {
  if (text.slice(kept.start, kept.end) === kept.code) return kept;
  let best: number | undefined;
  for (let at = text.indexOf(kept.code, Math.max(0, kept.start - 2000)); at !== -1 && at <= kept.start + 2000; at = text.indexOf(kept.code, at + 1)) {
    if (best === undefined || Math.abs(at - kept.start) < Math.abs(best - kept.start)) best = at;
  }
  return best === undefined ? { start: kept.start, end: kept.start } : { start: best, end: best + kept.code.length };
}
