import { spawn } from 'node:child_process';

/**
 * The arguments of git's own file list: tracked files (`--cached`, also those an ignore pattern
 * matches, since they ship) and untracked ones that no ignore source excludes (`--others
 * --exclude-standard`: every `.gitignore`, `.git/info/exclude`, `core.excludesFile`). NUL-separated,
 * so names with newlines or quotes arrive as they are (and `core.quotePath` does not apply).
 * `--stage` adds the mode of tracked entries (a submodule is 160000, a link 120000, so no stat is
 * needed to tell them), `-v` a tag per entry (`-t`'s, in lower case for an entry marked
 * assume-unchanged, which git does not check and so whose blob id says nothing of the file), `--deleted` repeats a tracked entry deleted from
 * the work tree right after it, tagged `R`, and `--modified` one whose work-tree content differs
 * from the index, tagged `C`: git has checked the work tree already (with its stat cache, and by
 * content where the stat data cannot tell), so the blob id of every other tracked entry is the
 * content of the file on disk, known without reading it (the result cache's key).
 */
export const GIT_LIST_ARGS: readonly string[] = ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--stage', '-v', '--deleted', '--modified'];

export class GitListError extends Error {}

/** One entry of the list: its path relative to the folder, and what git knows of it. */
export interface GitListEntry {
  relative: string;
  /** The index's mode (`100644`, `100755`, `120000`, `160000`) of a tracked entry; undefined for an untracked one. */
  mode?: string;
  /**
   * The blob id of a tracked entry whose work-tree file git found unmodified; null for one git found
   * modified (its stamp proves nothing then); undefined for any other.
   */
  object?: string | null;
}

interface Record {
  tag: string;
  entry: GitListEntry;
}

/** `then`, without a promise when the first step did not make one. */
function chain(first: void | Promise<void>, next: () => void | Promise<void>): void | Promise<void> {
  return first ? first.then(next) : next();
}

const SPACE = 0x20;
const TAB = 0x09;

/** Characters `from` to `to` of `text` are all octal digits, or all lower-case hex digits when `isHex`. */
function isDigits(text: string, from: number, to: number, isHex: boolean): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!(code >= 0x30 && code <= (isHex ? 0x39 : 0x37)) && !(isHex && code >= 0x61 && code <= 0x66)) return false;
  }
  return true;
}

/**
 * The length of the blob id of a `<tag> <mode> <object> <stage>\t<path>` index entry starting at
 * `start` (40 for SHA-1, 64 for SHA-256), or 0 for an untracked one (`? <path>`).
 */
function objectLength(text: string, start: number, end: number, length: number): number {
  const stage = start + 10 + length;
  const code = text.charCodeAt(stage);
  return stage + 1 < end && text.charCodeAt(stage - 1) === SPACE && text.charCodeAt(stage + 1) === TAB && code >= 0x30 && code <= 0x33 && isDigits(text, start + 9, stage - 1, true) ? length : 0;
}

function stagedObjectLength(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) <= SPACE || text.charCodeAt(start + 1) !== SPACE || text.charCodeAt(start + 8) !== SPACE || !isDigits(text, start + 2, start + 8, false)) return 0;
  return objectLength(text, start, end, 40) || objectLength(text, start, end, 64);
}

/** Record `start` to `end` of `text`: parsed by position, so only the parts kept become strings (45,000 records per run). */
function parseRecord(text: string, start: number, end: number): Record {
  const length = stagedObjectLength(text, start, end);
  if (length === 0) return { tag: text.charAt(start), entry: { relative: text.slice(start + 2, end) } };
  const tag = text.charAt(start);
  // Lower case: assume-unchanged (`-v`), which git does not check, so its blob id says nothing of the file.
  const upper = tag.toUpperCase();
  const entry: GitListEntry = { relative: text.slice(start + 12 + length, end), mode: text.slice(start + 2, start + 8) };
  if (tag === upper) entry.object = text.slice(start + 9, start + 9 + length);
  return { tag: upper, entry };
}

/**
 * Streams the paths git lists under `folder` (relative to it, `/`-separated) to `onEntry` as they
 * arrive, from one `git ls-files` process: a 45,000-file tree is never held as one string, and
 * the analysis of the first files starts while git still lists the rest. A submodule or a nested
 * repository is listed as its folder (a nested one with a trailing `/`). Tracked files deleted
 * from the work tree are left out; a modified one comes without its blob id. A path in a merge
 * conflict comes once per stage (without a blob id): the caller drops repeats.
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
  // A tracked entry waits for the next records: an `R` for the same path says it is deleted, a
  // `C` that it is modified (a deleted one has both, `R` first).
  // Synchronous unless the caller asks to wait: an `await` per entry of 45,000 costs a promise each.
  let pending: GitListEntry | undefined;
  const take = (record: Record): void | Promise<void> => {
    if (record.tag === 'R') {
      if (pending?.relative === record.entry.relative) pending = undefined;
      return;
    }
    if (record.tag === 'C') {
      if (pending?.relative === record.entry.relative) pending.object = null;
      return;
    }
    // Unmerged (`M`): the stages are different blobs, none of them the file on disk.
    if (record.tag === 'M') delete record.entry.object;
    const previous = pending;
    pending = undefined;
    // `S`: skip-worktree (a sparse checkout): in the index, not on disk, nothing to read.
    if (record.tag !== 'S') {
      if (record.entry.mode === undefined) {
        const untracked = record.entry;
        return previous ? chain(onEntry(previous), () => onEntry(untracked)) : onEntry(untracked);
      }
      pending = record.entry;
    }
    return previous && onEntry(previous);
  };
  // A name can be split across two chunks: the bytes after the last NUL wait for the next one.
  // Each chunk is decoded once (a NUL is one byte in UTF-8, never part of another character).
  let carry = Buffer.alloc(0);
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const last = bytes.lastIndexOf(0);
    const text = last === -1 ? '' : bytes.toString('utf8', 0, last + 1);
    let start = 0;
    for (let end = text.indexOf('\0'); end !== -1; end = text.indexOf('\0', start)) {
      const waiting = take(parseRecord(text, start, end));
      if (waiting) await waiting;
      start = end + 1;
    }
    carry = Buffer.from(bytes.subarray(last + 1));
  }
  if (pending) await onEntry(pending);
  const code = await exited;
  if (code !== 0) throw new GitListError(`git ls-files failed in ${folder}: ${stderr.split('\n')[0] || `exit code ${code}`}`);
}
