import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.zoho-authtoken.tmp';
/** `.<name>.<pid>.<8 hex>.zoho-authtoken.tmp`: the pid says whether the run that made it is still going. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.zoho-authtoken\.tmp$/;

/** The temporary file a write of `file` goes through, beside it (a rename is atomic only within one file system). */
function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** The pid of the run that made a temporary file of ours, from its name; undefined for any other name. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Replaces a file's content atomically: the new text goes to a temporary file beside it (same
 * file system, same mode), is flushed to disk, then renamed over the original. A reader, a crash
 * or a Ctrl-C sees the old file or the new one, never half of either.
 * Refuses when the file changed since it was read, so an editor's save is never overwritten.
 * `encoding` is the one the file was read with: a Latin-1 file is written back byte for byte.
 */
export async function writeFileAtomic(file: string, content: string, options: { mode: number; expected: string; encoding?: 'utf8' | 'latin1' }): Promise<void> {
  const encoding = options.encoding ?? 'utf8';
  const current = await readFile(file, encoding);
  if (current !== options.expected) throw new Error('the file changed on disk while it was being migrated; run again');
  const temp = tempPathFor(file);
  const handle = await open(temp, 'wx', options.mode & 0o7777);
  try {
    await handle.writeFile(content, encoding);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    // `open` applies the umask; the original mode must survive exactly.
    await chmod(temp, options.mode & 0o7777);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes a file of our own (the result cache) atomically: a temporary file beside it, flushed,
 * renamed over it. Unlike writeFileAtomic there is no user content to protect from a race: the
 * last run to finish wins.
 */
export async function replaceFileAtomic(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
