import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A file's content fingerprint for the result cache: git's blob id (SHA-1 of `blob <size>\0` and
 * the bytes), so that in a git work tree the id git's index already holds for an unmodified file
 * is its key, known without reading it (result-cache.ts). SHA-1 is not here for security (the
 * cache trusts its own folder): it is fast in OpenSSL and collisions by accident are out of reach.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** The hash of a file as it is on disk now, or `missing` when it cannot be read. */
export function hashFileNow(file: string): string {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return MISSING;
  }
}

/** Stands for a file that is not there (or unreadable): any content it gains is a change. */
export const MISSING = 'missing';
