import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFERRED, processFileTask, type FileOutcome, type FileTask, type FileTaskOptions } from './process-file.js';

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
  /** Answer DEFERRED for candidate files instead of analysing them: the analyst thread will. */
  deferCandidates: boolean;
}

export interface BatchResponse {
  id: number;
  /** `null` for a file without any prefilter anchor: the main thread knows that result by heart. */
  outcomes: (FileOutcome | null | typeof DEFERRED)[];
  /** `--cache`: the content hash of each file sent as `null` (undefined for the others, whose outcome has its own). */
  hashes?: (string | undefined)[];
}

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

/** Batches each worker holds at once: one being analysed, one waiting, so a worker never idles on a round trip. */
const BATCHES_IN_FLIGHT = 2;
const BATCH_SIZE = 32;
/** Candidates go to the analyst in small batches: each costs a parse, not just a read. */
const CANDIDATE_BATCH_SIZE = 4;
/**
 * While fewer candidates than this wait for the analyst, the other workers leave theirs to it;
 * past it they analyse their own and help with the queue (a tree full of legacy code keeps every
 * core parsing). About what a warm thread analyses in the time another would take to warm up.
 */
const ANALYST_BACKLOG = 64;

/**
 * Beside this module in dist/src/runner; from the CLI's bundle, which sits one folder up in
 * dist/src, in runner/.
 */
const WORKER_FILE = [new URL('./analysis-worker.js', import.meta.url), new URL('./runner/analysis-worker.js', import.meta.url)].map((url) => fileURLToPath(url)).find((file) => existsSync(file)) ?? '';

/** Worker threads run the built JavaScript; from TypeScript sources (tests importing `src/`), work in-band. */
export function canStartWorkers(): boolean {
  return WORKER_FILE !== '';
}

export function unchangedOutcome(task: FileTask): FileOutcome {
  return { result: { file: task.file, status: 'unchanged', findings: [], remaining: [], secrets: [] } };
}

function errorOutcome(task: FileTask, reason: string): FileOutcome {
  return { result: { file: task.file, status: 'error', reason, findings: [], remaining: [], secrets: [] } };
}

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

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, FileTask[]>;
  isDead: boolean;
}

/**
 * A pool of `jobs` worker threads. Files go out in batches (fewer messages than files; smaller
 * ones at the end, so that no worker is left alone with a long tail), outcomes come back per
 * batch and are handed on at once.
 *
 * The first worker is the analyst. The others only read and prefilter, and send the candidates
 * they find back (DEFERRED) to be queued for it: a thread pays ~0.4 s to load and warm up the
 * parsers on its first candidate, and in a typical tree the candidates are a few dozen files
 * that one warm thread analyses in less (bench corpus: 91 of 45,900 files, 0.5 s warm). When
 * the analyst falls behind (ANALYST_BACKLOG), every worker analyses what it reads.
 */
export function createWorkerPool(options: FileTaskOptions, jobs: number, onOutcome: OutcomeHandler, signal?: AbortSignal): AnalysisPool {
  const workers: PoolWorker[] = [];
  const queue: FileTask[] = [];
  let queueStart = 0;
  // Candidates that other workers read and left to the analyst (workers[0]).
  const candidates: FileTask[] = [];
  let nextId = 0;
  // Batches sent whose outcomes are not all handled yet: the run is over when none is left.
  let unhandledBatches = 0;
  let isEnded = false;
  let isDone = false;
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  // Outcomes are handled one after another: the handler writes files, and a write must
  // finish before the next begins, so an interrupt finds no half-done work.
  let handling: Promise<void> = Promise.resolve();

  const finish = () => {
    if (isDone) return;
    isDone = true;
    for (const entry of workers) entry.inFlight.clear();
    signal?.removeEventListener('abort', finish);
    void handling.then(settle);
  };
  signal?.addEventListener('abort', finish, { once: true });

  const isComplete = () => isEnded && unhandledBatches === 0 && queueStart >= queue.length && candidates.length === 0;

  const handleBatch = (tasks: readonly FileTask[], outcomes: readonly (FileOutcome | null)[]) => {
    handling = handling.then(async () => {
      for (let i = 0; i < tasks.length; i++) {
        if (isDone) return;
        await onOutcome(tasks[i]!, outcomes[i] ?? unchangedOutcome(tasks[i]!));
      }
      unhandledBatches--;
      if (isComplete()) finish();
    });
  };

  const send = (entry: PoolWorker, batch: FileTask[], deferCandidates: boolean) => {
    const id = nextId++;
    entry.inFlight.set(id, batch);
    unhandledBatches++;
    entry.worker.postMessage({ id, tasks: batch, deferCandidates } satisfies BatchRequest);
  };

  const dispatch = (entry: PoolWorker) => {
    const isAnalyst = entry === workers[0];
    while (!isDone && !entry.isDead && entry.inFlight.size < BATCHES_IN_FLIGHT) {
      // The analyst takes candidates first; another worker only helps with a long backlog.
      if (candidates.length > 0 && (isAnalyst || candidates.length >= ANALYST_BACKLOG)) {
        send(entry, candidates.splice(0, CANDIDATE_BATCH_SIZE), false);
        continue;
      }
      const waiting = queue.length - queueStart;
      // While discovery runs, only full batches go out; at the end, smaller ones share the tail.
      const size = isEnded ? Math.min(BATCH_SIZE, Math.max(1, Math.ceil(waiting / (jobs * BATCHES_IN_FLIGHT)))) : BATCH_SIZE;
      if (waiting === 0 || (!isEnded && waiting < size)) return;
      const batch = queue.slice(queueStart, queueStart + size);
      queueStart += batch.length;
      // Drop handed-out tasks now and then, so the queue does not hold the whole tree.
      if (queueStart > 4096) queue.splice(0, queueStart), (queueStart = 0);
      send(entry, batch, !isAnalyst && candidates.length < ANALYST_BACKLOG);
    }
  };

  const spawn = (): PoolWorker => {
    const entry: PoolWorker = { worker: new Worker(WORKER_FILE, { workerData: options }), inFlight: new Map(), isDead: false };
    entry.worker.on('message', (response: BatchResponse) => {
      const batch = entry.inFlight.get(response.id);
      if (!batch) return;
      entry.inFlight.delete(response.id);
      const tasks: FileTask[] = [];
      const outcomes: (FileOutcome | null)[] = [];
      batch.forEach((task, i) => {
        const outcome = response.outcomes[i] ?? null;
        const hash = response.hashes?.[i];
        if (outcome === DEFERRED) candidates.push(task);
        else tasks.push(task), outcomes.push(outcome === null && hash !== undefined ? { ...unchangedOutcome(task), hash } : outcome);
      });
      handleBatch(tasks, outcomes);
      if (tasks.length < batch.length && entry !== workers[0]) dispatch(workers[0]!);
      dispatch(entry);
    });
    // A worker that dies (out of memory, a native crash) fails its own files only; a fresh one takes over.
    const onDeath = (reason: string) => {
      if (isDone || entry.isDead) return;
      entry.isDead = true;
      const lost = [...entry.inFlight.values()];
      entry.inFlight.clear();
      for (const batch of lost) handleBatch(batch, batch.map((task) => errorOutcome(task, `the analysis worker stopped: ${reason}`)));
      const replacement = spawn();
      workers[workers.indexOf(entry)] = replacement;
      dispatch(replacement);
    };
    entry.worker.on('error', (error) => onDeath(error.message.split('\n')[0] ?? 'error'));
    entry.worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return entry;
  };
  for (let i = 0; i < jobs; i++) workers.push(spawn());

  return {
    push(task) {
      queue.push(task);
      if (queue.length - queueStart >= BATCH_SIZE) for (const entry of workers) dispatch(entry);
    },
    end() {
      isEnded = true;
      if (isComplete()) finish();
      else for (const entry of workers) dispatch(entry);
      return done;
    },
    async close() {
      isDone = true;
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}

/**
 * The pool `run` uses: `jobs` worker threads (default: the available cores), in-band for
 * `--jobs 1`, or when the run ends before `inBandBelow` files were found and no `--jobs` was
 * given (starting threads would cost more than the analysis they would share).
 */
export function createAnalysisPool(
  options: FileTaskOptions,
  settings: { jobs?: number; defaultJobs: number; inBandBelow: number },
  onOutcome: OutcomeHandler,
  signal?: AbortSignal,
): AnalysisPool {
  const jobs = settings.jobs ?? settings.defaultJobs;
  const inBand = () => createInBandPool(options, onOutcome, signal);
  if (jobs <= 1 || !canStartWorkers()) return inBand();
  const workers = () => createWorkerPool(options, jobs, onOutcome, signal);
  if (settings.jobs !== undefined) return workers();
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
      if (buffered.length >= settings.inBandBelow) pool = flushInto(workers());
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
