import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

const HARDCODED_KEY = '9f86d081884c7d659a2feaa0c55ad015';
const REPORT_ONLY = ['.env.example', 'config/settings.yml', 'jobs/sync.py'];

describe('a polyglot repository (main in-process on a copy of fixtures/projects/polyglot)', () => {
  it('check reports other languages, config files and scripts in pages, with lines and columns', async () => {
    const dir = copyProject('polyglot', { git: true });
    const result = await runMain(['check', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    const at = (file: string) =>
      json.findings
        .filter((finding: { file: string }) => finding.file === file)
        .map((finding: { line: number; column: number; severity: string; ruleId: string }) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}`);
    expect(at('app/crm.php')).toEqual(['2:9 error legacy-auth-params', '2:25 warning hardcoded-credential', '5:30 error legacy-auth-params']);
    expect(at('.env.example')).toEqual(['2:1 error legacy-auth-params', '3:1 error legacy-auth-params']);
    expect(at('config/settings.yml')).toEqual(['2:3 error legacy-auth-params']);
    // Only a comment mentions the old URL: a note, which does not fail the gate.
    expect(at('jobs/sync.py')).toEqual(['1:23 note legacy-auth-params']);
    expect(at('web/Leads.vue')).toEqual(['7:13 error legacy-auth-params']);
    expect(at('web/index.html')).toEqual(['3:29 error legacy-auth-params', '5:15 error legacy-auth-params']);
    // .env is git-ignored; the Stripe key in settings.yml is not Zoho's.
    expect(json.files.map((file: { file: string }) => file.file)).not.toContain('.env');
    expect(result.stdout).not.toContain('stripe');
    expect(result.stdout).not.toContain(HARDCODED_KEY);
  });

  it('migrate rewrites the scripts of pages and PHP, leaves the other files alone and says how many need hand work', async () => {
    const dir = copyProject('polyglot', { git: true });
    const before = snapshotTree(dir);
    const result = await runMain(['migrate'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('migrated  web/Leads.vue');
    expect(result.stdout).toContain('migrated  web/index.html');
    expect(result.stdout).toContain('migrated  app/crm.php');
    expect(result.stdout).toContain('2 files in other languages or config formats need hand work (3 errors): migrate reports them but never rewrites them');
    expect(result.stdout).not.toContain(HARDCODED_KEY);
    const after = snapshotTree(dir);
    for (const file of [...REPORT_ONLY, '.env']) expect(after.get(file), file).toEqual(before.get(file));
    // PHP is parsed and rewritten; the define() holding the old key is left for a human.
    expect(readFileSync(path.join(dir, 'app/crm.php'), 'utf8')).toContain("'https://crm.zoho.com/crm/private/xml/Leads/getRecords?authtoken=' . getenv('ZOHO_CRM_AUTHTOKEN') . '&scope=crmapi'");
    expect(readFileSync(path.join(dir, 'web/Leads.vue'), 'utf8')).toContain(
      '`https://crm.zoho.com/crm/private/json/Leads/getRecords?authtoken=${process.env.ZOHO_CRM_AUTHTOKEN}&scope=crmapi`',
    );
    // The form action is markup: reported, never rewritten.
    expect(readFileSync(path.join(dir, 'web/index.html'), 'utf8')).toContain('action="http://creator.zoho.com/api/xml/write/apikey=[APIKEY]&ticket=[Ticket]"');
  });

  it('migrate --format json counts the hand work, additively', async () => {
    const dir = copyProject('polyglot', { git: true });
    const json = JSON.parse((await runMain(['migrate', '--dry-run', '--format', 'json'], dir)).stdout);
    expect(json.handWork).toEqual({ files: 2, findings: 3 });
    expect(json.summary.filesChanged).toBe(3);
  });

  it('takes a dotenv file named on the command line', async () => {
    const dir = copyProject('polyglot');
    const result = await runMain(['check', '.env', '--format', 'json'], dir);
    const json = JSON.parse(result.stdout);
    expect(json.findings.map((finding: { ruleId: string; line: number }) => `${finding.line} ${finding.ruleId}`)).toEqual([
      '1 legacy-auth-params',
      '1 hardcoded-credential',
    ]);
    expect(result.stdout).not.toContain('0123456789abcdef0123456789abcdef');
  });
});
