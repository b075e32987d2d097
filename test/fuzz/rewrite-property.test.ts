import { describe, expect, it } from 'vitest';
import { checkRewriteProperty, type FuzzCounts } from './rewrite-property.js';

/**
 * `npm test` runs 2,000 generated programs with a fixed seed (reproducible); `npm run fuzz [N]`
 * runs N (100,000 by default) with a fresh seed and prints the counts (scripts/fuzz.mjs).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const seed = process.env.FUZZ_SEED === undefined ? (process.env.FUZZ_RUNS ? undefined : 20261203) : Number(process.env.FUZZ_SEED);

describe('generated legacy programs', () => {
  it(`migrate keeps every request but the credentials (${runs} programs)`, async () => {
    const counts: FuzzCounts = { programs: 0, rewrites: 0, refusals: 0, failures: 0 };
    try {
      await checkRewriteProperty(runs, seed, counts);
    } finally {
      if (process.env.FUZZ_REPORT) process.stdout.write(`fuzz: ${counts.programs} programs, ${counts.rewrites} rewrites, ${counts.refusals} refusals, ${counts.failures} failures\n`);
    }
    expect(counts.failures).toBe(0);
    expect(counts.rewrites).toBeGreaterThan(runs / 2);
  }, 3_600_000);
});
