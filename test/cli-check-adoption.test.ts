import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  fingerprint: string;
  severity: string;
}

async function checkJson(args: readonly string[], cwd: string) {
  const run = await runMain(['check', ...args, '--format', 'json'], cwd);
  expect(run.stderr).toBe('');
  return { code: run.code, json: JSON.parse(run.stdout) as { summary: Record<string, number>; findings: JsonFinding[]; files: { file: string }[] } };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

const LEGACY = (n: number) => `export const url${n} = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + key + '&ticket=' + ticket + '&n=${n}';\n`;

describe('check --changed-since <ref> (real git)', () => {
  /**
   * main: the basic fixture. feature (checked out): src/leads.js renamed to src/crm/leads.js, then
   * lib/vendor.js edited and src/new.js added without committing, src/clean.ts deleted. main moves on
   * afterwards with an edit to src/windows.js, which the feature branch never saw.
   */
  function branchedProject(): string {
    const dir = copyProject('basic', { git: true });
    git(dir, 'checkout', '-q', '-b', 'feature');
    mkdirSync(path.join(dir, 'src/crm'));
    git(dir, 'mv', 'src/leads.js', 'src/crm/leads.js');
    git(dir, 'commit', '-q', '-m', 'move leads');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'src/windows.js'), LEGACY(1));
    git(dir, 'commit', '-q', '-am', 'main moves on');
    git(dir, 'checkout', '-q', 'feature');
    writeFileSync(path.join(dir, 'lib/vendor.js'), readFileSync(path.join(dir, 'lib/vendor.js'), 'utf8') + '// edited\n');
    writeFileSync(path.join(dir, 'src/new.js'), LEGACY(2));
    rmSync(path.join(dir, 'src/clean.ts'));
    return dir;
  }

  it('checks the files changed since the merge base: renamed (new name), edited, untracked; not deleted ones, not the target branch', async () => {
    const dir = branchedProject();
    const { code, json } = await checkJson(['--changed-since', 'main'], dir);
    expect(json.files.map((file) => file.file)).toEqual(['lib/vendor.js', 'src/crm/leads.js', 'src/new.js']);
    expect(new Set(json.findings.map((finding) => finding.file))).toEqual(new Set(['src/crm/leads.js', 'src/new.js']));
    expect(code).toBe(1);
  });

  it('works from a subfolder, and with a commit id', async () => {
    const dir = branchedProject();
    const { json } = await checkJson(['--changed-since', 'main'], path.join(dir, 'src'));
    expect(json.files.map((file) => file.file)).toEqual(['crm/leads.js', 'new.js']);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    expect((await checkJson(['--changed-since', head], dir)).json.files.map((file) => file.file)).toEqual(['lib/vendor.js', 'src/new.js']);
  });

  it('nothing changed: exit 0 with no file checked', async () => {
    const dir = copyProject('basic', { git: true });
    const { code, json } = await checkJson(['--changed-since', 'HEAD'], dir);
    expect(code).toBe(0);
    expect(json.summary.filesScanned).toBe(0);
  });

  it('an unknown ref is a usage error', async () => {
    const run = await runMain(['check', '--changed-since', 'no-such-branch'], copyProject('basic', { git: true }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--changed-since: "no-such-branch" is not a commit in this repository/);
    expect((await runMain(['check', '--changed-since', '--output=x'], copyProject('basic', { git: true }))).code).toBe(2);
  });
});

describe('check --shard <i>/<n>', () => {
  function bigProject(): string {
    const dir = copyProject('clean');
    for (let i = 0; i < 23; i++) {
      const folder = path.join(dir, `src/mod-${i % 4}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `file-${i}.js`), i % 3 === 0 ? LEGACY(i) : `export const n${i} = ${i};\n`);
    }
    return dir;
  }

  it.each([2, 5])('the %i shards add up to the whole run, without overlap, balanced and deterministic', async (count) => {
    const dir = bigProject();
    const whole = (await checkJson([], dir)).json;
    const shards = [];
    for (let i = 0; i < count; i++) shards.push((await checkJson(['--shard', `${i + 1}/${count}`], dir)).json);
    const files = shards.flatMap((shard) => shard.files.map((file) => file.file));
    expect(new Set(files).size).toBe(files.length);
    expect([...files].sort()).toEqual(whole.files.map((file) => file.file).sort());
    const fingerprints = shards.flatMap((shard) => shard.findings.map((finding) => finding.fingerprint));
    expect(fingerprints.sort()).toEqual(whole.findings.map((finding) => finding.fingerprint).sort());
    const sizes = shards.map((shard) => shard.files.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect((await checkJson(['--shard', `2/${count}`], dir)).json).toEqual(shards[1]);
  });

  it('1/1 is the whole run', async () => {
    const dir = bigProject();
    expect((await checkJson(['--shard', '1/1'], dir)).json).toEqual((await checkJson([], dir)).json);
  });
});

describe('check --baseline / --write-baseline', () => {
  it('round trip: record, survive edits that move lines, then fail only on a new finding', async () => {
    const dir = copyProject('basic');
    const written = await runMain(['check', '--write-baseline', 'zoho-baseline.json'], dir);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('zoho-authtoken-codemod: wrote zoho-baseline.json (6 findings)\n');
    const baseline = readFileSync(path.join(dir, 'zoho-baseline.json'), 'utf8');
    const parsed = JSON.parse(baseline);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.findings).toHaveLength(6);
    expect(baseline).not.toContain('9f86d081884c7d659a2feaa0c55ad015');

    // Unrelated edits that move every finding: new lines above them, a file reformatted around them.
    const leads = path.join(dir, 'src/leads.js');
    writeFileSync(leads, `// Leads API\nimport './polyfills.js';\n\n${readFileSync(leads, 'utf8')}\nexport const other = 1;\n`);
    const windows = path.join(dir, 'src/windows.js');
    writeFileSync(windows, readFileSync(windows, 'utf8').replace('var u', '\r\n\r\nvar u'));
    const moved = await checkJson(['--baseline', 'zoho-baseline.json'], dir);
    expect(moved.json.findings).toEqual([]);
    expect(moved.json.summary.baselined).toBe(6);
    expect(moved.code).toBe(0);
    // Writing the baseline again after edits that only move lines changes nothing in it.
    await runMain(['check', '--write-baseline', 'again.json'], dir);
    expect(readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(baseline);

    writeFileSync(path.join(dir, 'src/clean.ts'), `${readFileSync(path.join(dir, 'src/clean.ts'), 'utf8')}${LEGACY(7)}`);
    const fresh = await checkJson(['--baseline', 'zoho-baseline.json'], dir);
    expect(fresh.code).toBe(1);
    expect(fresh.json.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['src/clean.ts:2 legacy-auth-params']);
    expect(readFileSync(path.join(dir, 'zoho-baseline.json'), 'utf8')).toBe(baseline);
  });

  it('a fixed finding no longer needs its entry, and a renamed file is new code', async () => {
    const dir = copyProject('basic');
    await runMain(['check', '--write-baseline', 'b.json'], dir);
    writeFileSync(path.join(dir, 'src/windows.js'), 'export const fixed = true;\n');
    expect((await checkJson(['--baseline', 'b.json'], dir)).json.summary.baselined).toBe(5);
    renameSync(path.join(dir, 'src/leads.js'), path.join(dir, 'src/crm-leads.js'));
    expect((await checkJson(['--baseline', 'b.json'], dir)).code).toBe(1);
  });

  it.each([
    ['not json', /baseline bad.json is not valid JSON/],
    ['{"findings": 3}', /baseline bad.json is not a zoho-authtoken-codemod baseline/],
  ])('a malformed baseline (%s) is a usage error', async (content, message) => {
    const dir = copyProject('basic');
    writeFileSync(path.join(dir, 'bad.json'), content);
    const run = await runMain(['check', '--baseline', 'bad.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses to write a baseline of one shard or of changed files only', async () => {
    const run = await runMain(['check', '--shard', '1/2', '--write-baseline', 'b.json'], copyProject('basic'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--write-baseline records the whole code base/);
  });
});

describe('inline suppressions (fixtures/projects/suppressed)', () => {
  it('silences findings, counts them in the summary, and reports a stale directive as a note', async () => {
    const dir = copyProject('suppressed');
    const { code, json } = await checkJson([], dir);
    expect(code).toBe(0);
    expect(json.summary.suppressed).toBe(3);
    expect(json.findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`)).toEqual(['src/mirror.js:6 note unused-suppression']);
    const text = (await runMain(['check'], dir)).stdout;
    expect(text).toContain('check: 1 finding (1 note) in 1 file; 2 files scanned; 3 suppressed inline');
  });

  it('migrate leaves suppressed code alone', async () => {
    const dir = copyProject('suppressed', { git: true });
    const before = readFileSync(path.join(dir, 'src/mirror.js'), 'utf8');
    const run = await runMain(['migrate'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'src/mirror.js'), 'utf8')).toBe(before);
  });
});

describe('secrets (fixtures/projects/secrets): no raw credential value in any output', () => {
  const RAW = {
    apikey: 'a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c',
    ticket: 'e4d909c290d0fb1ca068ffaddf22cbd0',
    authtoken: '7c4a8d09ca3762af61e59520943dc264',
    password: 'S3cretPassw0rd',
    shortPassword: 'PASSWORD=pw12',
  };

  function expectMasked(label: string, text: string): void {
    for (const [name, value] of Object.entries(RAW)) expect(text, `${label} leaks the ${name}`).not.toContain(value);
  }

  it('the fixture really holds every value (so the greps below can fail)', async () => {
    const source = readFileSync(path.join(copyProject('secrets'), 'src/crm.js'), 'utf8');
    for (const value of Object.values(RAW)) expect(source).toContain(value);
  });

  it.each(['text', 'json', 'sarif', 'github', 'gitlab', 'junit'])('check --format %s, its job summary and its baseline', async (format) => {
    const dir = copyProject('secrets', { git: true });
    const summaryFile = path.join(dir, 'summary.md');
    const run = await runMain(['check', '--format', format, '--write-baseline', 'baseline.json'], dir, { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.code).toBe(0);
    expectMasked(`check --format ${format}`, run.stdout + run.stderr);
    expectMasked('baseline', readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    if (format === 'github') expectMasked('job summary', readFileSync(summaryFile, 'utf8'));
    const plain = await runMain(['check', '--format', format], dir);
    expect(plain.code).toBe(1);
    expectMasked(`check --format ${format}`, plain.stdout + plain.stderr);
  });

  it('migrate --dry-run diffs (text and json) and a real migrate mask them, and show that they did', async () => {
    const dir = copyProject('secrets', { git: true });
    const text = await runMain(['migrate', '--dry-run'], dir);
    expectMasked('migrate --dry-run', text.stdout + text.stderr);
    expect(text.stdout).toContain('&PASSWORD=****');
    expect(text.stdout).toContain("{ authtoken: '****' }");
    expect(text.stdout).toContain('?apikey=****&ticket=****&newFormat=1');
    const json = await runMain(['migrate', '--dry-run', '--format', 'json'], dir);
    expectMasked('migrate --dry-run --format json', json.stdout + json.stderr);
    const real = await runMain(['migrate'], dir);
    expectMasked('migrate', real.stdout + real.stderr);
  });
});
