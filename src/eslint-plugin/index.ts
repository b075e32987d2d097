import type { ESLint, Linter } from 'eslint';
import type { RuleId } from '../core/findings.js';
import { RULE_IDS } from '../core/findings.js';
import { RULES } from '../core/rules.js';
import { TOOL } from '../version.js';
import { PLUGIN_PREFIX, RULE_MODULES } from './rules.js';

export type { RuleOptions } from './rule-options.js';

/**
 * The ESLint plugin (`zoho-authtoken-codemod/eslint-plugin`), for flat configs:
 *
 *   import zoho from 'zoho-authtoken-codemod/eslint-plugin';
 *   export default [zoho.configs.recommended];
 *
 * ESLint has no `note` level: the rules whose contract severity is `note` are warnings.
 */
function eslintSeverity(id: RuleId): Linter.RuleSeverity {
  return RULES[id].severity === 'error' ? 'error' : 'warn';
}

const plugin = {
  meta: { name: TOOL.name, version: TOOL.version },
  rules: RULE_MODULES,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: `${PLUGIN_PREFIX}/recommended`,
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: Object.fromEntries(RULE_IDS.map((id) => [`${PLUGIN_PREFIX}/${id}`, eslintSeverity(id)])),
};

export default plugin;
