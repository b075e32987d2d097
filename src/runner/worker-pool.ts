import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyResult } from './empty-result.js';
import type { BatchResponse } from './analysis-worker-protocol.js';
import { BATCHES_IN_FLIGHT, createBatchQueue } from './batch-queue.js';
import { planPool } from './pool-size.js';
import { startPoolThreads, type PoolThread } from './pool-threads.js';
import { isDeferred, processFileTask, type FileOutcome, type FileTask, type FileTaskOptions } from './process-file.js';

export type { BatchRequest, BatchResponse } from './analysis-worker-protocol.js';

/** Called once per file as its outcome arrives (in no particular order); the next outcome waits for it. */
export type OutcomeHandler = (task: FileTask, outcome: FileOutcome) => void | Promise<void>;

/**
 * Files go in as discovery finds them (`push`), outcomes stream out to the handler given to
 * `start`: nothing is kept here, so memory stays bounded by the batches in flight, and the
 * walk of a big tree overlaps the reading and parsing of what it has found so far.
 */
export interface AnalysisPool {
  push(task: FileTask): void;
  /**
   * No more files: resolves when every outcome was handled, or soon after `signal` aborts (the
   * outcome being handled finishes; the rest are dropped).
   */
  end(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Beside this module in dist/src/runner; from the CLI's bundle, which sits one folder up in
 * dist/src, in runner/.
 */
const WORKER_FILE = [new URL('./analysis-worker.js', import.meta.url), new URL('./runner/analysis-worker.js', import.meta.url)].map((url) => fileURLToPath(url)).find((file) => existsSync(file)) ?? '';

/** Worker threads run the built JavaScript; from TypeScript sources (tests importing `src/`), work in-band. */
export function canStartWorkers(): boolean {
  return WORKER_FILE !== '';
}

const errorOutcome = (task: FileTask, reason: string): FileOutcome => ({ result: emptyResult(task.file, 'error', reason) });

/** `--jobs 1`: the same per-file work on the main thread, once discovery is done, yielding now and then for signals. */
export function createInBandPool(options: FileTaskOptions, onOutcome: OutcomeHandler, signal?: AbortSignal): AnalysisPool {
  const tasks: FileTask[] = [];
  return {
    push: (task) => void tasks.push(task),
    async end() {
      for (let index = 0; index < tasks.length; index++) {
        if (signal?.aborted) return;
        await onOutcome(tasks[index]!, await processFileTask(tasks[index]!, options));
        if (index % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {},
  };
}

/**
 * A pool of `jobs` worker threads. Files go out in batches (fewer messages than files; smaller
 * ones at the end, so that no worker is left alone with a long tail), outcomes come back per
 * batch and are handed on at once.
 *
 * The first worker is the analyst. The others only read and prefilter, and send the candidates
 * they find back, with their text, to be queued for it: every thread that analyses pays the load
 * and warm-up of the parsers on its first candidate, and in a typical tree the candidates are a
 * few dozen files that one warm thread analyses before a second one would be warm. When the analyst falls behind, every worker analyses
 * what it reads (batch-queue.ts). A worker that dies fails its own files only, and is replaced a
 * few times (pool-threads.ts); when none is left, the files not analysed yet are reported as
 * errors with the reason, and the run ends.
 * `workerFile` is for tests (a worker that dies); the built analysis worker otherwise.
 */
export function createWorkerPool(options: FileTaskOptions, jobs: number, onOutcome: OutcomeHandler, signal?: AbortSignal, workerFile = WORKER_FILE): AnalysisPool {
  const queue = createBatchQueue();
  // Batches sent whose outcomes are not all handled yet: the run is over when none is left.
  let unhandledBatches = 0;
  let isDone = false;
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  // Outcomes are handled one after another: the handler writes files, and a write must
  // finish before the next begins, so an interrupt finds no half-done work.
  let handling: Promise<void> = Promise.resolve();

  const finish = () => {
    if (isDone) return;
    isDone = true;
    for (const thread of threads.live()) thread.inFlight.clear();
    signal?.removeEventListener('abort', finish);
    void handling.then(settle);
  };
  signal?.addEventListener('abort', finish, { once: true });
  const isComplete = () => queue.isEnded() && unhandledBatches === 0 && queue.isEmpty() && threads.live().every((thread) => thread.inFlight.size === 0);

  const handleBatch = (tasks: readonly FileTask[], outcomes: readonly FileOutcome[]) => {
    unhandledBatches++;
    handling = handling.then(async () => {
      for (let i = 0; i < tasks.length; i++) {
        if (isDone) return;
        await onOutcome(tasks[i]!, outcomes[i]!);
      }
      unhandledBatches--;
      if (isComplete()) finish();
    });
  };

  // No worker left: what nobody will analyse is reported, so the run ends instead of waiting.
  const failRest = () => {
    const reason = threads.gaveUp();
    if (reason === undefined) return;
    const rest = queue.drain();
    if (rest.length > 0) handleBatch(rest, rest.map((task) => errorOutcome(task, `not analysed: the analysis workers kept stopping (${reason}); run again with --jobs 1`)));
  };

  const dispatch = (thread: PoolThread) => {
    while (!isDone && !thread.isDead && thread.inFlight.size < BATCHES_IN_FLIGHT) {
      const batch = queue.next(thread === threads.live()[0], threads.live().length);
      if (!batch) return;
      threads.send(thread, batch);
    }
  };
  const dispatchAll = () => {
    for (const thread of threads.live()) dispatch(thread);
    failRest();
  };

  const onAnswer = (thread: PoolThread, batch: FileTask[], response: BatchResponse) => {
    const tasks: FileTask[] = [];
    const outcomes: FileOutcome[] = [];
    batch.forEach((task, i) => {
      const outcome = response.outcomes[i] ?? null;
      const hash = response.hashes?.[i];
      if (isDeferred(outcome)) return queue.defer({ absolute: task.absolute, file: task.file, read: outcome.deferred });
      // The text goes no further than the analyst.
      tasks.push(task.read ? { absolute: task.absolute, file: task.file } : task);
      outcomes.push(outcome ?? { result: emptyResult(task.file), ...(hash !== undefined ? { hash } : {}) });
    });
    handleBatch(tasks, outcomes);
    const analyst = threads.live()[0];
    if (tasks.length < batch.length && analyst && thread !== analyst) dispatch(analyst);
    dispatch(thread);
  };
  const threads = startPoolThreads(workerFile, options, jobs, {
    onAnswer,
    onLost: (tasks, reason) => handleBatch(tasks, tasks.map((task) => errorOutcome(task, reason))),
    // The analyst may have been the one that died: whoever is first now takes the candidates;
    // with no worker left, failRest reports the rest.
    onShrunk: dispatchAll,
  });

  return {
    push(task) {
      if (queue.push(task)) dispatchAll();
    },
    end() {
      queue.end();
      if (isComplete()) finish();
      else dispatchAll();
      return done;
    },
    async close() {
      isDone = true;
      await threads.terminate();
    },
  };
}

/**
 * The pool `run` uses, as pool-size.ts plans it: in-band, `threads` workers, or workers only once
 * the walk has found enough files to pay for them.
 */
export function createAnalysisPool(options: FileTaskOptions, jobs: number | undefined, onOutcome: OutcomeHandler, signal?: AbortSignal): AnalysisPool {
  const plan = planPool(jobs, canStartWorkers());
  const inBand = () => createInBandPool(options, onOutcome, signal);
  if (plan.kind === 'in-band') return inBand();
  const workers = () => createWorkerPool(options, plan.threads, onOutcome, signal);
  if (plan.kind === 'workers') return workers();
  let pool: AnalysisPool | undefined;
  let buffered: FileTask[] = [];
  const flushInto = (target: AnalysisPool) => {
    for (const task of buffered) target.push(task);
    buffered = [];
    return target;
  };
  return {
    push(task) {
      if (pool) return pool.push(task);
      buffered.push(task);
      if (buffered.length >= plan.inBandBelow) pool = flushInto(workers());
    },
    end() {
      pool ??= flushInto(inBand());
      return pool.end();
    },
    async close() {
      await pool?.close();
    },
  };
}
