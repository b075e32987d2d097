import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { describeIoError } from '../io-error.js';
import { isCandidateBytes } from './prefilter.js';

/**
 * Files larger than this are skipped unless `--max-file-size` says otherwise. A hand-written
 * module past 512 KiB is rare, a bundle or generated file is not (Babel's generator draws the
 * same line at 500 KB), and parsing one costs a hundred times its size in memory.
 */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024;

/**
 * Candidate files with a longer line are skipped unless `--max-line-length` says otherwise: a
 * minified bundle is built output (its source is what gets migrated), and parsing one costs
 * seconds and hundreds of MB; in a tree of installed packages, most of the bytes that pass the
 * prefilter are such bundles.
 */
export const DEFAULT_MAX_LINE_LENGTH = 10_000;

export interface ReadLimits {
  maxBytes: number;
  maxLineLength: number;
}

const DEFAULT_LIMITS: ReadLimits = { maxBytes: DEFAULT_MAX_FILE_BYTES, maxLineLength: DEFAULT_MAX_LINE_LENGTH };

/**
 * How the file's bytes became text, and so how the rewrite goes back to bytes: UTF-8, or
 * Latin-1 for a file that is not valid UTF-8 (code of ~2011 saved as Latin-1 or Windows-1252).
 * Latin-1 maps every byte to one character and back, so every byte outside an edit survives.
 */
export type TextEncoding = 'utf8' | 'latin1';

export type ReadOutcome =
  /** Text that passed the prefilter: decoded for the analysis. */
  | { kind: 'text'; text: string; mode: number; encoding: TextEncoding }
  /** Readable text, and none of the prefilter's anchors: nothing can be found in it. */
  | { kind: 'not-candidate' }
  /**
   * Too big or too long to parse: the text scan reads it instead (see scan-unparsed.ts).
   * `reason` says which limit, and how to raise it. `text` is there when the file was read whole
   * (a long line within the size limit); a file over the size limit is streamed.
   */
  | { kind: 'unparsed'; reason: string; text?: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

// ignoreBOM keeps a BOM in the text, so it is written back exactly.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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

/** NUL bytes in the first 8 KiB: what git and grep call binary. */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * Reads a file as the analysis needs it, deciding on bytes before decoding: too large (left to
 * the streamed text scan), binary, or no prefilter anchor (never decoded); else the text (UTF-8,
 * or Latin-1 when the bytes are not UTF-8), a BOM kept, or, when it is minified, the text for the
 * text scan (a file without anchors has nothing to find, minified or not, so only candidates
 * are measured).
 * Synchronous on purpose: it runs on a worker thread, where a blocking read is the cheapest
 * read there is, and 45,000 small files cost 45,000 promise round trips otherwise.
 */
export function readSourceFile(file: string, limits: ReadLimits = DEFAULT_LIMITS, onBytes?: (bytes: Buffer) => void): ReadOutcome {
  const { maxBytes, maxLineLength } = limits;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO named like a source file must not hang the run waiting for a writer.
    // O_NOFOLLOW: discovery hands over files, links already resolved to their targets; a link
    // here is a tracked file git's index still calls a file, and migrate must not write over it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'skipped', reason: 'a symbolic link where git records a file (a type change not committed yet): not followed' };
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    // Never read whole: the caller streams it through the prefilter and the text scan.
    if (info.size > maxBytes) return { kind: 'unparsed', reason: `${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} size limit (raise it with --max-file-size)` };
    const bytes = readWhole(fd, info.size);
    // The result cache fingerprints the bytes as read here (the reused buffer is gone after).
    onBytes?.(bytes);
    if (isBinary(bytes)) return { kind: 'skipped', reason: 'binary file' };
    // The prefilter's latin1 view finds ASCII anchors in any of the two encodings alike.
    if (!isCandidateBytes(bytes)) return { kind: 'not-candidate' };
    const encoding: TextEncoding = isUtf8(bytes) ? 'utf8' : 'latin1';
    const text = encoding === 'utf8' ? utf8.decode(bytes) : bytes.toString('latin1');
    const longest = longestLine(text);
    if (longest > maxLineLength) {
      return { kind: 'unparsed', text, reason: `minified: a line of ${longest.toLocaleString('en-US')} characters, over the ${maxLineLength.toLocaleString('en-US')}-character limit (raise it with --max-line-length)` };
    }
    return { kind: 'text', text, mode: info.mode, encoding };
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  } finally {
    closeSync(fd);
  }
}
