import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isCandidateBytes } from './prefilter.js';

/**
 * Files larger than this are skipped unless `--max-file-size` says otherwise. A hand-written
 * module past 512 KiB is rare, a bundle or generated file is not (Babel's generator draws the
 * same line at 500 KB), and parsing one costs a second and ~150 MB per MB.
 */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024;

/**
 * Candidate files with a longer line are skipped unless `--max-line-length` says otherwise: a
 * minified bundle is built output (its source is what gets migrated), and parsing one costs
 * seconds and hundreds of MB (on the bench corpus, 7.5 of the 12.4 MB that pass the prefilter).
 */
export const DEFAULT_MAX_LINE_LENGTH = 10_000;

export interface ReadLimits {
  maxBytes: number;
  maxLineLength: number;
}

const DEFAULT_LIMITS: ReadLimits = { maxBytes: DEFAULT_MAX_FILE_BYTES, maxLineLength: DEFAULT_MAX_LINE_LENGTH };

export type ReadOutcome =
  /** Valid UTF-8 that passed the prefilter: decoded for the analysis. */
  | { kind: 'text'; text: string; mode: number }
  /** Readable, valid UTF-8, and none of the prefilter's anchors: nothing can be found in it. */
  | { kind: 'not-candidate' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

// ignoreBOM keeps a BOM in the text, so it is written back exactly.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Node's error codes as one line a user can act on. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EROFS':
      return 'read-only file system';
    default:
      return (error as Error).message?.split('\n')[0] ?? String(error);
  }
}

/** `1536` -> `1.5 KiB`: sizes in skip messages, in the units `--max-file-size` takes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

function longestLine(text: string): number {
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

/**
 * One buffer per thread for the usual file, reused: the bytes never outlive readSourceFile (a
 * candidate is decoded to a string), and 45,000 fresh buffers were a tenth of a worker's time in
 * garbage collection. Larger files get their own, so a raised --max-file-size does not pin one.
 */
const REUSED_BYTES = 1024 * 1024;
let reusable: Buffer | undefined;

function readWhole(fd: number, size: number): Buffer {
  const bytes = size <= REUSED_BYTES ? (reusable ??= Buffer.allocUnsafeSlow(REUSED_BYTES)).subarray(0, size) : Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break; // the file shrank while being read: analyse what is there
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/**
 * Reads a file as the analysis needs it, deciding on bytes before decoding: too large, binary,
 * not UTF-8, or no prefilter anchor (never decoded); else the UTF-8 text, a BOM kept, unless it
 * is minified (a file without anchors has nothing to find, minified or not, so only candidates
 * are measured).
 * Synchronous on purpose: it runs on a worker thread, where a blocking read is the cheapest
 * read there is, and 45,000 small files cost 45,000 promise round trips otherwise.
 */
export function readSourceFile(file: string, limits: ReadLimits = DEFAULT_LIMITS, onBytes?: (bytes: Buffer) => void): ReadOutcome {
  const { maxBytes, maxLineLength } = limits;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO named like a source file must not hang the run waiting for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    if (info.size > maxBytes) {
      return { kind: 'skipped', reason: `${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} size limit (raise it with --max-file-size)` };
    }
    const bytes = readWhole(fd, info.size);
    // The result cache fingerprints the bytes as read here (the reused buffer is gone after).
    onBytes?.(bytes);
    if (bytes.subarray(0, 8192).includes(0)) return { kind: 'skipped', reason: 'binary file' };
    // Validated even when no anchor is present (simdutf, ~7 GB/s): a file that is not UTF-8
    // could hold anchors in another encoding, so it is reported as not checked, whatever it says.
    if (!isUtf8(bytes)) return { kind: 'skipped', reason: 'not valid UTF-8 text' };
    if (!isCandidateBytes(bytes)) return { kind: 'not-candidate' };
    const text = utf8.decode(bytes);
    const longest = longestLine(text);
    if (longest > maxLineLength) {
      return { kind: 'skipped', reason: `minified: a line of ${longest.toLocaleString('en-US')} characters, over the ${maxLineLength.toLocaleString('en-US')}-character limit (raise it with --max-line-length)` };
    }
    return { kind: 'text', text, mode: info.mode };
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  } finally {
    closeSync(fd);
  }
}
