import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** Where a folder stands for git: in a work tree (its root), provably in none, or unknown (git missing or refusing). */
export type WorkTreeStatus = { kind: 'work-tree'; root: string } | { kind: 'none' } | { kind: 'unknown' };

/**
 * Like workTreeRoot, but tells "not a repository" (git's own answer, ceiling directories
 * included) from "git could not say" (not installed, a safe.directory refusal), since file
 * discovery honours the `.gitignore` files above a folder only in the second case.
 */
export async function workTreeStatus(folder: string): Promise<WorkTreeStatus> {
  try {
    const root = (await git(folder, ['rev-parse', '--show-toplevel'])).trim();
    // Inside `.git` itself git answers with an empty line: no work tree to list.
    return root ? { kind: 'work-tree', root } : { kind: 'none' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    return /not a git repository|must be run in a work tree/i.test(stderr) ? { kind: 'none' } : { kind: 'unknown' };
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
