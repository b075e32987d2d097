import { parentPort, workerData } from 'node:worker_threads';
import { processFileTask, type FileTaskOptions } from './process-file.js';
import type { BatchRequest, BatchResponse } from './worker-pool.js';

/**
 * A worker thread of the analysis pool: takes batches of files, answers with their outcomes.
 * It reads and analyses; it never writes (the runner on the main thread is the only writer).
 */
const options = workerData as FileTaskOptions;
const port = parentPort!;

port.on('message', async (request: BatchRequest) => {
  const outcomes = [];
  for (const task of request.tasks) outcomes.push(await processFileTask(task, options));
  const response: BatchResponse = { id: request.id, outcomes };
  port.postMessage(response);
});
