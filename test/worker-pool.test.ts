import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';
import { createBatchQueue } from '../src/runner/batch-queue.js';
import { MAX_RESPAWNS } from '../src/runner/pool-threads.js';
import { planPool } from '../src/runner/pool-size.js';
import type { FileOutcome, FileTask, FileTaskOptions } from '../src/runner/process-file.js';
import { createWorkerPool } from '../src/runner/worker-pool.js';

const DYING = fileURLToPath(new URL('./helpers/dying-worker.mjs', import.meta.url));
const OPTIONS: FileTaskOptions = { command: 'check', core: resolveOptions({}), limits: { maxBytes: 1024, maxLineLength: 100 } };
const tasks = (count: number): FileTask[] => Array.from({ length: count }, (_, i) => ({ absolute: `/nowhere/f${i}.js`, file: `f${i}.js` }));

describe('worker pool', () => {
  it('workers that keep dying are replaced a few times, then every file is reported as an error and the run ends', async () => {
    const seen = new Map<string, FileOutcome>();
    const pool = createWorkerPool(OPTIONS, 2, (task, outcome) => void seen.set(task.file, outcome), undefined, DYING);
    for (const task of tasks(500)) pool.push(task);
    await pool.end();
    await pool.close();
    expect(seen.size).toBe(500);
    const reasons = new Set([...seen.values()].map(({ result }) => `${result.status}: ${result.reason}`));
    for (const reason of reasons) expect(reason).toMatch(/^error: (the analysis worker stopped: exit code 3|not analysed: the analysis workers kept stopping \(exit code 3, 3 times replaced\); run again with --jobs 1)$/);
    expect([...reasons].some((reason) => reason.includes('not analysed'))).toBe(true);
    expect(MAX_RESPAWNS).toBe(3);
  });

  it('a pool whose workers died with discovery still running ends too', async () => {
    const seen: string[] = [];
    const pool = createWorkerPool(OPTIONS, 1, (task) => void seen.push(task.file), undefined, DYING);
    for (const task of tasks(40)) pool.push(task);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const task of tasks(80).slice(40)) pool.push(task);
    await pool.end();
    await pool.close();
    expect(seen.sort()).toEqual(tasks(80).map((task) => task.file).sort());
  });
});

describe('pool size (the one place it is decided)', () => {
  it('--jobs 1 and a run without built workers are in-band; --jobs n is n workers; no --jobs waits for the file count', () => {
    expect(planPool(1, true)).toEqual({ kind: 'in-band' });
    expect(planPool(4, false)).toEqual({ kind: 'in-band' });
    expect(planPool(3, true)).toEqual({ kind: 'workers', threads: 3 });
    const plan = planPool(undefined, true);
    expect(['in-band', 'by-count']).toContain(plan.kind);
  });
});

describe('batch queue', () => {
  it('hands out full batches while discovery runs, and the tail in smaller ones after', () => {
    const queue = createBatchQueue();
    for (const task of tasks(40)) queue.push(task);
    expect(queue.next(true, 2)?.tasks).toHaveLength(32);
    expect(queue.next(true, 2)).toBeUndefined();
    queue.end();
    expect(queue.next(true, 2)?.tasks).toHaveLength(2);
    queue.defer(tasks(1)[0]!);
    expect(queue.next(false, 2)?.tasks.length).toBe(2);
    expect(queue.next(true, 2)).toEqual({ tasks: [tasks(1)[0]], deferCandidates: false });
  });
});
