import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyProject, runCli, snapshotTree } from './helpers/projects.js';

/** Runs a command line the way a user pastes it, with `npx zoho-authtoken-codemod` meaning the built binary. */
function runPasted(commandLine: string, cwd: string) {
  const line = commandLine.replace(/^npx zoho-authtoken-codemod /, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `);
  return spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** An old mtime, so a rewrite within the same clock tick would still show. */
function ageFiles(dir: string): void {
  const old = new Date('2011-06-01T12:00:00Z');
  for (const file of snapshotTree(dir).keys()) utimesSync(path.join(dir, file), old, old);
}

describe('report (built CLI)', () => {
  it.each(['markdown', 'html', 'json'])('--format %s never writes to the scanned files (bytes, mtimes, modes)', (format) => {
    const dir = copyProject('report', { git: true });
    ageFiles(dir);
    const before = snapshotTree(dir);
    const result = runCli(['report', '--format', format], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(1000);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--output writes only the report file', () => {
    const dir = copyProject('report', { git: true });
    ageFiles(dir);
    const before = snapshotTree(dir);
    const result = runCli(['report', '--format', 'html', '--output', 'plan.html'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const after = snapshotTree(dir);
    expect(after.get('plan.html')).toBeDefined();
    after.delete('plan.html');
    expect(after).toEqual(before);
    expect(readFileSync(path.join(dir, 'plan.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses --output over a scanned file: exit 2, one line, the file untouched', () => {
    const dir = copyProject('report', { git: true });
    const before = snapshotTree(dir);
    const result = runCli(['report', '--output', 'src/crm/leads.js'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/refusing to write --output over src\/crm\/leads\.js: it is one of the scanned files/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an --output that cannot be written is one line, exit 2', () => {
    const dir = copyProject('clean');
    const result = runCli(['report', '--output', 'no/such/folder/report.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^zoho-authtoken-codemod: cannot write no\/such\/folder\/report\.md: no such file\n$/);
  });

  it('exits 0 and says so when there is nothing to do', () => {
    const dir = copyProject('clean');
    const result = runCli(['report'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('None: `migrate` handles everything it found.');
    expect(result.stdout).toContain('None: no request needs rewriting.');
  });

  it('prints the exact migrate command, and that command applies the plan', () => {
    const dir = copyProject('report', { git: true });
    const args = ['--token-expr', 'config.zoho["token"]', '--scope', 'ZohoCRM/crmapi', '--ignore', 'src/vendor/**', 'src'];
    const json = JSON.parse(runCli(['report', '--format', 'json', ...args], dir).stdout);
    const markdown = runCli(['report', ...args], dir).stdout;
    const command = /```sh\n(.*)\n```/.exec(markdown)?.[1];
    expect(command).toBe(`npx zoho-authtoken-codemod migrate --token-expr 'config.zoho["token"]' --scope ZohoCRM/crmapi --ignore 'src/vendor/**' src`);

    // The same analysis as migrate --dry-run: the same diffs, file for file.
    const dryRun = JSON.parse(runCli(['migrate', '--dry-run', '--format', 'json', ...args], dir).stdout);
    expect(json.files).toEqual(dryRun.files);
    expect(json.files.filter((file: { status: string }) => file.status === 'changed').map((file: { file: string }) => file.file)).toEqual(['src/crm/contacts.ts', 'src/crm/leads.js']);

    const applied = runPasted(command!, dir);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('migrated  src/crm/leads.js');
    expect(readFileSync(path.join(dir, 'src/crm/contacts.ts'), 'utf8')).toContain('?authtoken=${config.zoho["token"]}&scope=ZohoCRM/crmapi&id=');
    // Nothing left to change: the plan was applied in full.
    const again = JSON.parse(runCli(['report', '--format', 'json', ...args], dir).stdout);
    expect(again.summary.filesChanged).toBe(0);
  });

  it('an unknown format is a usage error listing the report formats', () => {
    const dir = copyProject('clean');
    const result = runCli(['report', '--format', 'sarif'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown --format "sarif" for report; choose one of: json, markdown, html/);
  });
});
