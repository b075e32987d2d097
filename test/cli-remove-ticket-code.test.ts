import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../src/core/parse.js';
import { copyFixture, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

const APP = 'fixtures/legacy-crm-app';

function scripts(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (entry === '.git' || entry === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.js')) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

interface JsonResult {
  summary: { filesChanged: number };
  remaining: Array<{ ruleId: string; severity: string; message: string; file: string }>;
  files: Array<{ file: string; status: string; diff?: string; removedTicketCode?: Array<{ line: number; what: string; reason: string }> }>;
}

describe('migrate --remove-ticket-code on the sample app', () => {
  let dir: string;
  let first: JsonResult;
  let code: number;

  beforeAll(async () => {
    dir = copyFixture(APP, { git: true });
    const run = await runMain(['migrate', '--remove-ticket-code', '--format', 'json', '.'], dir);
    code = run.code;
    first = JSON.parse(run.stdout) as JsonResult;
  });

  it('leaves no error finding and no note that says "remove it"', async () => {
    expect(code).toBe(0);
    expect(first.remaining.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(first.remaining.filter((finding) => /remove it/.test(finding.message))).toEqual([]);
    const check = await runMain(['check', '--format', 'json', '.'], dir);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).findings).toEqual([]);
  });

  it('removes the session module’s login, cache, expiry check and timer, and every wrapper that only waited for the ticket', async () => {
    const session = readFileSync(path.join(dir, 'lib/zoho/session.js'), 'utf8');
    expect(session).not.toMatch(/accounts\.zoho|setInterval|TICKET=|getTicket/);
    const removed = first.files.flatMap((file) => (file.removedTicketCode ?? []).map((item) => `${file.file}: ${item.what}`));
    expect(removed).toContain('lib/zoho/session.js: Zoho ticket login');
    expect(removed).toContain('lib/zoho/session.js: Timer that renews the Zoho ticket');
    expect(removed.filter((item) => item.endsWith('session.getTicket callback wrapper'))).toHaveLength(11);
    for (const file of scripts(dir)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/getTicket|session\.apiKey|require\('\.\/session'\)/);
  });

  it('leaves code that parses, with the line endings it had', async () => {
    for (const file of scripts(dir)) {
      const text = readFileSync(file, 'utf8');
      expect(parseSource(text, file).ok, file).toBe(true);
      expect(text.includes('\r'), file).toBe(false);
    }
  });

  it('is a no-op the second time', async () => {
    const before = snapshotTree(dir);
    const again = await runMain(['migrate', '--remove-ticket-code', '--force', '--format', 'json', '.'], dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as JsonResult).summary.filesChanged).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('--remove-ticket-code without writing', () => {
  it('--dry-run shows the deletions in the diff and the list, and writes nothing', async () => {
    const dir = copyFixture(APP);
    const before = snapshotTree(dir);
    const run = await runMain(['migrate', '--dry-run', '--remove-ticket-code', '.'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("-setInterval(function () { login(function () {}); }, WEEK - 60 * 60 * 1000);");
    expect(run.stdout).toContain('Ticket code --remove-ticket-code would delete:');
    expect(run.stdout).toMatch(/lib\/zoho\/session\.js:8-24 {2}Zoho ticket login: it does only ticket work/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('report lists the deletions under "Removed ticket code" with the reason each was safe', async () => {
    const run = await runMain(['report', '--remove-ticket-code', APP], path.resolve(import.meta.dirname, '..'));
    expect(run.stdout).toMatch(/## Removed ticket code \(\d+\)/);
    expect(run.stdout).toContain('`fixtures/legacy-crm-app/lib/zoho/session.js:34` Timer that renews the Zoho ticket: nothing that stays uses it');
  });

  it('removeTicketCode in the configuration turns it on; without it nothing is removed', async () => {
    const configured = copyFixture(APP);
    expect((await runMain(['migrate', '--dry-run', '.'], configured)).stdout).not.toContain('--remove-ticket-code');
    writeFileSync(path.join(configured, 'zoho-authtoken.config.json'), JSON.stringify({ removeTicketCode: true }));
    const run = await runMain(['migrate', '--dry-run', '.'], configured);
    expect(run.stdout).toContain('Ticket code --remove-ticket-code would delete:');
  });
});

describe('a scan that does not cover the whole package', () => {
  it('keeps the session module’s exports (importers may sit outside the scan) and says why, unless =exports', async () => {
    const dir = copyFixture(APP);
    const run = await runMain(['migrate', '--dry-run', '--remove-ticket-code', '--format', 'json', 'lib/zoho'], dir);
    const json = JSON.parse(run.stdout) as JsonResult;
    const session = json.remaining.filter((finding) => finding.file === 'lib/zoho/session.js');
    expect(session.some((finding) => finding.severity === 'error' && /not removed: .*code outside the scanned tree may import it \(--remove-ticket-code=exports removes it\)/.test(finding.message))).toBe(true);
    const all = JSON.parse((await runMain(['migrate', '--dry-run', '--remove-ticket-code=exports', '--format', 'json', 'lib/zoho'], dir)).stdout) as JsonResult;
    expect(all.remaining.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
