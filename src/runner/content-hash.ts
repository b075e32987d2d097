import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A file's content fingerprint for the result cache: SHA-1, which is not here for security (the
 * cache trusts its own folder) but because it is fast in OpenSSL and collisions by accident are
 * out of reach; base64url keeps 46,000 entries' worth of cache small.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
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
