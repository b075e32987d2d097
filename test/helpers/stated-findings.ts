import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { analyzeSource } from '../../src/core/analyze.js';
import type { FixturePair } from './fixture-pairs.js';

/**
 * A pair's findings must be the ones its `<case>.<ext>.findings.json` states (fixtures/README.md),
 * so a negative twin proves "no finding", not only "no edit". `outcome` is what else a folder's test
 * states in the same file, after the findings (fixtures/remove-ticket-code: the code removed and
 * kept), so one reviewed file holds the whole expectation. `UPDATE_FINDINGS=1` writes the file.
 */
export function expectStatedFindings(pair: FixturePair, input: string, outcome: readonly string[] = []): void {
  const file = pair.input.replace(/\.input\.([a-z]+)$/, '.$1.findings.json');
  const findings = analyzeSource(input, { filePath: pair.filePath }).findings.map(
    (finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}${finding.fixable ? ' fixable' : ''}`,
  );
  const actual = [...findings, ...outcome];
  if (process.env.UPDATE_FINDINGS === '1') writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
  expect(existsSync(file), `${file} exists (UPDATE_FINDINGS=1 writes it)`).toBe(true);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
