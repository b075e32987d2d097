import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCompositeAction, type ActionRunOptions } from './helpers/composite-action.js';
import { REPO_ROOT, copyFixture, runCli } from './helpers/projects.js';
import { readmeBlock } from './helpers/readme.js';

/**
 * action.yml, run as GitHub runs a composite action (test/helpers/composite-action.ts) from this
 * repository's built copy, on a pull request against a copy of the sample app: the base commit is
 * the legacy app, the pull request adds one more legacy call.
 */
let workspace = '';
let baseSha = '';
const ADDED = 'lib/zoho/added-in-pr.js';

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: workspace, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  workspace = copyFixture('fixtures/legacy-crm-app', { git: true });
  baseSha = git('rev-parse', 'HEAD');
  copyFileSync(path.join(REPO_ROOT, 'fixtures/transforms/concat/multiline-encoded.input.js'), path.join(workspace, ADDED));
  git('add', ADDED);
  git('commit', '-q', '-m', 'a new legacy call');
});

function pullRequest(inputs: Record<string, string> = {}): ActionRunOptions {
  return {
    actionPath: REPO_ROOT,
    workspace,
    inputs,
    eventName: 'pull_request',
    event: { pull_request: { number: 7, base: { ref: 'main', sha: baseSha }, head: { ref: 'feature', sha: git('rev-parse', 'HEAD') } } },
  };
}

describe('the GitHub Action (action.yml, composite)', () => {
  it('on a pull request: checks the files the PR changed, annotates them, writes the step summary, fails', () => {
    const run = runCompositeAction(pullRequest());
    expect(run.isSuccess).toBe(false);
    expect(run.failedCode).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    // changed-since defaults to the pull request's base: only the added file is checked.
    expect(run.stdout).toMatch(new RegExp(`^::error file=${ADDED},line=\\d+`, 'm'));
    expect(run.stdout).not.toContain('file=lib/zoho/leads.js');
    expect(run.stepSummary).toContain(ADDED);
    expect(run.stepSummary).toContain('legacy-auth-params');
  });

  it('on a push (no pull request), checks the whole tree', () => {
    const run = runCompositeAction({ ...pullRequest(), eventName: 'push', event: { ref: 'refs/heads/main' } });
    expect(run.failedCode).toBe(1);
    expect(run.stdout).toContain('file=lib/zoho/leads.js');
    expect(run.stdout).toContain(`file=${ADDED}`);
  });

  it('format sarif: writes the SARIF file for upload-sarif, no annotations, the step summary still', () => {
    const run = runCompositeAction(pullRequest({ format: 'sarif', 'changed-since': '' }));
    expect(run.failedCode).toBe(1);
    expect(run.outputs['sarif-file']).toBe('zoho-authtoken.sarif');
    const sarifFile = path.join(workspace, 'zoho-authtoken.sarif');
    expect(existsSync(sarifFile)).toBe(true);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const uris = new Set(sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toContain(ADDED);
    expect(uris).toContain('lib/zoho/leads.js');
    expect(run.stdout).not.toMatch(/^::error/m);
    expect(run.stepSummary).toContain('legacy-auth-params');
  });

  it('fail-on never: reports, passes, and says what check said', () => {
    const run = runCompositeAction(pullRequest({ 'fail-on': 'never' }));
    expect(run.isSuccess).toBe(true);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toContain(`file=${ADDED}`);
  });

  it('baseline: today\'s findings recorded with --write-baseline are not reported', () => {
    const written = runCli(['check', '--write-baseline', 'zoho-baseline.json', '--quiet'], workspace);
    expect(written.code).toBe(0);
    const run = runCompositeAction({ ...pullRequest({ baseline: 'zoho-baseline.json' }), eventName: 'push', event: {} });
    expect(run.isSuccess).toBe(true);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.stdout).not.toMatch(/^::error/m);
  });

  it('a format it does not know is an error, before anything runs', () => {
    const run = runCompositeAction(pullRequest({ format: 'junit' }));
    expect(run.failedCode).toBe(2);
    expect(run.stdout).toContain('::error title=zoho-authtoken::format must be github or sarif');
  });

  it('inputs reach the scripts as environment variables, never as shell code', () => {
    const marker = path.join(workspace, 'injected');
    const run = runCompositeAction(pullRequest({ paths: `lib $(touch ${marker})` }));
    expect(existsSync(marker)).toBe(false);
    expect(run.failedCode).toBe(2);
  });
});

describe('the GitHub Action with a shallow checkout', () => {
  it('says that changed-since needs the history, exit 2', () => {
    const run = runCompositeAction(pullRequest({ 'changed-since': '0123456789abcdef0123456789abcdef01234567' }));
    expect(run.failedCode).toBe(2);
    expect(run.stdout).toContain('use actions/checkout with fetch-depth: 0');
  });
});

describe('the README workflow', () => {
  it('uses the action with inputs and outputs it has', () => {
    const workflow = parse(readmeBlock('action-workflow')) as { jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, string> }[] }> };
    const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.find((step) => step.uses === './node_modules/zoho-authtoken-codemod');
    expect(ours?.id).toBeDefined();
    for (const input of Object.keys(ours?.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    const used = [...readmeBlock('action-workflow').matchAll(new RegExp(`steps\\.${ours!.id}\\.outputs\\.([\\w-]+)`, 'g'))].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const output of used) expect(Object.keys(action.outputs)).toContain(output);
  });
});
