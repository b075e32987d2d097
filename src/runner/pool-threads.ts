import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse } from './analysis-worker-protocol.js';
import type { Batch } from './batch-queue.js';
import type { FileTask, FileTaskOptions } from './process-file.js';

/**
 * How many times the pool replaces a worker that died (out of memory, a native crash) before it
 * stops replacing them: a crash that every fresh worker meets again (a parser bug on one file, a
 * memory limit every thread hits) must end the run with its files reported, never loop forever.
 */
export const MAX_RESPAWNS = 3;

/**
 * Each worker's young generation, in MB. V8 sizes it for a main thread that allocates much and
 * lives long; a worker's allocations are one file's text or AST at a time, dead by the next file,
 * so a small nursery costs no more scavenging time and keeps each thread's resident memory down
 * (bench/RESULTS.md has the measurements).
 */
const YOUNG_GENERATION_MB = 4;

export interface PoolThread {
  worker: Worker;
  /** Batches sent and not answered yet, by id. */
  inFlight: Map<number, FileTask[]>;
  isDead: boolean;
}

export interface PoolThreadEvents {
  /** A worker answered a batch it was sent (`tasks`, in the order they went). */
  onAnswer(thread: PoolThread, tasks: FileTask[], response: BatchResponse): void;
  /** A worker died: the batches it held are lost (their files are reported as errors). */
  onLost(tasks: FileTask[], reason: string): void;
  /** A worker died, after its lost batches were reported: a fresh one took its place (idle), or none did. */
  onShrunk(): void;
}

export interface PoolThreads {
  /** The live workers; the first is the analyst (worker-pool.ts says why). */
  live(): PoolThread[];
  send(thread: PoolThread, batch: Batch): void;
  /** Why the last worker died, once no live worker is left and none will be replaced. */
  gaveUp(): string | undefined;
  terminate(): Promise<void>;
}

/**
 * The worker threads of the pool and their lifecycle: start, answer routing, death. A dead worker
 * is replaced at most MAX_RESPAWNS times over the pool's life; after that the pool goes on with
 * the workers it has left, and when none is left `gaveUp` says why.
 */
export function startPoolThreads(file: string, options: FileTaskOptions, count: number, events: PoolThreadEvents): PoolThreads {
  const threads: PoolThread[] = [];
  let nextId = 0;
  let respawns = 0;
  let lastDeath: string | undefined;
  let isClosed = false;

  const spawn = (): PoolThread => {
    const thread: PoolThread = { worker: new Worker(file, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), inFlight: new Map(), isDead: false };
    thread.worker.on('message', (response: BatchResponse) => {
      const tasks = thread.inFlight.get(response.id);
      if (!tasks) return;
      thread.inFlight.delete(response.id);
      events.onAnswer(thread, tasks, response);
    });
    const onDeath = (reason: string) => {
      if (isClosed || thread.isDead) return;
      thread.isDead = true;
      lastDeath = reason;
      const lost = [...thread.inFlight.values()];
      thread.inFlight.clear();
      const index = threads.indexOf(thread);
      const isReplaced = respawns < MAX_RESPAWNS;
      if (isReplaced) respawns++;
      const replacement = isReplaced ? spawn() : undefined;
      if (replacement) threads[index] = replacement;
      else threads.splice(index, 1);
      for (const tasks of lost) events.onLost(tasks, `the analysis worker stopped: ${reason}`);
      events.onShrunk();
    };
    thread.worker.on('error', (error) => onDeath(error.message.split('\n')[0] ?? 'error'));
    thread.worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return thread;
  };
  for (let i = 0; i < count; i++) threads.push(spawn());

  return {
    live: () => threads,
    send(thread, batch) {
      const id = nextId++;
      thread.inFlight.set(id, batch.tasks);
      thread.worker.postMessage({ id, ...batch } satisfies BatchRequest);
    },
    gaveUp: () => (threads.length === 0 ? `${lastDeath ?? 'unknown'}, ${MAX_RESPAWNS} times replaced` : undefined),
    async terminate() {
      isClosed = true;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
