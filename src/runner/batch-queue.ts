import type { FileTask } from './process-file.js';

/** Batches each worker holds at once: one being analysed, one waiting, so a worker never idles on a round trip. */
export const BATCHES_IN_FLIGHT = 2;
const BATCH_SIZE = 32;
/** Candidates go to the analyst in small batches: each costs a parse, not just a read. */
const CANDIDATE_BATCH_SIZE = 4;
/**
 * While fewer candidates than this wait for the analyst, the other workers leave theirs to it;
 * past it they analyse their own and help with the queue (a tree full of legacy code keeps every
 * core parsing). About what a warm thread analyses in the time another would take to warm up.
 */
const ANALYST_BACKLOG = 64;

export interface Batch {
  tasks: FileTask[];
  /** Answer with the text of candidate files instead of analysing them: the analyst thread will. */
  deferCandidates: boolean;
}

/**
 * The files waiting for a worker: those discovery found, and the candidates other workers read
 * and left to the analyst. Decides what the next batch of a worker is; knows nothing of threads.
 */
export interface BatchQueue {
  /** A file found; true when a full batch is waiting (time to hand batches out). */
  push(task: FileTask): boolean;
  /** A candidate a worker read and left to the analyst. */
  defer(task: FileTask): void;
  /** Discovery is over: smaller batches share the tail. */
  end(): void;
  isEnded(): boolean;
  isEmpty(): boolean;
  /** The next batch for a worker (`isAnalyst`: the one that parses), or undefined when none should go now. */
  next(isAnalyst: boolean, workers: number): Batch | undefined;
  /** Everything not handed out yet, emptied: when no worker is left to take it. */
  drain(): FileTask[];
}

export function createBatchQueue(): BatchQueue {
  const queue: FileTask[] = [];
  let queueStart = 0;
  const candidates: FileTask[] = [];
  let isEnded = false;
  return {
    push(task) {
      queue.push(task);
      return queue.length - queueStart >= BATCH_SIZE;
    },
    defer: (task) => void candidates.push(task),
    end: () => void (isEnded = true),
    isEnded: () => isEnded,
    isEmpty: () => queueStart >= queue.length && candidates.length === 0,
    next(isAnalyst, workers) {
      // The analyst takes candidates first; another worker only helps with a long backlog.
      if (candidates.length > 0 && (isAnalyst || candidates.length >= ANALYST_BACKLOG)) return { tasks: candidates.splice(0, CANDIDATE_BATCH_SIZE), deferCandidates: false };
      const waiting = queue.length - queueStart;
      // While discovery runs, only full batches go out; at the end, smaller ones share the tail.
      const size = isEnded ? Math.min(BATCH_SIZE, Math.max(1, Math.ceil(waiting / (workers * BATCHES_IN_FLIGHT)))) : BATCH_SIZE;
      if (waiting === 0 || (!isEnded && waiting < size)) return undefined;
      const tasks = queue.slice(queueStart, queueStart + size);
      queueStart += tasks.length;
      // Drop handed-out tasks now and then, so the queue does not hold the whole tree.
      if (queueStart > 4096) queue.splice(0, queueStart), (queueStart = 0);
      return { tasks, deferCandidates: !isAnalyst && workers > 1 && candidates.length < ANALYST_BACKLOG };
    },
    drain() {
      const rest = [...queue.slice(queueStart), ...candidates];
      queue.length = 0;
      queueStart = 0;
      candidates.length = 0;
      return rest;
    },
  };
}
