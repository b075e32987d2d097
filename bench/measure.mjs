// Runs one command and measures it: wall time, and peak RSS of its whole process tree (jscodeshift
// forks workers; ours runs threads in one process), sampled from /proc every 20 ms.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

function processTable() {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // gone already
    }
  }
  return parents;
}

function treeRss(rootPid) {
  const parents = processTable();
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) if (!tree.has(pid) && tree.has(parent)) tree.add(pid), (grew = true);
  }
  let pages = 0;
  for (const pid of tree) {
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // exited between the two reads
    }
  }
  return pages * PAGE;
}

/** Resolves with { code, wallMs, peakRssBytes, stdout, stderr }. */
export function measure(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 20);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      clearInterval(sampler);
      resolve({ code, wallMs, peakRssBytes: peak, stdout, stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
