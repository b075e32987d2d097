import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';
import transform from '../transforms/zoho-authtoken.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { expectStatedFindings } from './helpers/stated-findings.js';

const root = path.resolve(import.meta.dirname, '../fixtures/transforms');
const pairs = listFixturePairs(root);

const fakeApi = { report: () => undefined } as never;

describe('fixture pairs', () => {
  it('has pairs for every shape, each shape with a positive and a negative case', () => {
    expect(pairs.length).toBeGreaterThan(20);
    const shapes = new Map<string, { positive: number; negative: number }>();
    for (const pair of pairs) {
      const shape = pair.name.split('/')[0]!;
      const counts = shapes.get(shape) ?? { positive: 0, negative: 0 };
      const isNegative = existsSync(pair.output) && readFileSync(pair.input, 'utf8') === readFileSync(pair.output, 'utf8');
      counts[isNegative ? 'negative' : 'positive']++;
      shapes.set(shape, counts);
    }
    for (const [shape, counts] of shapes) {
      expect(counts.positive, `${shape} has a positive case`).toBeGreaterThan(0);
      if (shape !== 'formatting') expect(counts.negative, `${shape} has a negative case`).toBeGreaterThan(0);
    }
  });

  describe.each(pairs)('$name', (pair) => {
    const input = readFileSync(pair.input, 'utf8');

    it('has an output twin', () => {
      expect(existsSync(pair.output)).toBe(true);
    });

    it('reports the findings its .findings.json states', () => expectStatedFindings(pair, input));

    it('migrates to the expected bytes', () => {
      const expected = readFileSync(pair.output, 'utf8');
      const result = migrateSource(input, { filePath: pair.filePath });
      expect(result.refusedReason).toBeUndefined();
      expect(result.output).toBe(expected);
      expect(result.changed).toBe(expected !== input);
    });

    it('is a no-op the second time', () => {
      const once = migrateSource(input, { filePath: pair.filePath }).output;
      const twice = migrateSource(once, { filePath: pair.filePath });
      expect(twice.changed).toBe(false);
      expect(twice.output).toBe(once);
    });

    it('still parses with the same parser, and leaves no fixable finding', () => {
      const expected = readFileSync(pair.output, 'utf8');
      const before = analyzeSource(input, { filePath: pair.filePath });
      const after = analyzeSource(expected, { filePath: pair.filePath });
      expect(after.parseError).toBeUndefined();
      expect(after.parser).toBe(before.parser);
      expect(after.findings.filter((finding) => finding.fixable)).toEqual([]);
      // What is left is only what was reported as hand work before (a host the table does not
      // know, a URL in a page's markup), untouched: same construct, same fingerprint.
      const handWork = new Set(before.findings.filter((finding) => !finding.fixable).map((finding) => finding.fingerprint));
      const left = after.findings.filter((finding) => finding.ruleId === 'legacy-auth-params');
      expect(left.filter((finding) => !handWork.has(finding.fingerprint))).toEqual([]);
    });

    it('gives the same result through the jscodeshift transform', () => {
      const expected = readFileSync(pair.output, 'utf8');
      const output = transform({ path: pair.filePath, source: input }, fakeApi, {});
      expect(output ?? input).toBe(expected);
      if (expected === input) expect(output).toBeUndefined();
    });
  });
});
