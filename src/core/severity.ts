import type { DraftFinding } from './context.js';
import type { RuleId, Severity } from './findings.js';
import type { RuleSettings } from './options.js';
import { RULES } from './rules.js';

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/**
 * The level a draft is reported at: the rule's configured level (else its default from RULES).
 * A detector that reports a companion finding at a fixed level of its own (a note next to an
 * error, say) keeps that level unless the configured one is lower: configuring a rule as
 * `error` must not turn its informational notes into build failures.
 */
export function severityOf(draft: Pick<DraftFinding, 'ruleId' | 'severity'>, rules: RuleSettings): Severity {
  const setting = rules[draft.ruleId];
  if (setting === undefined || setting === 'off') return draft.severity ?? RULES[draft.ruleId].severity;
  if (draft.severity === undefined) return setting;
  return RANK[draft.severity] < RANK[setting] ? draft.severity : setting;
}

export function isRuleOff(ruleId: RuleId, rules: RuleSettings): boolean {
  return rules[ruleId] === 'off';
}
