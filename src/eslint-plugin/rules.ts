import type { Rule } from 'eslint';
import { applyEditGroups } from '../core/edits.js';
import { RULE_IDS, type Finding, type RuleId } from '../core/findings.js';
import { maskSecrets } from '../core/mask.js';
import { RULES } from '../core/rules.js';
import { ruleHelpUri } from '../reporters/sarif.js';
import { analysisFor } from './file-analysis.js';
import { coreOptionsOfRule, RULE_OPTIONS_JSON_SCHEMA } from './rule-options.js';

/** The rule ids whose findings can carry the core's edits: those rules are `fixable`. */
const FIXABLE_RULES: ReadonlySet<RuleId> = new Set(['legacy-auth-params']);

export const PLUGIN_PREFIX = 'zoho-authtoken';

/**
 * One ESLint rule per rule id, each a thin view of the shared analysis: it reports the core's
 * findings of its id with the core's (masked) message, and its fix is the core's own edits, so
 * `eslint --fix` writes what `migrate` writes.
 */
function createRule(id: RuleId): Rule.RuleModule {
  const meta = RULES[id];
  return {
    meta: {
      type: id === 'hardcoded-credential' || id === 'unused-suppression' ? 'suggestion' : 'problem',
      docs: { description: meta.shortDescription, recommended: true, url: ruleHelpUri(id) },
      ...(FIXABLE_RULES.has(id) ? { fixable: 'code' as const } : {}),
      schema: RULE_OPTIONS_JSON_SCHEMA as Rule.RuleMetaData['schema'],
    },
    create(context) {
      const options = coreOptionsOfRule(context.options[0], `${PLUGIN_PREFIX}/${id}`);
      const sourceCode = context.sourceCode;
      return {
        // The analysis is of the whole text, so it runs once, at the start, not per node.
        Program() {
          const analysis = analysisFor(sourceCode, { filename: context.filename, cwd: context.cwd, text: sourceCode.text }, options, JSON.stringify(context.options[0] ?? {}));
          for (const finding of analysis.findings) {
            if (finding.ruleId === id) context.report(toDescriptor(finding, sourceCode.text, analysis.secrets));
          }
        },
      };
    },
  };
}

function toDescriptor(finding: Finding, text: string, secrets: readonly string[]): Rule.ReportDescriptor {
  const loc = { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } };
  const message = maskSecrets(finding.message, secrets);
  if (!finding.fixable || !finding.edits || finding.edits.length === 0) return { loc, message };
  // The edit applier decides, as it does for migrate: a group it would refuse is no fix, and the
  // edits it makes (duplicates dropped, line breaks written in the file's own style) are the fix.
  const group = applyEditGroups(text, [finding.edits]);
  if (group.applied.length !== 1) return { loc, message };
  // ESLint merges the pieces of one fix into one, all or nothing, like migrate applies a group.
  return { loc, message, fix: (fixer) => group.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)) };
}

export const RULE_MODULES: Record<RuleId, Rule.RuleModule> = Object.fromEntries(RULE_IDS.map((id) => [id, createRule(id)])) as Record<RuleId, Rule.RuleModule>;
