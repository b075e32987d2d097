import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, copyFixture, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

const SAMPLE = 'fixtures/legacy-crm-app';
const SESSION = 'lib/zoho/session.js';

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  endLine: number;
  fixable: boolean;
}

describe('the sample app: ticket login and weekly renewal (main in-process on a copy of fixtures/legacy-crm-app)', () => {
  it('check --format json flags the ticket code of session.js with the range of each construct', async () => {
    const dir = copyFixture(SAMPLE);
    const result = await runMain(['check', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    const lifecycle = findings.filter((finding) => finding.ruleId.startsWith('ticket-')).map((f) => [f.file, f.ruleId, f.line, f.endLine, f.severity, f.fixable]);
    expect(lifecycle).toEqual([
      [SESSION, 'ticket-regeneration', 5, 5, 'error', false], // var WEEK = 7 * 24 * 60 * 60 * 1000;
      [SESSION, 'ticket-regeneration', 6, 6, 'error', false], // var current = { ticket: null, issuedAt: 0 };
      [SESSION, 'ticket-generation', 8, 24, 'error', false], // function login(callback) { ... }
      [SESSION, 'ticket-regeneration', 26, 31, 'error', false], // function getTicket(callback) { ... }
      [SESSION, 'ticket-regeneration', 34, 34, 'error', false], // setInterval(function () { login(...) }, WEEK - 60 * 60 * 1000);
    ]);
    // The base URL contacts.js imports from config/zoho.js proves its request Zoho.
    expect(findings.find((finding) => finding.file === 'lib/zoho/contacts.js')).toMatchObject({ ruleId: 'legacy-auth-params', fixable: true });
  });

  it('migrate --annotate marks them, rewrites the requests, and a second run adds nothing', async () => {
    const dir = copyFixture(SAMPLE, { git: true });
    const before = read(dir, SESSION);
    const first = await runMain(['migrate', '--annotate'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`migrated  ${SESSION}`);
    expect(first.stdout).toContain('migrated  lib/zoho/contacts.js');

    const annotated = read(dir, SESSION);
    const markers = annotated.split('\n').filter((line) => line.includes('zoho-authtoken: remove:'));
    expect(markers).toEqual([
      '// zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken',
      '// zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken',
      '// zoho-authtoken: remove: Zoho ticket login/logout is obsolete with an authtoken',
      '// zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken',
      '// zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken',
    ]);
    // Nothing but the markers changed: migrate never deletes ticket code.
    expect(annotated.split('\n').filter((line) => !line.includes('zoho-authtoken: remove:')).join('\n')).toBe(before);
    expect(annotated).toContain('// zoho-authtoken: remove: Zoho ticket login/logout is obsolete with an authtoken\nfunction login(callback) {');
    expect(read(dir, 'lib/zoho/contacts.js')).toContain("'%s/Contacts/insertRecords?authtoken=%s&scope=crmapi&newFormat=1");

    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qam', 'migrated'], { cwd: dir });
    const once = snapshotTree(dir);
    const second = await runMain(['migrate', '--annotate'], dir);
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('0 files changed');
    expect(snapshotTree(dir)).toEqual(once);
  });

  it('migrate without --annotate leaves session.js as it is', async () => {
    const dir = copyFixture(SAMPLE, { git: true });
    await runMain(['migrate'], dir);
    expect(read(dir, SESSION)).toBe(readFileSync(path.join(REPO_ROOT, SAMPLE, SESSION), 'utf8'));
  });
});
