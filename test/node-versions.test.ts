import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyFixture, REPO_ROOT } from './helpers/projects.js';

/**
 * The same results on Node 20 (the oldest supported, `engines`) and Node 24 (the current LTS):
 * every fixture project checked and reported by the built CLI on both, byte for byte. `.ci/run`
 * installs Node 24 from the npm registry (the `node` package) and names it in ZOHO_NODE24; there
 * its absence fails the run, elsewhere the test is skipped with a warning.
 */
const OTHER_NODE = process.env.ZOHO_NODE24;
const isRequired = Boolean(process.env.CI) || process.env.ZOHO_REQUIRE_NODE24 === '1';
const hasOtherNode = OTHER_NODE !== undefined && existsSync(OTHER_NODE);
const isSkipped = !hasOtherNode && !isRequired;
if (isSkipped) process.stderr.write('\n!!! SKIPPED the Node 20 / Node 24 comparison: set ZOHO_NODE24 to a Node 24 binary (.ci/run does)\n\n');

const PROJECTS = [
  'fixtures/legacy-crm-app',
  ...readdirSync(path.join(REPO_ROOT, 'fixtures/projects')).map((name) => `fixtures/projects/${name}`),
  ...readdirSync(path.join(REPO_ROOT, 'fixtures/cross-module')).map((name) => `fixtures/cross-module/${name}/input`),
];

function runOn(node: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node, [BIN, ...args, '--no-progress'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

function majorOf(node: string): number {
  return Number(/^v(\d+)/.exec(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout)?.[1]);
}

describe.skipIf(isSkipped)(`Node ${process.versions.node} and Node 24 give identical results${isSkipped ? ' (SKIPPED: no Node 24)' : ''}`, () => {
  it('has a Node 24 to compare with, and this suite runs on another major or on 24 itself', () => {
    expect(hasOtherNode, `ZOHO_NODE24=${OTHER_NODE ?? '(unset)'}`).toBe(true);
    expect(majorOf(OTHER_NODE!)).toBe(24);
    expect([20, 22, 24]).toContain(majorOf(process.execPath));
  });

  // JSON carries every field the other formats are rendered from; both runtimes run side by side.
  it.each(PROJECTS)('%s: check, report and migrate --dry-run (JSON)', async (project) => {
    const dir = copyFixture(project);
    for (const args of [
      ['check', '--format', 'json'],
      ['report', '--format', 'json'],
      ['migrate', '--dry-run', '--format', 'json'],
    ]) {
      const [here, there] = await Promise.all([runOn(process.execPath, args, dir), runOn(OTHER_NODE!, args, dir)]);
      expect(there, `${project}: ${args.join(' ')}`).toEqual(here);
      expect(here.stdout.length).toBeGreaterThan(0);
    }
  });
});
