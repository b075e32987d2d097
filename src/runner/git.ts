import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitError extends Error {}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function existingDir(p: string): Promise<string> {
  const info = await stat(p).catch(() => undefined);
  return info?.isDirectory() ? p : path.dirname(p);
}

/** The work tree containing `p`, or undefined outside git (or when git is not installed). */
export async function workTreeRoot(p: string): Promise<string | undefined> {
  try {
    const root = (await git(await existingDir(p), ['rev-parse', '--show-toplevel'])).trim();
    return root || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Uncommitted changes (staged, unstaged, untracked) under the given paths, as git prints them.
 * Migrate refuses to write over them: git would be the only way back, and it has no copy.
 */
export async function uncommittedChanges(paths: readonly string[], cwd: string): Promise<string[]> {
  const changes: string[] = [];
  const byRoot = new Map<string, string[]>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    const root = await workTreeRoot(absolute);
    if (!root) continue;
    byRoot.set(root, [...(byRoot.get(root) ?? []), absolute]);
  }
  for (const [root, absolutes] of byRoot) {
    // NUL-separated so that names with spaces, quotes or newlines come through unmangled.
    const output = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...absolutes.map((p) => path.relative(root, p) || '.')]);
    for (const entry of output.split('\0')) if (entry.trim()) changes.push(entry);
  }
  return changes;
}
