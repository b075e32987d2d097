import { parentPort, workerData } from 'node:worker_threads';
import { isDeferred, processOrDefer, type FileOutcome, type FileTaskOptions } from './process-file.js';
import type { BatchRequest, BatchResponse } from './analysis-worker-protocol.js';

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
function isPlainUnchanged({ result, write, dependencies }: FileOutcome): boolean {
  if (write || dependencies || result.status !== 'unchanged') return false;
  return Object.entries(result).every(([key, value]) => key === 'file' || key === 'status' || !value || (Array.isArray(value) && value.length === 0));
}

port.on('message', async (request: BatchRequest) => {
  const outcomes: BatchResponse['outcomes'] = [];
  // `--cache`: a plain unchanged file still has a content hash to send; it travels beside the `null`.
  const hashes: (string | undefined)[] = [];
  for (const task of request.tasks) {
    const outcome = await processOrDefer(task, options, request.deferCandidates);
    const isPlain = !isDeferred(outcome) && isPlainUnchanged(outcome);
    outcomes.push(isPlain ? null : outcome);
    if (options.isHashing) hashes.push(isPlain ? (outcome as FileOutcome).hash : undefined);
  }
  const response: BatchResponse = { id: request.id, outcomes, ...(options.isHashing ? { hashes } : {}) };
  port.postMessage(response);
});
