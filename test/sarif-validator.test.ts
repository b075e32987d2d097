import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReporter, renderReport } from '../src/reporters/index.js';
import { cannedCheckResult } from './helpers/canned-result.js';
import { copyProject, runCli } from './helpers/projects.js';

/**
 * The official SARIF validator, @microsoft/sarif-multitool (a self-contained .NET binary shipped
 * in the npm package for this platform), with GitHub's rules on top of the SARIF ones.
 * Its exit code is 0 even when it finds errors, so the test reads its own SARIF output.
 */
const require = createRequire(import.meta.url);
const MULTITOOL = require('@microsoft/sarif-multitool') as string;

interface ValidatorResult {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string; arguments?: string[] };
}

function validate(sarif: string): { errors: ValidatorResult[]; all: ValidatorResult[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-sarif-'));
  const input = path.join(dir, 'check.sarif');
  const output = path.join(dir, 'validation.sarif');
  writeFileSync(input, sarif);
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, input], { encoding: 'utf8', timeout: 120_000 });
  expect(run.error, 'the validator binary runs on this machine').toBeUndefined();
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(existsSync(output), run.stdout + run.stderr).toBe(true);
  const log = JSON.parse(readFileSync(output, 'utf8'));
  const all: ValidatorResult[] = log.runs[0].results ?? [];
  // The validator looked at our file, and got to the end of it.
  expect(run.stdout).toContain('1 files scanned');
  expect(run.stdout).toContain('Analysis completed successfully');
  return { errors: all.filter((result) => (result.level ?? 'warning') === 'error'), all };
}

function describeResults(results: readonly ValidatorResult[]): string {
  return results.map((result) => `${result.ruleId} ${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`).join('\n');
}

describe('SARIF output passes @microsoft/sarif-multitool validate --rule-kind "Gh;Sarif"', () => {
  it('the canned result: zero errors', () => {
    const sarif = renderReport(findReporter('sarif', 'check')!, cannedCheckResult(), { isColor: false, repoPrefix: 'packages/api' });
    const { errors, all } = validate(sarif);
    expect(errors, describeResults(errors)).toEqual([]);
    // Only the informationUri hint is left (the package has no home page to point at).
    expect(all.map((result) => result.ruleId).sort()).toEqual(['SARIF2005']);
  });

  it('a real check run of the built CLI on fixtures/projects/basic: zero errors', () => {
    const dir = copyProject('basic', { git: true });
    const run = runCli(['check', '--format', 'sarif'], dir);
    expect(run.code).toBe(1);
    const { errors } = validate(run.stdout);
    expect(errors, describeResults(errors)).toEqual([]);
    expect(JSON.parse(run.stdout).runs[0].results.length).toBeGreaterThan(0);
  });

  it('catches a log GitHub would reject (so the checks above can fail)', () => {
    const sarif = JSON.parse(renderReport(findReporter('sarif', 'check')!, cannedCheckResult(), { isColor: false }));
    delete sarif.runs[0].tool.driver.rules;
    for (const result of sarif.runs[0].results) delete result.ruleIndex;
    sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation = { uri: 'file:///home/me/src/a.js' };
    const { errors } = validate(JSON.stringify(sarif));
    expect(errors.map((result) => result.ruleId)).toEqual(expect.arrayContaining(['GH1018']));
  });
});
