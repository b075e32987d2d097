import path from 'node:path';
import picomatch from 'picomatch';
import { changedFilesSince } from './git-changes.js';
import { UsageError } from '../usage-error.js';

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

/** The configuration's `include`/`ignore` globs, matched against paths relative to `root`. */
export interface FileFilter {
  /** The folder the globs are relative to: the configuration file's. */
  root: string;
  /** When not empty, only files matching one of these are analysed. */
  include: readonly string[];
  /** Files matching one of these are never analysed. */
  ignore: readonly string[];
}

/**
 * Applies to every discovered file, named ones included: a configuration's ignore list is project
 * policy (ESLint and Prettier apply theirs to files named on the command line too), while
 * `--ignore` is the caller's own narrowing of a folder walk. Globs see `/`-separated paths from
 * the root, dot files included; a file outside the root starts with `../` and so matches an
 * include glob only when the glob says so.
 */
export function filterFiles(files: readonly string[], filter: FileFilter): string[] {
  return files.filter(fileFilterPredicate(filter));
}

/** The filter as a test of one absolute path, for files analysed as the walk finds them. */
export function fileFilterPredicate(filter: FileFilter): (file: string) => boolean {
  const isIncluded = filter.include.length > 0 ? picomatch([...filter.include], { dot: true }) : () => true;
  const isIgnored = filter.ignore.length > 0 ? picomatch([...filter.ignore], { dot: true }) : () => false;
  return (file) => {
    const relative = path.relative(filter.root, file).split(path.sep).join('/');
    return isIncluded(relative) && !isIgnored(relative);
  };
}

export interface SelectOptions {
  cwd: string;
  /** The configuration's include/ignore globs. */
  fileFilter?: FileFilter;
  /** `--changed-since <ref>`: only files git shows as changed since the ref. */
  changedSince?: string;
  shard?: Shard;
}

/**
 * Narrows the discovered files (already filtered by extension, .gitignore and --ignore) to the
 * ones this run looks at: the configuration's include/ignore globs, then the files changed since
 * a git ref, then one shard of those, so the shards of a changed-since run still add up to that run.
 */
export async function selectFiles(files: readonly string[], options: SelectOptions): Promise<string[]> {
  let selected = options.fileFilter ? filterFiles(files, options.fileFilter) : [...files];
  if (options.changedSince !== undefined) {
    const changed = await changedFilesSince(options.changedSince, options.cwd);
    selected = selected.filter((file) => changed.has(path.resolve(file)));
  }
  if (options.shard) selected = shardFiles(selected, options.shard, options.cwd);
  return selected;
}
