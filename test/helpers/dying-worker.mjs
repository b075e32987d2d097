// A stand-in analysis worker that dies on its first batch, as one out of memory would:
// test/worker-pool.test.ts checks that the pool reports the files and ends.
import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(3));
