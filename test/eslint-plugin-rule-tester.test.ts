import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester as RuleTester9 } from 'eslint';
import { RuleTester as RuleTester10 } from 'eslint-v10';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import type { RuleId } from '../src/core/findings.js';
import plugin from '../src/eslint-plugin/index.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import type { Case } from './lifecycle-cases/case.js';
import { GENERATION_CASES } from './lifecycle-cases/generation.js';
import { LOOK_ALIKE_CASES } from './lifecycle-cases/look-alikes.js';
import { REGENERATION_CASES } from './lifecycle-cases/regeneration.js';

const root = path.resolve(import.meta.dirname, '../fixtures/transforms');

/** What ESLint itself lints without a processor: Vue, Svelte and HTML stay with the CLI (README). */
const SCRIPT_FILE = /\.(js|jsx|ts|tsx)$/;
/** Flow needs a Flow parser for ESLint (hermes-eslint, @babel/eslint-parser); espree refuses its types. */
const isFlow = (source: string) => /@flow\b/.test(source.slice(0, 200));

const pairs = listFixturePairs(root)
  .filter((pair) => SCRIPT_FILE.test(pair.filePath))
  .map((pair) => ({ ...pair, code: readFileSync(pair.input, 'utf8'), expected: readFileSync(pair.output, 'utf8') }))
  .filter((pair) => !isFlow(pair.code));

const positives = pairs.filter((pair) => pair.code !== pair.expected);
const twins = pairs.filter((pair) => pair.code === pair.expected);
/** Negative twins with nothing to say: no message at all. */
const negatives = twins.filter((pair) => analyzeSource(pair.code, { filePath: pair.filePath }).findings.length === 0);
/**
 * Twins the CLI reports as hand work (an unknown Zoho host, parameters sent where no Zoho host is
 * provable): ESLint must say the same and fix nothing.
 */
const handWorkTwins = twins.filter((pair) => !negatives.includes(pair));

/** The parser ESLint users of each kind of file have: espree for JavaScript, typescript-eslint for TypeScript. */
function languageOptionsFor(filePath: string) {
  const isTs = /\.tsx?$/.test(filePath);
  return isTs
    ? { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: filePath.endsWith('.tsx') } } }
    : { sourceType: 'module' as const, parserOptions: { ecmaFeatures: { jsx: true } } };
}

/** How many findings of a rule the core reports in a fixture: each must reach ESLint as one message. */
function coreMessages(code: string, filePath: string, ruleId: RuleId): string[] {
  return analyzeSource(code, { filePath }).findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.message);
}

/** The two ESLint versions type rules apart; the plugin's rules are the same objects for both. */
const rule = (id: RuleId) => plugin.rules[id] as never;

const RULES_WITHOUT_FIX: RuleId[] = ['ticket-generation', 'ticket-regeneration', 'hardcoded-credential'];

for (const [version, RuleTester] of [
  ['9', RuleTester9],
  ['10', RuleTester10],
] as const) {
  describe(`RuleTester of ESLint ${version}`, () => {
    // RuleTester builds one describe/it per case through these hooks.
    RuleTester.describe = describe;
    RuleTester.it = it;
    RuleTester.itOnly = it.only;
    const tester = new RuleTester();

    it('sees the fixtures', () => {
      expect(positives.length).toBeGreaterThan(40);
      expect(negatives.length).toBeGreaterThan(20);
      expect(handWorkTwins.length).toBeLessThan(10);
    });

    tester.run('zoho-authtoken/legacy-auth-params', rule('legacy-auth-params'), {
      // Negative twins: not a message of any kind from the rule.
      valid: negatives.map((pair) => ({ name: pair.name, code: pair.code, filename: pair.input, languageOptions: languageOptionsFor(pair.filePath) })),
      // Fixture pairs: the fix, applied by ESLint, leaves exactly the fixture's output.
      invalid: positives.map((pair) => ({
        name: pair.name,
        code: pair.code,
        filename: pair.input,
        languageOptions: languageOptionsFor(pair.filePath),
        output: pair.expected,
        errors: coreMessages(pair.code, pair.filePath, 'legacy-auth-params').map((message) => ({ message })),
      })).concat(
        handWorkTwins.map((pair) => ({
          name: `${pair.name} (hand work, not fixed)`,
          code: pair.code,
          filename: pair.input,
          languageOptions: languageOptionsFor(pair.filePath),
          output: null as unknown as string,
          errors: coreMessages(pair.code, pair.filePath, 'legacy-auth-params').map((message) => ({ message })),
        })),
      ),
    });

    // The lifecycle table (test/lifecycle-cases): each case names the rule and the lines a reader
    // deletes; ESLint must put each message on exactly those lines, and say nothing on look-alikes.
    for (const ruleId of ['ticket-generation', 'ticket-regeneration'] as const) {
      const cases = [...GENERATION_CASES, ...REGENERATION_CASES];
      const fileOf = (lifecycleCase: Case) => lifecycleCase.file ?? 'src/zoho/session.js';
      const hasRule = (lifecycleCase: Case) => lifecycleCase.expected.some(([rule]) => rule === ruleId);
      tester.run(`zoho-authtoken/${ruleId} over the lifecycle table`, rule(ruleId), {
        valid: [...LOOK_ALIKE_CASES, ...cases.filter((lifecycleCase) => !hasRule(lifecycleCase))].map((lifecycleCase) => ({
          name: lifecycleCase.name,
          code: lifecycleCase.source,
          filename: fileOf(lifecycleCase),
          languageOptions: languageOptionsFor(fileOf(lifecycleCase)),
        })),
        invalid: cases.filter(hasRule).map((lifecycleCase) => ({
          name: lifecycleCase.name,
          code: lifecycleCase.source,
          filename: fileOf(lifecycleCase),
          languageOptions: languageOptionsFor(fileOf(lifecycleCase)),
          output: null as unknown as string,
          errors: lifecycleCase.expected.filter(([rule]) => rule === ruleId).map(([, line, endLine]) => ({ message: /: obsolete with an authtoken, delete it$/, line, endLine })),
        })),
      });
    }

    for (const ruleId of RULES_WITHOUT_FIX) {
      tester.run(`zoho-authtoken/${ruleId} on negative twins`, rule(ruleId), {
        valid: negatives.map((pair) => ({ name: pair.name, code: pair.code, filename: pair.input, languageOptions: languageOptionsFor(pair.filePath) })),
        invalid: [],
      });
    }
  });
}
