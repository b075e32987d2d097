import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { tempFileOwner } from './write-atomic.js';

/** Is the process still running? (signal 0 only asks; EPERM means it runs under another user.) */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed migrate left beside the files it was writing (SIGKILL,
 * a power cut: the rename never came). Each holds a copy of a rewrite that never landed, so the
 * file it was for is still whole, old or new, and nothing is lost. A temporary file of a run
 * that is still going (another migrate at the same time) is left to it. Returns what was removed.
 */
export function removeStaleTemps(folders: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue; // gone or unreadable: its files were reported already
    }
    for (const name of names) {
      const owner = tempFileOwner(name);
      if (owner === undefined || (owner !== process.pid && isRunning(owner))) continue;
      try {
        unlinkSync(path.join(folder, name));
        removed.push(path.join(folder, name));
      } catch {
        // Removed by someone else meanwhile, or not ours to remove: either way not the run's business.
      }
    }
  }
  return removed;
}
