import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  analyze,
  analyzeSource,
  applyConfig,
  ConfigError,
  coreOptionsOf,
  loadConfig,
  migrateSource,
  OptionsError,
  run,
  RULES,
  type FileAnalysis,
  type Finding,
  type MigrateSourceResult,
  type RunResult,
} from '../src/index.js';
import { configJsonSchema, CONFIG_JSON_SCHEMA_FILE } from '../src/config/json-schema.js';
import { copyProject, REPO_ROOT } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

const LEGACY = "fetch('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + key + '&ticket=' + ticket);\n";

describe('library API: analyze, migrateSource, run', () => {
  it('analyze: findings for a source text, a default file name, typed results', () => {
    const analysis = analyze(LEGACY);
    expectTypeOf(analysis).toEqualTypeOf<FileAnalysis>();
    expectTypeOf(analysis.findings).toEqualTypeOf<Finding[]>();
    expect(analysis.findings.map((finding) => [finding.ruleId, finding.severity, finding.line, finding.column, finding.fixable])).toEqual([['legacy-auth-params', 'error', 1, 7, true]]);
    expect(analysis.parser).toBe('babel');
    // The same as the raw core function with the file name given.
    expect(analysis).toEqual(analyzeSource(LEGACY, { filePath: 'input.js' }));
    // The file name picks the parser.
    expect(analyze('const x = <T,>(v: T) => v;\n' + LEGACY, { filePath: 'a.tsx' }).parser).toBe('tsx');
  });

  it('analyze: options the core cannot use throw before any analysis', () => {
    expect(() => analyze(LEGACY, { tokenExpr: 'process.env.' })).toThrow(OptionsError);
    expect(() => analyze(LEGACY, { scope: 'crm api' })).toThrow(/the scope "crm api" must be/);
    expect(analyze(LEGACY, { rules: { 'legacy-auth-params': 'off' } }).findings).toEqual([]);
  });

  it('migrateSource: the rewritten text, what was applied and what is left', () => {
    const result = migrateSource(LEGACY, { filePath: 'crm.js', tokenExpr: 'config.zohoToken' });
    expectTypeOf(result).toEqualTypeOf<MigrateSourceResult>();
    expect(result.output).toBe("fetch('https://crm.zoho.com/crm/private/json/Leads/getRecords?authtoken=' + config.zohoToken + '&scope=crmapi');\n");
    expect([result.changed, result.applied.length, result.remaining.length]).toEqual([true, 1, 0]);
  });

  it('run with loadConfig + applyConfig gives what the CLI prints (the CLI is a thin layer over them)', async () => {
    const dir = copyProject('basic', { git: true });
    writeFileSync(path.join(dir, 'zoho-authtoken.config.json'), JSON.stringify({ rules: { 'hardcoded-credential': 'off' }, ignore: ['src/broken.js'] }));
    const result = await run(applyConfig({ command: 'check', paths: ['.'], cwd: dir }, await loadConfig({ cwd: dir })));
    expectTypeOf(result).toEqualTypeOf<RunResult>();
    const cli = JSON.parse((await runMain(['check', '--format', 'json'], dir)).stdout);
    expect(result.summary).toEqual(cli.summary);
    expect(result.files.flatMap((file) => file.findings).map(({ excerpt: _excerpt, ...finding }) => finding)).toEqual(cli.findings);
    expect(cli.findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain('hardcoded-credential');
  });

  it('coreOptionsOf: a configuration for analyze and migrateSource; ConfigError on a bad one', async () => {
    const dir = copyProject('clean');
    writeFileSync(path.join(dir, 'zoho-authtoken.config.json'), JSON.stringify({ tokenExpr: 'settings.token', services: [{ id: 'crm', scope: 'ZohoCRM/crmapi' }] }));
    const core = coreOptionsOf(await loadConfig({ cwd: dir }));
    expect(migrateSource(LEGACY, { filePath: 'a.js', ...core }).output).toContain("authtoken=' + settings.token + '&scope=crmapi'");
    writeFileSync(path.join(dir, 'zoho-authtoken.config.json'), '{"scope": 1}');
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(ConfigError);
  });

  it('exports the rule metadata the docs are written from', () => {
    expect(Object.keys(RULES)).toContain('unused-suppression');
  });
});

describe('the published JSON Schema', () => {
  it(`${CONFIG_JSON_SCHEMA_FILE} is the one generated from the zod schema (npm run schema rewrites it)`, () => {
    const committed = readFileSync(path.join(REPO_ROOT, CONFIG_JSON_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  it('describes every key and rule, and refuses unknown keys', () => {
    const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'tokenExpr', 'scope', 'services', 'include', 'ignore', 'rules', 'annotateComment', 'removeTicketCode', 'tokenExprs']);
    expect(Object.keys(schema.properties.rules!.properties!)).toEqual(Object.keys(RULES));
    expect(schema.additionalProperties).toBe(false);
  });
});
