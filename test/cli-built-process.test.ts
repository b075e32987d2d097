import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './helpers/projects.js';
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
