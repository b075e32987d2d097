import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a composite action's steps the way a GitHub runner does: `${{ ... }}` expressions
 * substituted (inputs with their defaults, github, runner, steps, env), each `run:` script written
 * to a file and run with `bash --noprofile --norc -eo pipefail <file>` (GitHub's `shell: bash`),
 * the GITHUB_* variables and files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_PATH,
 * GITHUB_EVENT_PATH) in a temporary folder, and the first failing step ending the action.
 * Only the expression forms a composite action's plumbing uses are known: a property path.
 */

interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  if?: string;
  uses?: string;
}

interface ActionFile {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRunOptions {
  /** The folder holding action.yml (GITHUB_ACTION_PATH). */
  actionPath: string;
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  inputs?: Record<string, string>;
  eventName: string;
  event: Record<string, unknown>;
}

export interface ActionRun {
  /** Did every step succeed? */
  isSuccess: boolean;
  /** The exit code of the step that failed, or 0. */
  failedCode: number;
  failedStep?: string;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  stepSummary: string;
  runnerTemp: string;
}

/** Lines of a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` and `name<<DELIMITER` ... `DELIMITER`. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]!);
      values[heredoc[1]!] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

function lookup(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (const key of keys) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `${{ a.b.c }}` replaced by the value at that path of the contexts; an unknown path is '' (as on GitHub). */
function substitute(text: string, contexts: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    const value = lookup(contexts, expression.split('.'));
    return value === undefined || value === null ? '' : String(value);
  });
}

export function runCompositeAction(options: ActionRunOptions): ActionRun {
  const action = parse(readFileSync(path.join(options.actionPath, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const runnerTemp = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-runner-'));
  const files = { output: 'output.txt', env: 'env.txt', summary: 'step-summary.md', path: 'path.txt', event: 'event.json' };
  const filePath = (name: string) => path.join(runnerTemp, 'files', name);
  mkdirSync(path.join(runnerTemp, 'files'));
  writeFileSync(filePath(files.event), JSON.stringify(options.event));
  for (const name of [files.summary, files.path, files.env]) writeFileSync(filePath(name), '');

  const github = {
    action_path: options.actionPath,
    workspace: options.workspace,
    event_name: options.eventName,
    event: options.event,
    base_ref: lookup(options.event, ['pull_request', 'base', 'ref']) ?? '',
  };
  const contexts: Record<string, unknown> = { github, runner: { temp: runnerTemp, os: 'Linux' }, steps: {}, env: {} };
  // Input defaults are expressions too (`${{ github.event.pull_request.base.sha }}`).
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) inputs[name] = options.inputs?.[name] ?? substitute(input.default ?? '', contexts);
  contexts.inputs = inputs;

  const baseEnv: NodeJS.ProcessEnv = {
    // What a runner sets; nothing from the test's own environment but PATH, HOME and npm's cache.
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_ACTION_PATH: options.actionPath,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: filePath(files.event),
    GITHUB_BASE_REF: String(github.base_ref),
    GITHUB_STEP_SUMMARY: filePath(files.summary),
    GITHUB_ENV: filePath(files.env),
    GITHUB_PATH: filePath(files.path),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
  };

  let stdout = '';
  let stderr = '';
  const steps = contexts.steps as Record<string, { outputs: Record<string, string> }>;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses || step.if) throw new Error(`step ${index}: only plain run steps are supported here`);
    if (step.shell !== 'bash') throw new Error(`step ${index}: shell must be bash`);
    const script = path.join(runnerTemp, `step-${index}.sh`);
    writeFileSync(script, substitute(step.run ?? '', contexts));
    const outputFile = filePath(`${files.output}.${index}`);
    writeFileSync(outputFile, '');
    const fromEnvFile = parseCommandFile(readFileSync(filePath(files.env), 'utf8'));
    const extraPath = readFileSync(filePath(files.path), 'utf8').split('\n').filter(Boolean).reverse();
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]));
    const env = { ...baseEnv, ...fromEnvFile, ...stepEnv, GITHUB_OUTPUT: outputFile, PATH: [...extraPath, baseEnv.PATH].join(path.delimiter) };
    const cwd = path.resolve(options.workspace, substitute(step['working-directory'] ?? '.', contexts));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 600_000 });
    stdout += run.stdout;
    stderr += run.stderr;
    if (step.id) steps[step.id] = { outputs: parseCommandFile(readFileSync(outputFile, 'utf8')) };
    if (run.status !== 0) {
      return { isSuccess: false, failedCode: run.status ?? -1, failedStep: step.name ?? String(index), stdout, stderr, outputs: actionOutputs(action, contexts), stepSummary: readFileSync(filePath(files.summary), 'utf8'), runnerTemp };
    }
  }
  return { isSuccess: true, failedCode: 0, stdout, stderr, outputs: actionOutputs(action, contexts), stepSummary: readFileSync(filePath(files.summary), 'utf8'), runnerTemp };
}

function actionOutputs(action: ActionFile, contexts: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, output]) => [name, substitute(output.value, contexts)]));
}
