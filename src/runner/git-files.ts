import { spawn } from 'node:child_process';

/**
 * The arguments of git's own file list: tracked files (`--cached`, also those an ignore pattern
 * matches, since they ship) and untracked ones that no ignore source excludes (`--others
 * --exclude-standard`: every `.gitignore`, `.git/info/exclude`, `core.excludesFile`). NUL-separated,
 * so names with newlines or quotes arrive as they are (and `core.quotePath` does not apply).
 * `--stage` adds the mode of tracked entries, the one way to tell a submodule (160000) without a
 * stat of every path; untracked entries come without it.
 */
export const GIT_LIST_ARGS: readonly string[] = ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--stage'];

export class GitListError extends Error {}

/** One entry of the list: its path relative to the folder, and whether git records it as a submodule. */
export interface GitListEntry {
  relative: string;
  isSubmodule: boolean;
}

// `<mode> <object> <stage>\t<path>`: a tracked entry; an untracked one is the bare path.
const STAGED = /^([0-7]{6}) [0-9a-f]{40,64} [0-3]\t/;

function parseEntry(record: string): GitListEntry {
  const staged = STAGED.exec(record);
  if (!staged) return { relative: record, isSubmodule: false };
  return { relative: record.slice(staged[0].length), isSubmodule: staged[1] === '160000' };
}

/**
 * Streams the paths git lists under `folder` (relative to it, `/`-separated) to `onEntry` as they
 * arrive, from one `git ls-files` process: a 45,000-file tree is never held as one string, and
 * the analysis of the first files starts while git still lists the rest. A submodule or a nested
 * repository is listed as its folder (a nested one with a trailing `/`). A path in a merge
 * conflict comes once per stage: the caller drops repeats.
 * Rejects when git fails (the caller walks the folder instead).
 */
export async function streamGitFiles(folder: string, onEntry: (entry: GitListEntry) => void | Promise<void>): Promise<void> {
  const child = spawn('git', [...GIT_LIST_ARGS], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Only the first line is ever shown; a runaway stderr must not grow without bound.
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  // Awaited below; until then a spawn failure must not count as an unhandled rejection.
  exited.catch(() => undefined);
  // A name can be split across two chunks: the bytes after the last NUL wait for the next one.
  let carry = Buffer.alloc(0);
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(0, start); end !== -1; end = bytes.indexOf(0, start)) {
      await onEntry(parseEntry(bytes.toString('utf8', start, end)));
      start = end + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  const code = await exited;
  if (code !== 0) throw new GitListError(`git ls-files failed in ${folder}: ${stderr.split('\n')[0] || `exit code ${code}`}`);
}
