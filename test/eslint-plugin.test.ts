import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter as Linter9 } from 'eslint';
import { Linter as Linter10 } from 'eslint-v10';
import { describe, expect, it } from 'vitest';
import { mergeServiceTable } from '../src/config/services.js';
import { RULE_IDS } from '../src/core/findings.js';
import { migrateSource } from '../src/core/migrate-source.js';
import { RULES } from '../src/core/rules.js';
import { pluginAnalysisCount } from '../src/eslint-plugin/file-analysis.js';
import plugin from '../src/eslint-plugin/index.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { REPO_ROOT } from './helpers/projects.js';

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'fixtures/transforms', name), 'utf8');
const HARDCODED = fixture('string-literal/hardcoded-credentials.input.js');

describe('the plugin object', () => {
  it('has one rule per rule id, documented by the rule pages, fixable where the core has edits', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const { meta } = plugin.rules[id];
      expect(meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
      expect(existsSync(path.join(REPO_ROOT, 'docs/rules', `${id}.md`))).toBe(true);
      expect(meta?.docs?.description).toBe(RULES[id].shortDescription);
      expect(meta?.fixable).toBe(id === 'legacy-auth-params' ? 'code' : undefined);
    }
  });

  it('configs.recommended turns every rule on at its contract severity (ESLint has no note: warn)', () => {
    expect(plugin.configs.recommended.plugins).toEqual({ 'zoho-authtoken': plugin });
    expect(plugin.configs.recommended.rules).toEqual({
      'zoho-authtoken/legacy-auth-params': 'error',
      'zoho-authtoken/ticket-generation': 'error',
      'zoho-authtoken/ticket-regeneration': 'error',
      'zoho-authtoken/hardcoded-credential': 'warn',
      'zoho-authtoken/parse-error': 'error',
      'zoho-authtoken/unused-suppression': 'warn',
    });
  });
});

for (const [version, Linter] of [
  ['9', Linter9],
  ['10', Linter10],
] as const) {
  describe(`in ESLint ${version}'s Linter`, () => {
    // Both versions take the same calls here; one type for both.
    const linter = new Linter({ cwd: REPO_ROOT }) as unknown as Linter9;
    const withOptions = (options: Record<string, unknown>) => [
      { plugins: { 'zoho-authtoken': plugin }, rules: Object.fromEntries(RULE_IDS.map((id) => [`zoho-authtoken/${id}`, ['error', options]])) },
    ];

    it('masks credential values in every message', () => {
      const messages = linter.verify(HARDCODED, [plugin.configs.recommended as never], { filename: 'hardcoded.js' });
      expect(messages.map((message) => message.ruleId)).toContain('zoho-authtoken/hardcoded-credential');
      const text = messages.map((message) => message.message).join('\n');
      expect(text).toContain('****');
      for (const secret of ['8a1b2c3d4e5f60718293a4b5c6d7e8f9', '0f1e2d3c4b5a69788796a5b4c3d2e1f0']) {
        expect(HARDCODED).toContain(secret);
        expect(text).not.toContain(secret);
      }
    });

    it('analyses a file once however many rules are on', () => {
      const before = pluginAnalysisCount();
      const messages = linter.verify(HARDCODED, [plugin.configs.recommended as never], { filename: 'hardcoded.js' });
      expect(new Set(messages.map((message) => message.ruleId)).size).toBeGreaterThan(1);
      expect(pluginAnalysisCount() - before).toBe(1);
    });

    it('never parses a file without any anchor of the prefilter', () => {
      const before = pluginAnalysisCount();
      expect(linter.verify('const a = 1;\n', [plugin.configs.recommended as never], { filename: 'plain.js' })).toEqual([]);
      expect(pluginAnalysisCount()).toBe(before);
    });

    it('tokenExpr, scope and services are the configuration keys: the fix is migrate with the same options', () => {
      const source = `${fixture('services/recruit.input.js')}\n${fixture('concat/multiline-encoded.input.js')}`;
      const options = { tokenExpr: 'secrets.zoho', scope: 'ZohoCRM.crmapi', services: [{ id: 'recruit', scope: 'recruitapi.v1' }] };
      const fixed = linter.verifyAndFix(source, withOptions(options) as never, { filename: 'both.js' });
      const merged = mergeServiceTable(options.services);
      if (!merged.ok) throw new Error(merged.problem);
      const expected = migrateSource(source, { filePath: 'both.js', tokenExpr: options.tokenExpr, scope: options.scope, services: merged.services }).output;
      expect(fixed.output).toBe(expected);
      for (const text of ['secrets.zoho', 'scope=recruitapi.v1', 'scope=ZohoCRM.crmapi']) expect(fixed.output).toContain(text);
    });

    it('rejects options the configuration would reject: an unknown key by meta.schema, a token expression that does not parse by the core', () => {
      expect(() => linter.verify(HARDCODED, withOptions({ tokenExpresion: 'x' }) as never, { filename: 'a.js' })).toThrow(/additional properties|tokenExpresion/i);
      expect(() => linter.verify(HARDCODED, withOptions({ scope: 'crm api' }) as never, { filename: 'a.js' })).toThrow();
      expect(() => linter.verify(HARDCODED, withOptions({ tokenExpr: 'process.env.' }) as never, { filename: 'a.js' })).toThrow(/zoho-authtoken\/[a-z-]+: tokenExpr/);
      expect(() => linter.verify(HARDCODED, withOptions({ services: [{ id: 'billing', scope: 'billingapi' }] }) as never, { filename: 'a.js' })).toThrow(/services\[0\]: "billing" is not a built-in service/);
    });

    it('writes what migrate writes in files with CRLF line endings too (every JavaScript fixture pair)', () => {
      const pairs = listFixturePairs(path.join(REPO_ROOT, 'fixtures/transforms')).filter((pair) => pair.filePath.endsWith('.js'));
      let changed = 0;
      for (const pair of pairs) {
        const source = readFileSync(pair.input, 'utf8').replace(/\r?\n/g, '\r\n');
        if (/@flow\b/.test(source)) continue;
        const expected = migrateSource(source, { filePath: pair.filePath }).output;
        const fixed = linter.verifyAndFix(source, [{ ...(plugin.configs.recommended as object), languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } } as never], { filename: pair.filePath });
        expect(fixed.output, pair.name).toBe(expected);
        if (expected !== source) changed++;
      }
      expect(changed).toBeGreaterThan(30);
    });

    it('follows constants into other modules on disk, as migrate does (fixtures/cross-module/esm)', () => {
      const project = path.join(REPO_ROOT, 'fixtures/cross-module/esm');
      const inProject = new Linter({ cwd: path.join(project, 'input') }) as unknown as Linter9;
      for (const file of ['src/leads.js', 'src/contacts.js', 'src/recruit.js']) {
        const input = readFileSync(path.join(project, 'input', file), 'utf8');
        const expected = readFileSync(path.join(project, 'output', file), 'utf8');
        expect(expected, file).not.toBe(input);
        const fixed = inProject.verifyAndFix(input, [plugin.configs.recommended as never], { filename: path.join(project, 'input', file) });
        expect(fixed.output, file).toBe(expected);
      }
    });
  });
}
