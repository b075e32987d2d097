import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { RULE_IDS, type RuleId } from '../src/core/findings.js';
import { RULES } from '../src/core/rules.js';
import { REPO_ROOT } from './helpers/projects.js';

/**
 * Every rule has a page, a positive fixture (a file where it reports) and a negative one (a near
 * miss where it must not). Fixtures are linked to rules by this table, not by their location:
 * the shape fixtures in fixtures/transforms already exercise several rules each, and a table typed
 * `Record<RuleId, ...>` turns a new rule without an entry into a type error (`npm test` runs tsc)
 * as well as a failure here. Paths are relative to fixtures/; each file is analysed for real.
 */
const RULE_FIXTURES: Record<RuleId, { positive: string[]; negative: string[] }> = {
  'legacy-auth-params': {
    positive: ['transforms/concat/multiline-encoded.input.js', 'transforms/template-literal/auth-positions.input.ts'],
    negative: ['transforms/concat/other-vendor.input.js', 'transforms/template-literal/cas-ticket.input.ts'],
  },
  'ticket-generation': {
    positive: ['rules/ticket-generation/login.js'],
    negative: ['rules/ticket-generation/sign-in-redirect.js'],
  },
  'ticket-regeneration': {
    positive: ['rules/ticket-regeneration/weekly-renewal.js'],
    negative: ['rules/ticket-regeneration/weekly-report.js'],
  },
  'hardcoded-credential': {
    positive: ['transforms/string-literal/hardcoded-credentials.input.js'],
    negative: ['rules/hardcoded-credential/placeholders.js', 'transforms/string-literal/other-api.input.js'],
  },
  'parse-error': {
    positive: ['rules/parse-error/half-edited.js'],
    negative: ['rules/parse-error/typescript-generics.ts', 'transforms/formatting/flow-typed.input.js', 'transforms/formatting/component.input.tsx'],
  },
  'unused-suppression': {
    positive: ['rules/unused-suppression/stale.js'],
    negative: ['transforms/suppression/ignore-next-line.input.js'],
  },
};

/**
 * Rules whose detectors are on another branch: their positive fixtures are in place and must not
 * report yet. The day the detector lands, this test fails and says to take the rule out of this
 * set, so the fixture becomes a real positive.
 */
const AWAITING_DETECTOR = new Set<RuleId>([]);

const FIXTURES = path.join(REPO_ROOT, 'fixtures');
const DOCS = path.join(REPO_ROOT, 'docs/rules');
const SECTIONS = ['## What it finds', '## Why', '## Before and after', '## How to fix it by hand', '## How to suppress'];

function countOf(ruleId: RuleId, fixture: string): number {
  const file = path.join(FIXTURES, fixture);
  const source = readFileSync(file, 'utf8');
  // The name the analysis sees picks the parser: `case.input.ts` is a `.ts` file.
  const filePath = path.basename(fixture).replace(/\.input\./, '.');
  return analyzeSource(source, { filePath }).findings.filter((finding) => finding.ruleId === ruleId).length;
}

describe('every rule has documentation and fixtures', () => {
  it('RULES, RULE_IDS, the fixture table and docs/rules/ name the same rules', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(RULE_FIXTURES).sort()).toEqual([...RULE_IDS].sort());
    const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
    expect(pages.sort()).toEqual([...RULE_IDS].sort());
  });

  describe.each(Object.keys(RULES) as RuleId[])('%s', (ruleId) => {
    it(`has docs/rules/${ruleId}.md: title, severity, what, why, before and after, manual fix, suppression`, () => {
      const file = path.join(DOCS, `${ruleId}.md`);
      expect(existsSync(file), `docs/rules/${ruleId}.md exists`).toBe(true);
      const page = readFileSync(file, 'utf8');
      expect(page.split('\n')[0]).toBe(`# ${ruleId}`);
      expect(page).toContain(`**Severity:** ${RULES[ruleId].severity}`);
      let from = 0;
      for (const section of SECTIONS) {
        const at = page.indexOf(`\n${section}\n`, from);
        expect(at, `${section} (in this order)`).toBeGreaterThan(from - 1);
        from = at;
      }
      expect(page, 'a before and after in code').toMatch(/## Before and after\n[\s\S]*?```(js|ts|jsx|tsx)\n[\s\S]+?```/);
    });

    it('has a positive fixture', () => {
      const { positive } = RULE_FIXTURES[ruleId];
      expect(positive.length).toBeGreaterThan(0);
      for (const fixture of positive) {
        expect(existsSync(path.join(FIXTURES, fixture)), fixture).toBe(true);
        if (AWAITING_DETECTOR.has(ruleId)) {
          expect(countOf(ruleId, fixture), `${ruleId} reports in ${fixture} now: take it out of AWAITING_DETECTOR`).toBe(0);
        } else expect(countOf(ruleId, fixture), `${ruleId} reports in ${fixture}`).toBeGreaterThan(0);
      }
    });

    it('has a negative fixture', () => {
      const { negative } = RULE_FIXTURES[ruleId];
      expect(negative.length).toBeGreaterThan(0);
      for (const fixture of negative) {
        expect(existsSync(path.join(FIXTURES, fixture)), fixture).toBe(true);
        expect(countOf(ruleId, fixture), `${ruleId} stays quiet in ${fixture}`).toBe(0);
      }
    });
  });
});
