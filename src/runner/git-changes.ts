import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../usage-error.js';

const execFileAsync = promisify(execFile);

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function gitOrUndefined(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await git(cwd, args);
  } catch {
    return undefined;
  }
}

function nulList(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

/** The working directory's path inside its git work tree ('' at the root), or undefined outside git. */
export async function workTreePrefix(cwd: string): Promise<string | undefined> {
  const prefix = await gitOrUndefined(cwd, ['rev-parse', '--show-prefix']);
  return prefix === undefined ? undefined : prefix.trim().replace(/\/$/, '');
}

/**
 * Absolute paths of the files changed since `ref`, as git sees them: committed since the point
 * where the current branch left `ref` (their merge base, so a pull request sees only its own
 * changes even when the target branch moved on), plus staged, unstaged and untracked changes.
 * Renamed files are found as renames (`-M`) and listed under their new name; deleted files are
 * not listed (there is nothing left to check).
 */
export async function changedFilesSince(ref: string, cwd: string): Promise<Set<string>> {
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`--changed-since takes a git ref (a branch, tag or commit), not "${ref}"`);
  const inside = await gitOrUndefined(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') throw new UsageError(`--changed-since needs a git work tree, and ${cwd} is not inside one`);
  // Root-relative paths are turned into cwd-relative ones through the prefix, not through the
  // top-level path, which git reports with symbolic links resolved.
  const prefix = (await workTreePrefix(cwd)) ?? '';

  const commit = (await gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]))?.trim();
  if (!commit) {
    throw new UsageError(`--changed-since: "${ref}" is not a commit in this repository (in CI, fetch the history first, e.g. fetch-depth: 0)`);
  }
  const base = (await gitOrUndefined(cwd, ['merge-base', commit, 'HEAD']))?.trim() || commit;

  const changed = nulList(await git(cwd, ['diff', '--name-only', '-z', '--no-relative', '--no-ext-diff', '-M', '--diff-filter=ACMRT', base, '--']));
  const untracked = nulList(await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']));
  const files = new Set<string>();
  for (const rootRelative of [...changed, ...untracked]) {
    files.add(path.resolve(cwd, path.posix.relative(prefix, rootRelative)));
  }
  return files;
}
