#!/usr/bin/env node
// `npm run fuzz [N]`: N generated legacy programs (100,000 by default) through migrate and the
// request oracle (test/fuzz/), split across the machine's cores, each slice with its own seed.
// Prints the seeds (rerun one with FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz) and the totals.
import { spawn } from 'node:child_process';
import os from 'node:os';

const total = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(total) || total < 1) {
  console.error(`fuzz: the count must be a whole number, got ${process.argv[2]}`);
  process.exit(2);
}
const jobs = Math.max(1, Math.min(os.availableParallelism(), total));
const baseSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const started = Date.now();

function slice(index) {
  const runs = Math.floor(total / jobs) + (index < total % jobs ? 1 : 0);
  const seed = (baseSeed + index * 7919) % 2_147_483_647;
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', 'test/fuzz/rewrite-property.test.ts'], {
      env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_REPORT: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output, runs, seed }));
  });
}

const results = await Promise.all(Array.from({ length: jobs }, (_, i) => slice(i)));
const sum = { programs: 0, rewrites: 0, refusals: 0, failures: 0 };
for (const result of results) {
  const line = /fuzz: (\d+) programs, (\d+) rewrites, (\d+) refusals, (\d+) failures/.exec(result.output);
  console.log(`slice seed ${result.seed}: ${line ? line[0].slice(6) : 'no count printed'}`);
  if (line) {
    sum.programs += Number(line[1]);
    sum.rewrites += Number(line[2]);
    sum.refusals += Number(line[3]);
    sum.failures += Number(line[4]);
  }
  if (result.code !== 0) process.stdout.write(result.output);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`fuzz: ${sum.programs} programs, ${sum.rewrites} rewrites, ${sum.refusals} refusals, ${sum.failures} failures (${jobs} slices, ${seconds} s)`);
process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
