import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { processFileTask, type FileOutcome, type FileTask, type FileTaskOptions } from './process-file.js';

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
}

export interface BatchResponse {
  id: number;
  outcomes: FileOutcome[];
}

/** Called once per file as its outcome arrives (in no particular order); the next outcome waits for it. */
export type OutcomeHandler = (index: number, outcome: FileOutcome) => void | Promise<void>;

export interface AnalysisPool {
  /**
   * Analyses the tasks and streams each outcome to `onOutcome`: nothing is kept here, so memory
   * stays bounded by the batches in flight. Resolves when every outcome was handled, or soon
   * after `signal` aborts (the outcome being handled finishes; the rest are dropped).
   */
  analyze(tasks: readonly FileTask[], onOutcome: OutcomeHandler, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** Batches each worker holds at once: one being analysed, one waiting, so a worker never idles on a round trip. */
const BATCHES_IN_FLIGHT = 2;
const MAX_BATCH = 64;

const WORKER_FILE = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));

/** Worker threads run the built JavaScript; from TypeScript sources (tests importing `src/`), work in-band. */
export function canStartWorkers(): boolean {
  return existsSync(WORKER_FILE);
}

function errorOutcome(task: FileTask, reason: string): FileOutcome {
  return { result: { file: task.file, status: 'error', reason, findings: [], remaining: [], secrets: [] } };
}

/** `--jobs 1`: the same per-file work on the main thread, yielding between files for signals and progress. */
export function createInBandPool(options: FileTaskOptions): AnalysisPool {
  return {
    async analyze(tasks, onOutcome, signal) {
      for (let index = 0; index < tasks.length; index++) {
        if (signal?.aborted) return;
        await onOutcome(index, await processFileTask(tasks[index]!, options));
        if (index % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {},
  };
}

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, { start: number; tasks: FileTask[] }>;
  isDead: boolean;
}

/**
 * A pool of `jobs` worker threads. Files go out in batches (fewer messages than files, small
 * enough to balance the load at the end); outcomes come back per batch and are handed on at once.
 */
export function createWorkerPool(options: FileTaskOptions, jobs: number): AnalysisPool {
  const workers: PoolWorker[] = [];
  const spawn = (): PoolWorker => {
    return { worker: new Worker(WORKER_FILE, { workerData: options }), inFlight: new Map(), isDead: false };
  };
  for (let i = 0; i < jobs; i++) workers.push(spawn());

  return {
    analyze(tasks, onOutcome, signal) {
      return new Promise<void>((resolve) => {
        const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(tasks.length / (jobs * 8))));
        let next = 0;
        let nextId = 0;
        // Batches sent whose outcomes are not all handled yet: the run is over when none is left.
        let unhandledBatches = 0;
        let isDone = false;
        // Outcomes are handled one after another: the handler writes files, and a write
        // must finish before the next begins so an interrupt finds no half-done work.
        let handling: Promise<void> = Promise.resolve();

        const finish = () => {
          if (isDone) return;
          isDone = true;
          for (const entry of workers) {
            entry.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
            entry.inFlight.clear();
          }
          signal?.removeEventListener('abort', onAbort);
          void handling.then(resolve);
        };
        const onAbort = () => finish();
        signal?.addEventListener('abort', onAbort, { once: true });

        const handleBatch = (start: number, outcomes: readonly FileOutcome[]) => {
          handling = handling.then(async () => {
            for (let i = 0; i < outcomes.length; i++) {
              if (isDone) return;
              await onOutcome(start + i, outcomes[i]!);
            }
            unhandledBatches--;
            if (unhandledBatches === 0 && next >= tasks.length) finish();
          });
        };

        const dispatch = (entry: PoolWorker) => {
          while (!isDone && !signal?.aborted && entry.inFlight.size < BATCHES_IN_FLIGHT && next < tasks.length) {
            const start = next;
            const batch = tasks.slice(start, start + size);
            next += batch.length;
            const id = nextId++;
            entry.inFlight.set(id, { start, tasks: batch });
            unhandledBatches++;
            entry.worker.postMessage({ id, tasks: batch } satisfies BatchRequest);
          }
        };

        const listen = (entry: PoolWorker) => {
          entry.worker.on('message', (response: BatchResponse) => {
            const batch = entry.inFlight.get(response.id);
            if (!batch) return;
            entry.inFlight.delete(response.id);
            handleBatch(batch.start, response.outcomes);
            dispatch(entry);
          });
          // A worker that dies (out of memory, a native crash) fails its own files only; a fresh one takes over.
          const onDeath = (reason: string) => {
            if (isDone || entry.isDead) return;
            entry.isDead = true;
            const lost = [...entry.inFlight.values()];
            entry.inFlight.clear();
            for (const batch of lost) handleBatch(batch.start, batch.tasks.map((task) => errorOutcome(task, `the analysis worker stopped: ${reason}`)));
            const replacement = spawn();
            workers[workers.indexOf(entry)] = replacement;
            listen(replacement);
            dispatch(replacement);
          };
          entry.worker.on('error', (error) => onDeath(error.message.split('\n')[0] ?? 'error'));
          entry.worker.on('exit', (code) => onDeath(`exit code ${code}`));
        };

        if (tasks.length === 0) return finish();
        for (const entry of workers) {
          listen(entry);
          dispatch(entry);
        }
      });
    },
    async close() {
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}
