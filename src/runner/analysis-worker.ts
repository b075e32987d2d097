import { parentPort, workerData } from 'node:worker_threads';
import { DEFERRED, processOrDefer, type FileOutcome, type FileTaskOptions } from './process-file.js';
import type { BatchRequest, BatchResponse } from './worker-pool.js';

/**
 * A worker thread of the analysis pool: takes batches of files, answers with their outcomes.
 * It reads and analyses; it never writes (the runner on the main thread is the only writer).
 */
const options = workerData as FileTaskOptions;
const port = parentPort!;

/**
 * Unchanged with nothing to say (every other field empty, whatever fields later results gain):
 * sent as `null`, most files of a tree are, and rebuilt by the pool.
 */
function isPlainUnchanged({ result, write }: FileOutcome): boolean {
  if (write || result.status !== 'unchanged') return false;
  return Object.entries(result).every(([key, value]) => key === 'file' || key === 'status' || !value || (Array.isArray(value) && value.length === 0));
}

port.on('message', async (request: BatchRequest) => {
  const outcomes: BatchResponse['outcomes'] = [];
  for (const task of request.tasks) {
    const outcome = await processOrDefer(task, options, request.deferCandidates);
    outcomes.push(outcome === DEFERRED ? DEFERRED : isPlainUnchanged(outcome) ? null : outcome);
  }
  const response: BatchResponse = { id: request.id, outcomes };
  port.postMessage(response);
});
