import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';
import { LEGACY, makeTree } from './helpers/trees.js';

const DEFAULT_FOLDER = 'node_modules/.cache/zoho-authtoken-codemod';
/** Long before any run: a file stamped like this is not "racily clean", so a matching stamp is trusted. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

async function json(args: readonly string[], dir: string) {
  const run = await runMain([...args, '--format', 'json', '--no-progress'], dir);
  return { ...run, result: JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; message: string; fixable: boolean }[] } };
}

/** The cached run's stdout must be the uncached run's, byte for byte (same code, same stderr). */
async function expectSameAsUncached(args: readonly string[], dir: string, cacheArgs: readonly string[] = ['--cache']) {
  const uncached = await runMain([...args, '--no-progress'], dir);
  const cached = await runMain([...args, ...cacheArgs, '--no-progress'], dir);
  expect(cached.stderr).toBe(uncached.stderr);
  expect(cached.code).toBe(uncached.code);
  expect(cached.stdout).toBe(uncached.stdout);
  return cached;
}

function stampAll(dir: string, files: readonly string[]) {
  for (const file of files) utimesSync(path.join(dir, file), LONG_AGO, LONG_AGO);
}

/** The legacy request's base, and another vendor's of the same length: a rewrite that keeps the size. */
const ZOHO_BASE = 'https://crm.zoho.com/crm/private/json';
const OTHER_BASE = 'https://api.examp.le/v1/xxxxxxxx/json';

/** Rewrites a file with the same size and puts its stamp back: only a content hash can tell. */
function rewriteKeepingStamp(file: string, from = ZOHO_BASE, to = OTHER_BASE) {
  expect(to.length).toBe(from.length);
  const info = statSync(file);
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  utimesSync(file, info.atime, info.mtime);
}

function cacheFiles(dir: string): string[] {
  const folder = path.join(dir, DEFAULT_FOLDER);
  return existsSync(folder) ? readdirSync(folder) : [];
}

describe('--cache (check, report)', () => {
  it.each([
    ['check', 'json'],
    ['report', 'json'],
    ['report', 'markdown'],
  ])('%s --format %s: a cached run prints what an uncached one does, first and second time', async (command, format) => {
    const dir = copyFixture('fixtures/legacy-crm-app');
    await expectSameAsUncached([command, '--format', format], dir);
    expect(cacheFiles(dir)).toEqual([expect.stringMatching(new RegExp(`^${command}-[0-9a-f]{10}\\.json$`))]);
    await expectSameAsUncached([command, '--format', format], dir);
  });


  it('trusts a matching size and modification time (ESLint semantics): the file is not read again', async () => {
    const dir = makeTree({ 'a.js': LEGACY });
    stampAll(dir, ['a.js']);
    expect((await json(['check', '--cache'], dir)).result.findings).toHaveLength(1);
    // Same size, same stamp, different content: the cached result is reused, as documented.
    rewriteKeepingStamp(path.join(dir, 'a.js'));
    expect((await json(['check', '--cache'], dir)).result.findings).toHaveLength(1);
    expect((await json(['check'], dir)).result.findings).toHaveLength(0);
  });

  it('verifies by content hash a file modified around the cached run (racily clean), so a same-tick save is seen', async () => {
    const dir = makeTree({ 'a.js': LEGACY });
    expect((await json(['check', '--cache'], dir)).result.findings).toHaveLength(1);
    rewriteKeepingStamp(path.join(dir, 'a.js'));
    expect((await json(['check', '--cache'], dir)).result.findings).toHaveLength(0);
  });

  it('a changed file is analysed again; a touched one keeps its result by content hash', async () => {
    const dir = makeTree({ 'a.js': LEGACY, 'b.js': LEGACY });
    stampAll(dir, ['a.js', 'b.js']);
    expect((await json(['check', '--cache'], dir)).result.findings).toHaveLength(2);
    writeFileSync(path.join(dir, 'a.js'), '// migrated\n');
    utimesSync(path.join(dir, 'b.js'), new Date(), new Date());
    await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect((await json(['check', '--cache'], dir)).result.findings.map((finding) => finding.file)).toEqual(['b.js']);
  });

  it('a changed imported constant invalidates its importers, imports of imports included', async () => {
    const dir = copyFixture('fixtures/cross-module/esm/input');
    const files = ['src/leads.js', 'src/contacts.js', 'src/recruit.js', 'src/endpoints.js', 'src/config/index.js', 'src/config/zoho.js', 'src/util.js'];
    stampAll(dir, files);
    const before = await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(JSON.parse(before.stdout).findings.filter((finding: { fixable: boolean }) => finding.fixable).length).toBeGreaterThan(0);
    // leads.js imports endpoints.js, which imports config/index.js, which re-exports config/zoho.js.
    writeFileSync(path.join(dir, 'src/config/zoho.js'), readFileSync(path.join(dir, 'src/config/zoho.js'), 'utf8').replace('https://crm.zoho.com/crm/private/json', 'https://api.example.com/v1'));
    const after = await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(after.stdout).not.toBe(before.stdout);
    expect(JSON.parse(after.stdout).findings.map((finding: { file: string }) => finding.file)).not.toContain('src/leads.js');
  });

  it('a file too big to parse keeps its text-only status and reason in a cached run, with or without findings', async () => {
    const padding = `// ${'x'.repeat(100)}\n`.repeat(6000);
    const dir = makeTree({ 'big-clean.js': padding, 'big-legacy.js': padding + LEGACY, 'small.js': LEGACY });
    stampAll(dir, ['big-clean.js', 'big-legacy.js', 'small.js']);
    const first = await expectSameAsUncached(['check', '--format', 'json'], dir);
    const textOnly = (JSON.parse(first.stdout) as { files: { file: string; textOnly?: boolean }[] }).files.filter((file) => file.textOnly).map((file) => file.file);
    expect(textOnly.sort()).toEqual(['big-clean.js', 'big-legacy.js']);
    await expectSameAsUncached(['check', '--format', 'json'], dir);
  });

  it('a changed PHP file that another one includes invalidates the includer', async () => {
    const dir = makeTree({
      'lib/config.php': `<?php\ndefine('ZOHO_URL', '${ZOHO_BASE}/');\n`,
      'lib/leads.php': "<?php\nrequire_once 'config.php';\n$u = ZOHO_URL . 'Leads/getRecords?apikey=' . $k . '&ticket=' . $t;\n",
    });
    stampAll(dir, ['lib/config.php', 'lib/leads.php']);
    const before = await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(JSON.parse(before.stdout).findings.some((finding: { file: string; fixable: boolean }) => finding.file === 'lib/leads.php' && finding.fixable)).toBe(true);
    rewriteKeepingStamp(path.join(dir, 'lib/config.php'));
    const after = await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(after.stdout).not.toBe(before.stdout);
  });

  it('a module created where an import found nothing invalidates the importer', async () => {
    const dir = makeTree({ 'main.js': "import { BASE } from './base.js';\nexport const u = BASE + '/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n" });
    stampAll(dir, ['main.js']);
    const before = await expectSameAsUncached(['check', '--format', 'json'], dir);
    writeFileSync(path.join(dir, 'base.js'), "export const BASE = 'https://crm.zoho.com/crm/private/json';\n");
    const after = await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(after.stdout).not.toBe(before.stdout);
    expect(JSON.parse(after.stdout).findings.some((finding: { file: string; fixable: boolean }) => finding.file === 'main.js' && finding.fixable)).toBe(true);
  });

  it('another configuration or another command does not reuse the results', async () => {
    const dir = makeTree({ 'a.js': LEGACY });
    stampAll(dir, ['a.js']);
    await expectSameAsUncached(['report', '--format', 'json'], dir);
    await expectSameAsUncached(['report', '--format', 'json', '--scope', 'ZohoCRM.modules.ALL'], dir);
    await expectSameAsUncached(['report', '--format', 'json', '--token-expr', 'config.token'], dir);
    await expectSameAsUncached(['check', '--format', 'json'], dir);
    expect(cacheFiles(dir).sort()).toEqual([expect.stringMatching(/^check-/), expect.stringMatching(/^report-/)]);
  });

  it('a corrupt cache is ignored with one warning, never a crash, and rewritten', async () => {
    const dir = makeTree({ 'a.js': LEGACY });
    const cacheFile = path.join(dir, 'cache.json');
    for (const garbage of ['{"cacheOf":"zoho-authtoken-codemod result cache","formatVersion":1,"setti', '\u0000\u0001binary', '']) {
      writeFileSync(cacheFile, garbage);
      const run = await runMain(['check', '--cache', '--cache-location', 'cache.json', '--format', 'json'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^zoho-authtoken-codemod: warning: ignoring the cache .*cache\.json: it is corrupt \(not valid JSON\); it will be rewritten\n$/);
      expect(JSON.parse(run.stdout).findings).toHaveLength(1);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8')).cacheOf).toBe('zoho-authtoken-codemod result cache');
    }
  });

  it('a damaged entry or layout is ignored (the file is analysed again), never trusted', async () => {
    const dir = makeTree({ 'a.js': LEGACY, 'b.js': LEGACY });
    stampAll(dir, ['a.js', 'b.js']);
    const cacheFile = path.join(dir, 'cache.json');
    await runMain(['check', '--cache', '--cache-location', 'cache.json'], dir);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    // One array per field (cache-file.ts): a.js gets a nonsense result, b.js a nonsense stamp.
    stored.details[stored.files.indexOf('a.js')] = [{ file: 'a.js', status: 'unchanged', findings: 'nonsense' }, 0];
    stored.sizes[stored.files.indexOf('b.js')] = 'nonsense';
    writeFileSync(cacheFile, JSON.stringify(stored));
    // (--ignore: the uncached run would scan cache.json as one more file of the tree)
    await expectSameAsUncached(['check', '--format', 'json', '--ignore', 'cache.json'], dir, ['--cache', '--cache-location', 'cache.json']);
    writeFileSync(cacheFile, JSON.stringify({ ...stored, files: 42 }));
    const run = await runMain(['check', '--cache', '--cache-location', 'cache.json', '--format', 'json'], dir);
    expect(run.stderr).toMatch(/warning: ignoring the cache .*: it is corrupt \(unexpected layout\)/);
    expect(JSON.parse(run.stdout).findings).toHaveLength(2);
  });

  it("a file that is not our cache is ignored with one warning and left as it is", async () => {
    const dir = makeTree({ 'a.js': LEGACY, 'notes.json': '{"mine": true}\n' });
    const run = await runMain(['check', '--cache', '--cache-location', 'notes.json', '--format', 'json'], dir);
    expect(run.stderr).toMatch(/^zoho-authtoken-codemod: warning: ignoring .*notes\.json: it is not a zoho-authtoken-codemod cache, so it is left as it is/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'notes.json'), 'utf8')).toBe('{"mine": true}\n');
  });

  it('--cache-location: a file, or a folder (trailing slash or existing); the cache itself is never scanned', async () => {
    const dir = makeTree({ 'a.js': LEGACY });
    const inTree = ['--cache', '--cache-location', '.zoho-cache.json'];
    expect((await json(['check', ...inTree], dir)).result.findings).toHaveLength(1);
    expect(existsSync(path.join(dir, '.zoho-cache.json'))).toBe(true);
    // The uncached run sees the cache file as one more file of the tree; the cached one does not.
    expect((await json(['check', ...inTree], dir)).stdout).toBe((await json(['check', '--ignore', '.zoho-cache.json'], dir)).stdout);
    await expectSameAsUncached(['check', '--format', 'json'], dir, ['--cache', '--cache-location', 'caches/']);
    expect(readdirSync(path.join(dir, 'caches'))).toEqual([expect.stringMatching(/^check-[0-9a-f]{10}\.json$/)]);
  });

  it('--quiet keeps the warning off stderr; migrate refuses --cache in the library API only (the CLI has no such flag)', async () => {
    const dir = makeTree({ 'a.js': LEGACY, 'cache.json': 'garbage' });
    expect((await runMain(['check', '--cache', '--cache-location', 'cache.json', '--quiet'], dir)).stderr).toBe('');
    expect((await runMain(['migrate', '--cache'], dir)).code).toBe(2);
  });
});
