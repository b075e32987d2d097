import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { copyProject, snapshotTree } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;

async function json(args: readonly string[], cwd: string) {
  const run = await runMain([...args, '--format', 'json'], cwd);
  return { ...run, json: JSON.parse(run.stdout) };
}

describe('check (main in-process on copies of fixtures/projects)', () => {
  it.each(FORMATS)('--format %s: exit 0 on a clean project, 1 on a legacy one, nothing written', async (format) => {
    const clean = copyProject('clean', { git: true });
    expect((await runMain(['check', '--format', format], clean)).code).toBe(0);
    const legacy = copyProject('basic', { git: true });
    const before = snapshotTree(legacy);
    const run = await runMain(['check', '--format', format], legacy);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('src/leads.js');
    expect(snapshotTree(legacy)).toEqual(before);
  });

  it('text: grouped by file, file:line:col  severity  rule  message, and a summary line', async () => {
    const run = await runMain(['check'], copyProject('basic'));
    expect(run.stdout).toContain('src/leads.js\n  src/leads.js:4:10  error  legacy-auth-params  Zoho CRM request sends apikey and ticket');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('check: 6 findings (5 errors, 1 warning) in 3 files; 5 files scanned');
  });

  it.each([
    [['check', '--no-such-flag'], /unknown option '--no-such-flag'/],
    [['check', 'does-not-exist'], /no such file or directory: does-not-exist/],
    [['check', '--format', 'markdown'], /unknown --format "markdown" for check; choose one of: text, json, sarif, github, gitlab, junit/],
    [['check', '--shard', '0/2'], /--shard takes <i>\/<n> with 1 <= i <= n/],
    [['check', '--shard', '3/2'], /--shard takes <i>\/<n>/],
    [['check', '--shard', 'half'], /--shard takes <i>\/<n>/],
    [['check', '--changed-since', 'main'], /--changed-since needs a git work tree/],
    [['check', '--baseline', 'missing.json'], /cannot read baseline missing.json: no such file/],
    [['check', '--output', 'no/such/dir/out.txt'], /cannot write no\/such\/dir\/out.txt: no such file/],
  ])('%j is a usage error: exit 2 with one line on stderr', async (args, message) => {
    // Outside any git work tree, so that --changed-since has none to find.
    const dir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-nogit-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/index.js'), 'export const x = 1;\n');
    const result = await runMain(args, dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = copyProject('basic');
    const run = await runMain(['check', '--format', 'sarif', '--output', 'check.sarif'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'check.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('SARIF, annotations and code quality name files from the repository root when run in a subfolder', async () => {
    const dir = copyProject('basic', { git: true });
    const cwd = path.join(dir, 'src');
    const sarif = JSON.parse((await runMain(['check', '--format', 'sarif'], cwd)).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'src/broken.js', uriBaseId: '%SRCROOT%' });
    expect((await runMain(['check', '--format', 'github'], cwd)).stdout).toContain('::error file=src/leads.js,line=4,endLine=4,col=10,endColumn=91,');
    expect(JSON.parse((await runMain(['check', '--format', 'gitlab'], cwd)).stdout)[0].location.path).toBe('src/broken.js');
    // text and json stay relative to the working directory (DESIGN §3).
    expect((await json(['check'], cwd)).json.findings[0].file).toBe('broken.js');
  });
});

describe('fingerprints in SARIF and GitLab reports', () => {
  it('stay the same when code above a finding moves it to other lines', async () => {
    const dir = copyProject('basic', { git: true });
    const sarifPrints = async () =>
      JSON.parse((await runMain(['check', '--format', 'sarif'], dir)).stdout).runs[0].results.map((result: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }) => ({
        print: Object.values(result.partialFingerprints)[0],
        line: result.locations[0]!.physicalLocation.region.startLine,
      }));
    const gitlabPrints = async () => JSON.parse((await runMain(['check', '--format', 'gitlab'], dir)).stdout).map((issue: { fingerprint: string }) => issue.fingerprint);
    const sarifBefore = await sarifPrints();
    const gitlabBefore = await gitlabPrints();
    const leads = path.join(dir, 'src/leads.js');
    writeFileSync(leads, `// moved down\n\n\n${readFileSync(leads, 'utf8')}`);
    const sarifAfter = await sarifPrints();
    expect(sarifAfter.map((entry: { print: string }) => entry.print)).toEqual(sarifBefore.map((entry: { print: string }) => entry.print));
    expect(sarifAfter.map((entry: { line: number }) => entry.line)).not.toEqual(sarifBefore.map((entry: { line: number }) => entry.line));
    expect(await gitlabPrints()).toEqual(gitlabBefore);
    expect(new Set(gitlabBefore).size).toBe(gitlabBefore.length);
  });
});

describe('check --format github', () => {
  function manyLegacyFiles(count: number): string {
    const dir = copyProject('clean', { git: true });
    for (let i = 0; i < count; i++) {
      writeFileSync(path.join(dir, `src/legacy-${i}.js`), `export const url = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n`);
    }
    return dir;
  }

  it('annotates at most 10 errors, says how many more, and appends every finding to $GITHUB_STEP_SUMMARY', async () => {
    const dir = manyLegacyFiles(12);
    const summaryFile = path.join(dir, 'step-summary.md');
    writeFileSync(summaryFile, '# Earlier step\n');
    const run = await runMain(['check', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(run.stdout).toContain('Not annotated: 2 errors (GitHub shows at most 10 annotations of each level per step)');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# Earlier step\n### zoho-authtoken-codemod check')).toBe(true);
    expect(summary.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(12);
  });

  it('writes no job summary outside GitHub Actions, and none for other formats', async () => {
    const dir = manyLegacyFiles(1);
    const summaryFile = path.join(dir, 'step-summary.md');
    await runMain(['check', '--format', 'sarif'], dir, { GITHUB_STEP_SUMMARY: summaryFile });
    expect(() => readFileSync(summaryFile)).toThrow();
  });
});

describe('check: colour only on a TTY and never with NO_COLOR', () => {
  async function output(env: NodeJS.ProcessEnv, isStdoutTty: boolean, args: string[] = []): Promise<string> {
    const dir = copyProject('basic');
    let stdout = '';
    await main(['check', ...args], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: dir, env, isStdoutTty });
    return args.includes('--output') ? readFileSync(path.join(dir, args[args.indexOf('--output') + 1]!), 'utf8') : stdout;
  }

  it('colours a TTY', async () => {
    expect(await output({}, true)).toContain('\u001b[31merror\u001b[0m');
  });
  it('not with NO_COLOR set (an empty NO_COLOR does not count, per no-color.org)', async () => {
    expect(await output({ NO_COLOR: '1' }, true)).not.toContain('\u001b[');
    expect(await output({ NO_COLOR: '' }, true)).toContain('\u001b[');
  });
  it('not on a pipe, nor into --output', async () => {
    expect(await output({}, false)).not.toContain('\u001b[');
    expect(await output({}, true, ['--output', 'check.txt'])).not.toContain('\u001b[');
  });
});
