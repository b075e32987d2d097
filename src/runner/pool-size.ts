import { availableParallelism } from 'node:os';

/**
 * Below this many files, starting worker threads costs more than the reading they would share:
 * each thread loads the analysis and warms up its parsers, and a tree this size has few
 * candidates (bench/RESULTS.md has the measurements).
 */
export const IN_BAND_BELOW = 8000;

/** How the files are analysed: on the main thread, on `threads` workers, or decided by the file count. */
export type PoolPlan =
  | { kind: 'in-band' }
  | { kind: 'workers'; threads: number }
  /** No --jobs: workers once `inBandBelow` files are found, in-band for a run that ends before. */
  | { kind: 'by-count'; threads: number; inBandBelow: number };

/**
 * The one place the pool's size is decided: `--jobs` as given (1 is in-band), else the available
 * cores for a big tree and in-band for a small one. Without built workers (tests importing `src/`)
 * everything runs in-band.
 */
export function planPool(jobs: number | undefined, canStartWorkers: boolean): PoolPlan {
  const threads = jobs ?? availableParallelism();
  if (threads <= 1 || !canStartWorkers) return { kind: 'in-band' };
  if (jobs !== undefined) return { kind: 'workers', threads };
  return { kind: 'by-count', threads, inBandBelow: IN_BAND_BELOW };
}
