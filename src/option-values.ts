import { UsageError } from './usage-error.js';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const MULTIPLIERS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-file-size`: bytes, or with a k/m/g suffix (binary: 1m = 1 MiB = 1,048,576 bytes). */
export function parseByteSize(value: string): number {
  const match = SIZE.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size "${value}" is not a size; write it as bytes or with k, m or g (e.g. 1048576, 512k, 50m)`);
  const bytes = Math.floor(Number(match[1]) * MULTIPLIERS[(match[2] ?? 'b')[0]!.toLowerCase()]!);
  if (bytes < 1) throw new UsageError(`--max-file-size must be at least 1 byte`);
  return bytes;
}

/** `--jobs`, `--max-line-length`: a positive whole number. */
export function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag} "${value}" must be a whole number of at least 1`);
  return Number(value);
}
