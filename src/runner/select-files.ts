import path from 'node:path';
import { changedFilesSince } from './git-changes.js';
import { UsageError } from './usage-error.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `--shard <i>/<n>`: 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes <i>/<n> with 1 <= i <= n (for example 2/4), not "${text}"`);
  }
  return { index, count };
}

/**
 * Files dealt round-robin over the shards in a fixed order (by `/`-separated path relative to the
 * working directory, compared by code unit so every machine agrees): every file is in exactly one
 * shard, shard sizes differ by at most one, and the files of one folder, which tend to be alike
 * in size and in legacy code, are spread over all shards rather than piled onto one.
 */
export function shardFiles(files: readonly string[], shard: Shard, cwd: string): string[] {
  const keyed = files.map((file) => ({ file, key: path.relative(cwd, file).split(path.sep).join('/') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.filter((_, i) => i % shard.count === shard.index - 1).map((entry) => entry.file).sort();
}

export interface SelectOptions {
  cwd: string;
  /** `--changed-since <ref>`: only files git shows as changed since the ref. */
  changedSince?: string;
  shard?: Shard;
}

/**
 * Narrows the discovered files (already filtered by extension, .gitignore and --ignore) to the
 * ones this run looks at: first the files changed since a git ref, then one shard of those, so
 * the shards of a changed-since run still add up to that run.
 */
export async function selectFiles(files: readonly string[], options: SelectOptions): Promise<string[]> {
  let selected = [...files];
  if (options.changedSince !== undefined) {
    const changed = await changedFilesSince(options.changedSince, options.cwd);
    selected = selected.filter((file) => changed.has(path.resolve(file)));
  }
  if (options.shard) selected = shardFiles(selected, options.shard, options.cwd);
  return selected;
}
