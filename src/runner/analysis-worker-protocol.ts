import type { Deferred, FileOutcome, FileTask } from './process-file.js';

/** What the pool sends a worker thread (analysis-worker-loop.ts). */
export interface BatchRequest {
  id: number;
  tasks: FileTask[];
  /** Answer with the text of candidate files (Deferred) instead of analysing them: the analyst thread will. */
  deferCandidates: boolean;
}

/** What a worker thread answers. */
export interface BatchResponse {
  id: number;
  /** `null` for a file without any prefilter anchor: the main thread knows that result by heart. */
  outcomes: (FileOutcome | null | Deferred)[];
  /** `--cache`: the content hash of each file sent as `null` (undefined for the others, whose outcome has its own). */
  hashes?: (string | undefined)[];
}
