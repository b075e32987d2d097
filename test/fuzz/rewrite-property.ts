import fc from 'fast-check';
import { migrateSource } from '../../src/core/migrate-source.js';
import { compareRuns } from '../oracle/equivalence.js';
import { runModule } from '../oracle/run-module.js';
import { legacyProgram, programSource } from './legacy-programs.js';

export interface FuzzCounts {
  programs: number;
  rewrites: number;
  refusals: number;
  failures: number;
}

/**
 * The property: migrate's output of a generated legacy program sends the same requests but for
 * the credentials (the oracle), parses, and is a fixed point; a program left as it was passes only
 * where a finding says why. Throws fast-check's report (seed, path, shrunk program) on failure.
 */
export async function checkRewriteProperty(runs: number, seed: number | undefined, counts: FuzzCounts): Promise<void> {
  await fc.assert(
    fc.asyncProperty(legacyProgram, async (program) => {
      counts.programs++;
      const source = programSource(program);
      const result = migrateSource(source, { filePath: 'legacy.js' });
      if (result.refusedReason) throw new Error(`refused: ${result.refusedReason}\n${source}`);
      const isRefused = !result.changed;
      const isExplained = result.findings.some((finding) => finding.severity === 'error' && !finding.fixable);
      const before = await runModule(source, 'legacy.js', { isPlainScript: true });
      const after = await runModule(result.output, 'legacy.js', { isPlainScript: true });
      const differences = compareRuns(before, after, isRefused && isExplained);
      if (differences.length > 0 || before.requests.length === 0) {
        counts.failures++;
        throw new Error(`${JSON.stringify(differences, null, 1)}\n--- input\n${source}--- output\n${result.output}`);
      }
      const twice = migrateSource(result.output, { filePath: 'legacy.js' });
      if (twice.changed) throw new Error(`a second run changed the output\n${result.output}--- second\n${twice.output}`);
      if (isRefused) counts.refusals++;
      else counts.rewrites++;
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }), verbose: 1 },
  );
}
