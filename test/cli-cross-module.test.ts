import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { ProjectIndex } from '../src/project/index.js';
import { REPO_ROOT, copyFixture, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

/** fixtures/cross-module/<case>/{input,output}: a project before and after `migrate`, byte for byte. */
const root = path.join(REPO_ROOT, 'fixtures/cross-module');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function contents(dir: string): Record<string, string> {
  return Object.fromEntries([...snapshotTree(dir)].map(([file, { bytes }]) => [file.split(path.sep).join('/'), Buffer.from(bytes, 'base64').toString('utf8')]));
}

describe('cross-module projects (main in-process on copies of fixtures/cross-module/<case>/input)', () => {
  it('has ESM, CommonJS and TypeScript projects of several modules, and a negative one', async () => {
    expect(cases).toEqual(expect.arrayContaining(['esm', 'commonjs', 'typescript', 'not-zoho']));
    for (const name of cases) expect(Object.keys(contents(path.join(root, name, 'input'))).length, name).toBeGreaterThanOrEqual(4);
    expect(contents(path.join(root, 'not-zoho/input'))).toEqual(contents(path.join(root, 'not-zoho/output')));
  });

  describe.each(cases)('%s', (name) => {
    const input = path.join('fixtures/cross-module', name, 'input');
    const expected = contents(path.join(root, name, 'output'));

    it('migrates to the expected tree, and a second run changes nothing', async () => {
      const dir = copyFixture(input, { git: true });
      const first = await runMain(['migrate'], dir);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(contents(dir)).toEqual(expected);

      const once = snapshotTree(dir);
      const second = await runMain(['migrate', '--force'], dir);
      expect(second.stdout).toContain('0 files changed');
      expect(snapshotTree(dir)).toEqual(once);
    });

    it('leaves no legacy request behind (check --format json)', async () => {
      const dir = copyFixture(path.join('fixtures/cross-module', name, 'output'));
      const result = await runMain(['check', '--format', 'json'], dir);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }> };
      expect(json.findings.filter((finding) => finding.ruleId === 'legacy-auth-params')).toEqual([]);
    });
  });

  it('proves Zoho only through the index: without it the same request cannot be rewritten', async () => {
    const project = path.join(root, 'esm/input');
    const source = readFileSync(path.join(project, 'src/leads.js'), 'utf8');
    const alone = analyzeSource(source, { filePath: 'src/leads.js' });
    expect(alone.findings.filter((finding) => finding.fixable)).toEqual([]);
    const indexed = analyzeSource(source, { filePath: 'src/leads.js', moduleResolver: new ProjectIndex(project).resolverFor() });
    expect(indexed.findings.filter((finding) => finding.fixable).map((finding) => finding.ruleId)).toEqual(['legacy-auth-params']);
  });

  it('stays silent on a request whose imported base URL is proven not to be Zoho', async () => {
    const dir = copyFixture('fixtures/cross-module/not-zoho/input');
    const result = await runMain(['check', '--format', 'json'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });
});
