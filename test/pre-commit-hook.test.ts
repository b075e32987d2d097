import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npm, packTarball } from './helpers/npm.js';
import { REPO_ROOT } from './helpers/projects.js';
import { readmeBlock } from './helpers/readme.js';

/**
 * The hook of `.pre-commit-hooks.yaml`, run by Debian's real `pre-commit` with `try-repo`, which
 * clones this repository (with its uncommitted changes to tracked files) and installs it the way a
 * user's pre-commit does (`language: node`: npm install, npm pack, npm install -g), then runs the
 * hook on the staged files of a temporary repository. Like the browser test: in CI (`CI` set, or
 * `.ci/run`, which installs pre-commit and sets ZOHO_REQUIRE_PRE_COMMIT=1) a missing pre-commit
 * fails; elsewhere the test is skipped, loudly.
 */
const PRE_COMMIT = '/usr/bin/pre-commit';
const hasPreCommit = spawnSync(PRE_COMMIT, ['--version']).status === 0;
const isRequired = Boolean(process.env.CI) || process.env.ZOHO_REQUIRE_PRE_COMMIT === '1';
const isSkipped = !hasPreCommit && !isRequired;
if (isSkipped) process.stderr.write(`\n!!! SKIPPED the pre-commit hook test: no ${PRE_COMMIT} (apt-get install -y pre-commit)\n\n`);

const LEGACY = path.join(REPO_ROOT, 'fixtures/transforms/concat/multiline-encoded.input.js');
const MIGRATED = path.join(REPO_ROOT, 'fixtures/transforms/concat/multiline-encoded.output.js');

describe.skipIf(isSkipped)(isSkipped ? 'pre-commit hook zoho-authtoken-check: SKIPPED, no pre-commit' : 'pre-commit hook zoho-authtoken-check (pre-commit try-repo)', () => {
  let repo = '';
  let home = '';
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, stdio: 'pipe' });

  /**
   * try-repo installs the hook afresh every time (its store is a temporary folder), about two
   * minutes on a busy machine. npm's own variables from `npm test` are dropped: they would point
   * pre-commit's nested npm at this repository.
   */
  function tryRepo() {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || key.toLowerCase() === 'npm_config_cache'));
    const run = spawnSync(PRE_COMMIT, ['try-repo', REPO_ROOT, 'zoho-authtoken-check'], { cwd: repo, env: { ...env, PRE_COMMIT_HOME: home, NO_COLOR: '1' }, encoding: 'utf8', timeout: 900_000 });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  }

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-pre-commit-'));
    // pre-commit's log and cache stay in the temporary folder, not in the user's ~/.cache.
    home = path.join(repo, '.pre-commit-home');
    git('init', '-q', '-b', 'main');
    copyFileSync(path.join(REPO_ROOT, 'README.md'), path.join(repo, 'README.md'));
    git('add', 'README.md');
    git('commit', '-q', '-m', 'start');
    execFileSync('sh', ['-c', 'echo .pre-commit-home/ > .gitignore'], { cwd: repo });
    git('add', '.gitignore');
    git('commit', '-q', '-m', 'ignore the pre-commit home');
    mkdirSync(path.join(repo, 'lib'));
  });

  it('refuses a commit that adds a legacy apikey + ticket call, with the finding', () => {
    copyFileSync(LEGACY, path.join(repo, 'lib/leads.js'));
    git('add', 'lib/leads.js');
    const run = tryRepo();
    expect(run.output).toMatch(/\(zoho-authtoken-codemod check\)\.+Failed/);
    expect(run.output).toContain('lib/leads.js');
    expect(run.output).toContain('legacy-auth-params');
    expect(run.code).toBe(1);
  }, 900_000);

  it('accepts the same file migrated', () => {
    copyFileSync(MIGRATED, path.join(repo, 'lib/leads.js'));
    expect(readFileSync(path.join(repo, 'lib/leads.js'), 'utf8')).toContain('authtoken');
    git('add', 'lib/leads.js');
    const run = tryRepo();
    expect(run.output).toMatch(/\(zoho-authtoken-codemod check\)\.+Passed/);
    expect(run.code).toBe(0);
  }, 900_000);

  it('the README\'s local hook (the package a devDependency): git commit refuses the legacy file, takes the migrated one', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-pre-commit-local-'));
    const inProject = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: project, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, PRE_COMMIT_HOME: home } });
    inProject('init', '-q', '-b', 'main');
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'hooked', private: true }, null, 2)}\n`);
    writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
    npm(['install', '--save-dev', packTarball(), '--no-audit', '--no-fund', '--prefer-offline'], project);
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), readmeBlock('pre-commit-local'));
    execFileSync(PRE_COMMIT, ['install'], { cwd: project, stdio: 'pipe', env: { ...process.env, PRE_COMMIT_HOME: home } });
    inProject('add', '-A');
    inProject('commit', '-q', '-m', 'start');
    mkdirSync(path.join(project, 'lib'));

    copyFileSync(LEGACY, path.join(project, 'lib/leads.js'));
    inProject('add', 'lib/leads.js');
    const commit = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-m', 'legacy call'], { cwd: project, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: home } });
    expect(`${commit.stdout}${commit.stderr}`).toContain('legacy-auth-params');
    expect(commit.status).toBe(1);
    expect(() => inProject('rev-parse', 'HEAD~1')).toThrow();

    copyFileSync(MIGRATED, path.join(project, 'lib/leads.js'));
    inProject('add', 'lib/leads.js');
    inProject('commit', '-q', '-m', 'migrated call');
    expect(inProject('log', '--format=%s', '-1').trim()).toBe('migrated call');
  }, 600_000);
});
