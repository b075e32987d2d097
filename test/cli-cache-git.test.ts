import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.js';
import { LEGACY, makeGitTree } from './helpers/trees.js';

/** Long before any run: a file stamped like this is not "racily clean", so a matching stamp is trusted. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const BASE = "export const BASE = 'https://crm.zoho.com/crm/private/json';\n";
const IMPORTER = "import { BASE } from './base.js';\nexport const u = BASE + '/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n";

/** The cached run's stdout must be the uncached run's, byte for byte (same code, same stderr). */
async function expectSameAsUncached(dir: string) {
  const args = ['check', '--format', 'json', '--no-progress'];
  const uncached = await runMain(args, dir);
  const cached = await runMain([...args, '--cache'], dir);
  expect(cached.stderr).toBe(uncached.stderr);
  expect(cached.code).toBe(uncached.code);
  expect(cached.stdout).toBe(uncached.stdout);
  return JSON.parse(cached.stdout) as { findings: { file: string }[] };
}

/** In a git work tree the result cache keys tracked files by the blob id git lists (src/runner/result-cache.ts). */
describe('--cache in a git work tree', () => {
  it('a file changed with its size and modification time put back is analysed again: git says it is modified', async () => {
    const dir = makeGitTree({ 'legacy.js': LEGACY, 'clean.js': 'export const x = 1;\n' }, (tree) => utimesSync(path.join(tree, 'legacy.js'), LONG_AGO, LONG_AGO));
    expect((await expectSameAsUncached(dir)).findings.map((finding) => finding.file)).toContain('legacy.js');
    await expectSameAsUncached(dir);
    const file = path.join(dir, 'legacy.js');
    const info = statSync(file);
    // git compares the change time in whole seconds (a build without USE_NSEC, as Debian's): an edit
    // within the second the file was added is invisible to git itself when size and mtime are put back.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    writeFileSync(file, readFileSync(file, 'utf8').replace('https://crm.zoho.com/crm/private/json', 'https://api.examp.le/v1/xxxxxxxx/json'));
    utimesSync(file, info.atime, info.mtime);
    expect((await expectSameAsUncached(dir)).findings).toEqual([]);
  });

  it('a changed imported constant invalidates its unmodified importer', async () => {
    const dir = makeGitTree({ 'base.js': BASE, 'importer.js': IMPORTER });
    expect((await expectSameAsUncached(dir)).findings.map((finding) => finding.file)).toContain('importer.js');
    await expectSameAsUncached(dir);
    writeFileSync(path.join(dir, 'base.js'), "export const BASE = 'https://api.example.com/v1/json';\n");
    expect((await expectSameAsUncached(dir)).findings.map((finding) => finding.file)).not.toContain('importer.js');
  });

  it('files committed, then modified, staged, deleted or untracked, with or without .gitattributes, give what an uncached run gives', async () => {
    const dir = makeGitTree({ 'a.js': LEGACY, 'b.js': LEGACY, 'c.js': 'export const c = 1;\n', 'd.js': LEGACY });
    await expectSameAsUncached(dir);
    writeFileSync(path.join(dir, 'a.js'), 'export const a = 1;\n');
    writeFileSync(path.join(dir, 'c.js'), LEGACY);
    execFileSync('git', ['add', 'c.js'], { cwd: dir });
    execFileSync('git', ['rm', '-q', '--cached', 'd.js'], { cwd: dir });
    writeFileSync(path.join(dir, 'e.js'), LEGACY);
    expect((await expectSameAsUncached(dir)).findings.map((finding) => finding.file).sort()).toEqual(['b.js', 'c.js', 'd.js', 'e.js']);
    writeFileSync(path.join(dir, '.gitattributes'), '*.js text eol=lf\n');
    writeFileSync(path.join(dir, 'b.js'), 'export const b = 1;\n');
    expect((await expectSameAsUncached(dir)).findings.map((finding) => finding.file).sort()).toEqual(['c.js', 'd.js', 'e.js']);
    await expectSameAsUncached(dir);
  });
});
