import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/** node_modules cannot live in this repository's fixtures (it is ignored here), so tests add it. */
function addDependency(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules/zoho-lib'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/zoho-lib/index.js'), "module.exports = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n");
}

describe('migrate (main in-process on a copy of fixtures/projects/basic)', () => {
  it('rewrites legacy files, reports the broken one, and leaves everything else byte-identical', async () => {
    const dir = copyProject('basic', { git: true });
    addDependency(dir);
    const before = snapshotTree(dir);
    const result = await runMain(['migrate'], dir);

    expect(result.stderr).toBe('');
    // The broken file still carries a legacy URL: manual work remains.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('migrated  src/leads.js');
    expect(result.stdout).toContain('migrated  src/windows.js');
    expect(result.stdout).toMatch(/src\/broken\.js:3:\d+ +error +parse-error/);
    expect(read(dir, 'src/leads.js')).toBe(
      "const CRM = 'https://crm.zoho.com/crm/private/json';\n\n" +
        'export function leadsUrl(apiKey, ticket) {\n' +
        "  return CRM + '/Leads/getRecords?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=crmapi&newFormat=1';\n" +
        '}\n\n' +
        "export const fixed = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=crmapi';\n",
    );
    expect(read(dir, 'src/windows.js')).toBe(
      '\uFEFF// Windows line endings\r\nvar u = "https://crm.zoho.com/crm/private/json/Leads/getRecords?authtoken=" + process.env.ZOHO_CRM_AUTHTOKEN + "&scope=crmapi";\r\n',
    );

    const after = snapshotTree(dir);
    for (const untouched of ['src/clean.ts', 'src/broken.js', 'lib/vendor.js', 'generated/leads.js', 'node_modules/zoho-lib/index.js', '.gitignore']) {
      expect(after.get(untouched), untouched).toEqual(before.get(untouched));
    }
  });

  it('keeps the file mode of rewritten files', async () => {
    const dir = copyProject('basic', { git: true });
    chmodSync(path.join(dir, 'src/leads.js'), 0o640);
    await runMain(['migrate', '--force'], dir);
    expect(statSync(path.join(dir, 'src/leads.js')).mode & 0o777).toBe(0o640);
    expect(read(dir, 'src/leads.js')).toContain('authtoken=');
  });

  it('changes nothing on a second run', async () => {
    const dir = copyProject('basic', { git: true });
    await runMain(['migrate'], dir);
    const once = snapshotTree(dir);
    const second = await runMain(['migrate', '--force'], dir);
    expect(second.stdout).toContain('0 files changed');
    expect(snapshotTree(dir)).toEqual(once);
  });

  it('--dry-run prints the diff with masked credentials and writes nothing', async () => {
    const dir = copyProject('basic', { git: true });
    const before = snapshotTree(dir);
    const result = await runMain(['migrate', '--dry-run'], dir);
    expect(result.stdout).toContain('--- a/src/leads.js');
    expect(result.stdout).toContain('+++ b/src/leads.js');
    expect(result.stdout).toContain("+  return CRM + '/Leads/getRecords?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN");
    expect(result.stdout).toContain('(nothing written)');
    expect(result.stdout).not.toContain('9f86d081884c7d659a2feaa0c55ad015');
    expect(result.stdout).toContain('apikey=****&ticket=');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses to write over uncommitted changes, unless --force', async () => {
    const dir = copyProject('basic', { git: true });
    writeFileSync(path.join(dir, 'src/clean.ts'), 'export const sum = 1;\n');
    const before = snapshotTree(dir);
    const refused = await runMain(['migrate'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/refusing to migrate: 1 uncommitted change/);
    expect(snapshotTree(dir)).toEqual(before);

    const forced = await runMain(['migrate', '--force'], dir);
    expect(forced.code).toBe(1);
    expect(read(dir, 'src/leads.js')).toContain('authtoken=');
  });

  it('takes --token-expr and --scope', async () => {
    const dir = copyProject('basic', { git: true });
    await runMain(['migrate', '--token-expr', 'config.zoho.authtoken', '--scope', 'ZohoCRM/crmapi', 'src/leads.js'], dir);
    expect(read(dir, 'src/leads.js')).toContain("'/Leads/getRecords?authtoken=' + config.zoho.authtoken + '&scope=ZohoCRM/crmapi&newFormat=1'");
  });

  it('--format json follows DESIGN §3', async () => {
    const dir = copyProject('basic', { git: true });
    const result = await runMain(['migrate', '--dry-run', '--format', 'json'], dir);
    const json = JSON.parse(result.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.tool.name).toBe('zoho-authtoken-codemod');
    expect(json.command).toBe('migrate');
    expect(json.summary).toEqual({ filesScanned: 5, filesWithFindings: 3, findings: expect.any(Number), fixable: expect.any(Number), filesChanged: 2, errors: 0, suppressed: 0 });
    const leads = json.files.find((file: { file: string }) => file.file === 'src/leads.js');
    expect(leads.status).toBe('changed');
    expect(leads.diff).toContain('+++ b/src/leads.js');
    const finding = json.findings.find((f: { file: string; ruleId: string }) => f.file === 'src/leads.js' && f.ruleId === 'legacy-auth-params');
    expect(finding).toMatchObject({ severity: 'error', line: 4, column: 10, fixable: true });
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(result.stdout).not.toContain('9f86d081884c7d659a2feaa0c55ad015');
  });

  it('exits 0 when nothing is left to do', async () => {
    const dir = copyProject('clean', { git: true });
    const result = await runMain(['migrate'], dir);
    expect(result.code).toBe(0);
  });

  it.each([
    [['migrate', '--no-such-flag'], /unknown option '--no-such-flag'/],
    [['migrat'], /unknown command 'migrat'.*migrate/],
    [['migrate', 'does-not-exist'], /no such file or directory: does-not-exist/],
    [['migrate', '--token-expr', 'process.env.', '--dry-run'], /token expression is not a valid JavaScript expression/],
    [['migrate', '--format', 'sarif', '--dry-run'], /unknown --format "sarif" for migrate/],
  ])('%j is a usage error: exit 2 with one line', async (args, message) => {
    const dir = copyProject('clean');
    const result = await runMain(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
