import { readFile, stat } from 'node:fs/promises';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; text: string; mode: number; mtimeMs: number }
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

/**
 * Reads a file as the analysis needs it: UTF-8 text (a BOM kept), or a one-line reason it is
 * skipped (too large, binary, not UTF-8) or could not be read.
 */
export async function readSource(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadOutcome> {
  try {
    const info = await stat(file);
    if (info.size > maxBytes) return { kind: 'skipped', reason: `larger than the ${maxBytes}-byte limit (${info.size} bytes)` };
    const bytes = await readFile(file);
    if (bytes.subarray(0, 8192).includes(0)) return { kind: 'skipped', reason: 'binary file' };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { kind: 'skipped', reason: 'not valid UTF-8 text' };
    }
    return { kind: 'text', text, mode: info.mode, mtimeMs: info.mtimeMs };
  } catch (error) {
    return { kind: 'error', reason: `cannot read: ${describeIoError(error)}` };
  }
}
