import { closeSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../core/findings.js';
import type { ResolvedOptions } from '../core/options.js';
import { UnparsedScan, type TextWindow } from '../core/unparsed-scan.js';
import { isCandidateText } from '../core/candidate-anchors.js';
import { describeIoError } from '../io-error.js';
import { isBinary } from './read-source.js';

/** Bytes read at a time from a file over the size limit: memory stays at about this, whatever the file's size. */
export const SCAN_CHUNK_BYTES = 1024 * 1024;

/**
 * Characters each window shares with the next: a URL that starts near a window's end is whole in
 * the next one, unless it is longer than this (no real request URL is).
 */
export const SCAN_OVERLAP_CHARS = 64 * 1024;

export type UnparsedOutcome = { kind: 'findings'; findings: Finding[]; suppressed: number } | { kind: 'skipped' | 'error'; reason: string };

type Scanned = ReturnType<UnparsedScan['finish']>;

/** The clause the findings' messages end with: why the file was not parsed, and the limit to raise. */
function notParsed(reason: string): string {
  return `the file was not parsed: ${reason}`;
}

/** The text scan of a file already read whole (a long line within the size limit), whose bytes passed the prefilter. */
export function scanUnparsedText(text: string, file: string, reason: string, core: ResolvedOptions): Scanned {
  const scan = new UnparsedScan(file, notParsed(reason), core);
  // Positions do not count a BOM (as everywhere); offsets do.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const window = { text: bom ? text.slice(1) : text, offset: bom, line: 1, column: 1 };
  scan.scan(window);
  return scan.finish();
}

/**
 * Where the next window starts, after `consumed` characters of text: its line and column. One
 * pass over the consumed part, which is never looked at again.
 */
function advance(window: TextWindow, consumed: number): TextWindow {
  const text = window.text.slice(0, consumed);
  let line = window.line;
  let lastBreak = -1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    line++;
    lastBreak = at;
  }
  const column = lastBreak === -1 ? window.column + consumed : consumed - lastBreak;
  return { text: window.text.slice(consumed), offset: window.offset + consumed, line, column };
}

type Decode = (bytes: Buffer, isLast: boolean) => string;

function decoderFor(encoding: 'utf8' | 'latin1'): Decode {
  if (encoding === 'latin1') return (bytes) => bytes.toString('latin1');
  // `stream` keeps a character split across two chunks whole; `fatal` tells a Latin-1 file.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (bytes, isLast) => decoder.decode(bytes, { stream: !isLast });
}

/**
 * A file over the size limit, streamed: chunk by chunk, each window (the previous window's
 * last SCAN_OVERLAP_CHARS, then the new text) through the prefilter and, when it passes, the
 * text scan, so memory stays bounded by the chunk size. Decoded as UTF-8; a file that turns out
 * not to be is scanned again from the start as Latin-1. Binary files are skipped.
 */
export function scanUnparsedFile(absolute: string, file: string, reason: string, core: ResolvedOptions): UnparsedOutcome {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  }
  try {
    const chunk = Buffer.allocUnsafe(SCAN_CHUNK_BYTES);
    const first = readSync(fd, chunk, 0, SCAN_CHUNK_BYTES, 0);
    if (isBinary(chunk.subarray(0, first))) return { kind: 'skipped', reason: 'binary file' };
    try {
      return { kind: 'findings', ...scanChunks(fd, chunk, 'utf8', file, reason, core) };
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      return { kind: 'findings', ...scanChunks(fd, chunk, 'latin1', file, reason, core) };
    }
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  } finally {
    closeSync(fd);
  }
}

/** The file's text, chunk by chunk, decoded. */
function* decodedChunks(fd: number, chunk: Buffer, decode: Decode): Generator<string> {
  let position = 0;
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, position);
    position += read;
    const isLast = read === 0;
    const text = decode(chunk.subarray(0, read), isLast);
    yield text;
    if (isLast) return;
  }
}

function scanChunks(fd: number, chunk: Buffer, encoding: 'utf8' | 'latin1', file: string, reason: string, core: ResolvedOptions): Scanned {
  const scan = new UnparsedScan(file, notParsed(reason), core);
  // The UTF-8 decoder drops a BOM; the offsets of the findings still count it.
  const bom = encoding === 'utf8' && readSync(fd, chunk, 0, 3, 0) === 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 1 : 0;
  return scanPieces(decodedChunks(fd, chunk, decoderFor(encoding)), scan, { offset: bom });
}

/**
 * The windows over a text that arrives in pieces: each window is the previous one's last
 * `overlap` characters and the next piece, scanned when it passes the prefilter; a match that
 * starts in the overlap is left to the next window, where it is whole. Pure, given the pieces.
 */
export function scanPieces(pieces: Iterable<string>, scan: UnparsedScan, options: { offset?: number; overlap?: number } = {}): Scanned {
  const overlap = options.overlap ?? SCAN_OVERLAP_CHARS;
  let window: TextWindow = { text: '', offset: options.offset ?? 0, line: 1, column: 1 };
  let isFirst = true;
  for (const piece of pieces) {
    // A BOM kept by a decoder (Latin-1 never has one; UTF-8's decoder drops it) is not text.
    const text = isFirst && piece.startsWith('\uFEFF') ? piece.slice(1) : piece;
    isFirst = false;
    window = { ...window, text: window.text + text };
    const keep = Math.min(overlap, window.text.length);
    if (isCandidateText(window.text)) scan.scan(window, window.offset + window.text.length - keep);
    window = advance(window, window.text.length - keep);
  }
  // The last window: what the overlap held back is reported now.
  if (isCandidateText(window.text)) scan.scan(window);
  return scan.finish();
}
