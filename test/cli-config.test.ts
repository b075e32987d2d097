import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

/** fixtures/projects/basic (a git repository) with a configuration file written at `where`. */
function configured(config: unknown, where = 'zoho-authtoken.config.json'): string {
  const dir = copyProject('basic', { git: true });
  mkdirSync(path.dirname(path.join(dir, where)), { recursive: true });
  writeFileSync(path.join(dir, where), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

async function checkJson(dir: string, ...args: string[]) {
  const run = await runMain(['check', '--format', 'json', ...args], dir);
  expect(run.stderr).toBe('');
  return { code: run.code, json: JSON.parse(run.stdout) as { summary: { filesScanned: number; findings: number }; findings: { ruleId: string; severity: string; file: string }[] } };
}

describe('configuration through the CLI', () => {
  it('a valid configuration sets the token expression and scope; flags given on the command line win', async () => {
    const dir = configured({ tokenExpr: 'config.zoho.authtoken', scope: 'ZohoCRM/crmapi' });
    const fromConfig = await runMain(['migrate', '--dry-run', 'src/leads.js'], dir);
    expect(fromConfig.stdout).toContain("'/Leads/getRecords?authtoken=' + config.zoho.authtoken + '&scope=ZohoCRM/crmapi&newFormat=1'");
    const fromFlags = await runMain(['migrate', '--dry-run', '--token-expr', 'process.env.TOKEN', 'src/leads.js'], dir);
    expect(fromFlags.stdout).toContain("'/Leads/getRecords?authtoken=' + process.env.TOKEN + '&scope=ZohoCRM/crmapi&newFormat=1'");
    // A flag given with the default's value still wins over the file.
    const defaultScope = await runMain(['migrate', '--dry-run', '--scope', 'crmapi', 'src/leads.js'], dir);
    expect(defaultScope.stdout).toContain("config.zoho.authtoken + '&scope=crmapi'");
  });

  it.each([
    [{ tokenExpression: 'x' }, 'zoho-authtoken-codemod: zoho-authtoken.config.json: tokenExpression: unknown key; did you mean "tokenExpr"?\n'],
    [{ rules: { 'legacy-auth-params': 'fatal' } }, 'zoho-authtoken-codemod: zoho-authtoken.config.json: rules.legacy-auth-params: expected one of "error", "warning", "note", "off", got "fatal"\n'],
    [{ ignore: 'generated/**' }, 'zoho-authtoken-codemod: zoho-authtoken.config.json: ignore: expected array, got "generated/**"\n'],
    [{ services: [{ id: 'crm', scope: 42 }] }, 'zoho-authtoken-codemod: zoho-authtoken.config.json: services[0].scope: expected string, got number 42\n'],
    ['{ "scope": ', /^zoho-authtoken-codemod: zoho-authtoken.config.json: not valid JSON: .*\n$/],
  ])('%j: exit 2, one line naming the key path, nothing on stdout', async (config, expected) => {
    const dir = configured(config);
    // Every command reads the configuration; one of them per case keeps the suite quick.
    const commands = typeof config === 'object' && 'tokenExpression' in config ? ['check', 'report', 'migrate'] : ['check'];
    for (const command of commands) {
      const run = await runMain([command], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      if (typeof expected === 'string') expect(run.stderr).toBe(expected);
      else expect(run.stderr).toMatch(expected);
    }
  });

  it('per-rule "off": the findings are gone from every format and from the exit code', async () => {
    const dir = copyProject('basic', { git: true });
    const before = await checkJson(dir);
    expect(before.code).toBe(1);
    expect(before.json.findings.map((finding) => finding.ruleId)).toContain('parse-error');

    writeFileSync(path.join(dir, 'zoho-authtoken.config.json'), JSON.stringify({ rules: { 'legacy-auth-params': 'off', 'parse-error': 'off' } }));
    const after = await checkJson(dir);
    expect(after.json.findings.map((finding) => finding.ruleId)).toEqual(['hardcoded-credential']);
    // Only a warning is left: the gate passes.
    expect(after.code).toBe(0);
    for (const format of ['text', 'sarif', 'github', 'gitlab', 'junit']) {
      const run = await runMain(['check', '--format', format], dir);
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).not.toMatch(/Zoho CRM request sends apikey|Could not parse/);
    }
    const sarif = JSON.parse((await runMain(['check', '--format', 'sarif'], dir)).stdout);
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['hardcoded-credential']);
    // migrate fixes nothing an off rule would have reported.
    const migrate = await runMain(['migrate', '--dry-run'], dir);
    expect(migrate.stdout).not.toContain('+++');
  });

  it('per-rule severity: legacy findings as warnings pass the gate, a warning raised to error fails it', async () => {
    const dir = configured({ rules: { 'legacy-auth-params': 'warning', 'parse-error': 'note' } });
    const relaxed = await checkJson(dir);
    expect(relaxed.code).toBe(0);
    expect(new Set(relaxed.json.findings.filter((finding) => finding.ruleId === 'legacy-auth-params').map((finding) => finding.severity))).toEqual(new Set(['warning']));
    writeFileSync(path.join(dir, 'zoho-authtoken.config.json'), JSON.stringify({ rules: { 'legacy-auth-params': 'off', 'parse-error': 'off', 'hardcoded-credential': 'error' } }));
    const strict = await checkJson(dir);
    expect(strict.json.findings.map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual(['hardcoded-credential:error']);
    expect(strict.code).toBe(1);
  });

  it('include and ignore globs, relative to the configuration file, found from a subfolder', async () => {
    const dir = configured({ include: ['src/**'], ignore: ['src/broken.js'] });
    const run = await checkJson(dir);
    expect(run.json.summary.filesScanned).toBe(3);
    expect([...new Set(run.json.findings.map((finding) => finding.file))]).toEqual(['src/leads.js', 'src/windows.js']);
    // From src/, the same configuration is found one folder up and its globs still mean the same files.
    const nested = await checkJson(path.join(dir, 'src'));
    expect([...new Set(nested.json.findings.map((finding) => finding.file))]).toEqual(['leads.js', 'windows.js']);
    // Named on the command line, an ignored file is still ignored (project policy).
    expect((await checkJson(dir, 'src/broken.js')).json.summary.filesScanned).toBe(0);
  });

  it('--config <file> and package.json "zohoAuthtoken"', async () => {
    const dir = configured({ rules: { 'legacy-auth-params': 'off', 'parse-error': 'off' } }, 'ci/zoho.json');
    expect((await checkJson(dir)).code).toBe(1);
    expect((await checkJson(dir, '--config', 'ci/zoho.json')).code).toBe(0);
    const report = await runMain(['report', '--config', 'ci/zoho.json'], dir);
    expect(report.stdout).toContain('--config ci/zoho.json');
    const missing = await runMain(['check', '--config', 'nope.json'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'zoho-authtoken-codemod: --config nope.json: no such file\n']);

    const pkgDir = configured({ name: 'legacy-app', private: true, zohoAuthtoken: { tokenExpr: 'settings.zohoToken' } }, 'package.json');
    expect((await runMain(['migrate', '--dry-run', 'src/leads.js'], pkgDir)).stdout).toContain('settings.zohoToken');
    expect(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).toContain('zohoAuthtoken');
  });
});
