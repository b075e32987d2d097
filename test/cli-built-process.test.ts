import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, REPO_ROOT, runCli } from './helpers/projects.js';
import { LEGACY, makeGitTree, writeLines } from './helpers/trees.js';

/**
 * What only the built binary in a process of its own can prove (the rest of test/cli-*.test.ts
 * runs `main` in-process): worker threads, which need the build, and a heap limit on the process.
 */
describe('the built CLI as its own process', () => {
  it('--cache with worker threads (--jobs 2) prints what an uncached run does, and the cache holds no temporary files', () => {
    const dir = copyFixture('fixtures/legacy-crm-app');
    const args = ['check', '--format', 'json', '--jobs', '2', '--no-progress'];
    for (let round = 0; round < 2; round++) {
      const uncached = runCli(args, dir);
      const cached = runCli([...args, '--cache'], dir);
      expect(cached).toEqual(uncached);
    }
    const folder = path.join(dir, 'node_modules/.cache/zoho-authtoken-codemod');
    expect(existsSync(folder) ? readdirSync(folder) : []).toHaveLength(1);
  });

  it('loads no Babel package for a run that parses no JavaScript (--version, a cached re-run)', () => {
    // A preloaded hook lists every package the process requires, at exit, on stderr.
    const hook = path.join(mkdtempSync(path.join(tmpdir(), 'loads-')), 'hook.cjs');
    writeFileSync(hook, "const M = require('module'); const seen = new Set(); const load = M._load; M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); }; process.on('exit', () => process.stderr.write('LOADED ' + [...seen].join(' ') + '\\n'));\n");
    const babelLoads = (run: { stderr: string }) => (/LOADED (.*)/.exec(run.stderr)?.[1] ?? 'no hook output').split(' ').filter((name) => name.startsWith('@babel/') || name === 'no');
    const env = { NODE_OPTIONS: `--require ${hook}` };
    expect(babelLoads(runCli(['--version'], REPO_ROOT, env))).toEqual([]);
    const dir = copyFixture('fixtures/legacy-crm-app');
    const args = ['check', '--format', 'json', '--jobs', '1', '--no-progress', '--cache'];
    expect(babelLoads(runCli(args, dir, env)).length).toBeGreaterThan(0);
    expect(babelLoads(runCli(args, dir, env))).toEqual([]);
  });

  it('a 40 MiB file is scanned with bounded memory; one without anchors has no findings and is still counted as text only', () => {
    const lines = Math.floor((40 * 1024 * 1024) / 46);
    const dir = makeGitTree({}, (root) => {
      writeLines(path.join(root, 'huge.js'), 'exports.value = [1, 2, 3, 4, 5, 6, 7, 8, 9];\n', lines, LEGACY);
      writeLines(path.join(root, 'quiet.js'), 'exports.a = 1;\n', 60_000, '');
    });
    const started = process.hrtime.bigint();
    // A heap smaller than the file: reading it whole would end in an out-of-memory crash.
    const result = runCli(['check', '--format', 'json', '--jobs', '1'], dir, { NODE_OPTIONS: '--max-old-space-size=24' });
    const json = JSON.parse(result.stdout) as { summary: Record<string, number>; findings: { file: string; line: number }[] };
    expect(result.code).toBe(1);
    expect(json.findings.map((finding) => [finding.file, finding.line])).toEqual([['huge.js', lines + 1]]);
    expect(json.summary.textOnly).toBe(2);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(60);
  });
});
