import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileDependencies } from './process-file.js';
import { describeIoError } from '../io-error.js';
import type { FileResult } from '../run-result.js';
import { replaceFileAtomic } from './write-atomic.js';

/** What says "this file is ours", whatever its version: anything else at the location is not touched. */
const MARKER = 'zoho-authtoken-codemod result cache';
/** Bumped when the layout below changes; an older layout is dropped without a warning. */
const FORMAT_VERSION = 3;

/** One file's cached result and the stamp it is valid for. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Content hash (git's blob id) of the bytes the result came from; absent for a file that was not read (over the size limit). */
  hash?: string;
  /** Absent: unchanged, nothing to say (most files). */
  result?: FileResult;
  dependencies?: FileDependencies;
}

/** One entry as a tuple, `[size, mtimeMs, hash | 0, result | 0, dependencies | 0]`, as it is kept between reading and writing. */
type StoredEntry = [number, number, string | 0, FileResult | 0, FileDependencies | 0];

/**
 * On disk one array per field, entry `i` at index `i` of each: 46,000 entries parse as a few
 * long arrays rather than 46,000 keys and tuples. The few results and dependencies (files with
 * something to say) are keyed by index in `details`. Entries are written in the order the run
 * looked their files up, which the next run over an unchanged tree repeats (see `indexOf`).
 */
interface StoredColumns {
  /** The file's name relative to the working directory (part of the settings key). */
  files: string[];
  sizes: number[];
  mtimesMs: number[];
  hashes: (string | 0)[];
  details: Record<number, [FileResult | 0, FileDependencies | 0]>;
}

interface StoredCache extends StoredColumns {
  cacheOf: typeof MARKER;
  formatVersion: number;
  /** cacheSettingsKey: tool version, command and the resolved options; a change drops every entry. */
  settings: string;
  /** When the run that wrote it began: entries modified after (less a margin) are verified by hash. */
  startedAt: number;
}

export interface LoadedCache {
  /** As parsed; no field of an entry is trusted before it is checked (decodeEntry, or compared with what it must equal). */
  columns: StoredColumns;
  /** The index of a file's entry, or -1. */
  indexOf(file: string): number;
  startedAt: number;
  /** False for a file at the location that is not a cache of ours: it is left as it was. */
  isWritable: boolean;
}

/**
 * Where the cache lives, with ESLint's `--cache-location` rules: a path that ends with a separator
 * or names an existing folder is a folder, and the file in it is named after the command and the
 * working directory (so check and report, or two projects sharing a folder, never evict each
 * other); any other path is the cache file itself.
 * https://eslint.org/docs/latest/use/command-line-interface#--cache-location
 */
export function cacheFilePath(location: string | undefined, cwd: string, command: string): string {
  const given = location ?? path.join('node_modules', '.cache', 'zoho-authtoken-codemod') + path.sep;
  const resolved = path.resolve(cwd, given);
  const isFolder = /[\\/]$/.test(given) || (statSync(resolved, { throwIfNoEntry: false })?.isDirectory() ?? false);
  if (!isFolder) return resolved;
  const project = createHash('sha1').update(cwd).digest('hex').slice(0, 10);
  return path.join(resolved, `${command}-${project}.json`);
}

function isStoredCache(value: unknown): value is StoredCache {
  const cache = value as StoredCache;
  if (typeof cache !== 'object' || cache === null || typeof cache.settings !== 'string' || typeof cache.startedAt !== 'number') return false;
  const { files, sizes, mtimesMs, hashes, details } = cache;
  const isColumn = (column: unknown) => Array.isArray(column) && column.length === files.length;
  return Array.isArray(files) && isColumn(sizes) && isColumn(mtimesMs) && isColumn(hashes) && typeof details === 'object' && details !== null && !Array.isArray(details);
}

/**
 * The entries of the cache at `file` written with the same settings, or none. Never throws: a
 * cache that cannot be read or parsed is ignored with one warning (and rewritten), a file that is
 * not a cache of ours is ignored with one warning and left alone, a cache from another version or
 * configuration is silently replaced.
 */
export function loadCache(file: string, settings: string, warn: (message: string) => void): LoadedCache {
  const empty = (isWritable: boolean): LoadedCache => ({ columns: emptyColumns(), indexOf: () => -1, startedAt: 0, isWritable });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty(true);
    warn(`ignoring the cache ${file}: ${describeIoError(error)}`);
    return empty(true);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warn(`ignoring the cache ${file}: it is corrupt (not valid JSON); it will be rewritten`);
    return empty(true);
  }
  if ((parsed as StoredCache | null)?.cacheOf !== MARKER) {
    warn(`ignoring ${file}: it is not a zoho-authtoken-codemod cache, so it is left as it is (give --cache-location another path)`);
    return empty(false);
  }
  if ((parsed as StoredCache).formatVersion !== FORMAT_VERSION) return empty(true);
  if (!isStoredCache(parsed)) {
    warn(`ignoring the cache ${file}: it is corrupt (unexpected layout); it will be rewritten`);
    return empty(true);
  }
  if (parsed.settings !== settings) return empty(true);
  const { files, sizes, mtimesMs, hashes, details } = parsed;
  return { columns: { files, sizes, mtimesMs, hashes, details }, indexOf: nameIndex(files), startedAt: parsed.startedAt, isWritable: true };
}

/**
 * Names are asked for in discovery order, the order they were written in when nothing moved: a
 * cursor answers those by one comparison each, and a Map (which hashes every name) is built only
 * when a name is not where the cursor expected it.
 */
function nameIndex(files: readonly string[]): (file: string) => number {
  let cursor = 0;
  let byName: Map<string, number> | undefined;
  return (file) => {
    if (files[cursor] === file) return cursor++;
    if (!byName) {
      byName = new Map();
      // A damaged file may repeat a name: the first entry counts.
      for (let i = files.length - 1; i >= 0; i--) byName.set(files[i]!, i);
    }
    const index = byName.get(file) ?? -1;
    if (index >= 0) cursor = index + 1;
    return index;
  };
}

export function emptyColumns(): StoredColumns {
  return { files: [], sizes: [], mtimesMs: [], hashes: [], details: Object.create(null) as StoredColumns['details'] };
}

/** Entry `index` as a tuple, as stored (decodeEntry checks it). */
export function storedAt(columns: StoredColumns, index: number): StoredEntry {
  const details = isPlainAt(columns, index) ? undefined : columns.details[index];
  return [columns.sizes[index]!, columns.mtimesMs[index]!, columns.hashes[index]!, details?.[0] ?? 0, details?.[1] ?? 0];
}

/** The usual entry of a tree: nothing to say about the file (no result, no dependencies). */
export function isPlainAt(columns: StoredColumns, index: number): boolean {
  // An element load (no integer key is inherited), not Object.hasOwn, which makes a string of the index.
  return columns.details[index] === undefined;
}

export function appendEntry(columns: StoredColumns, file: string, entry: StoredEntry): void {
  const index = columns.files.push(file) - 1;
  columns.sizes.push(entry[0]);
  columns.mtimesMs.push(entry[1]);
  columns.hashes.push(entry[2]);
  if (entry[3] !== 0 || entry[4] !== 0) columns.details[index] = [entry[3], entry[4]];
}

function isFileResult(value: unknown): value is FileResult {
  const result = value as FileResult;
  const isFindingList = (list: unknown) => Array.isArray(list) && list.every((finding) => typeof finding?.ruleId === 'string' && typeof finding.line === 'number' && typeof finding.message === 'string');
  return (
    typeof result === 'object' && result !== null && typeof result.file === 'string' && typeof result.status === 'string' &&
    isFindingList(result.findings) && isFindingList(result.remaining) && Array.isArray(result.secrets)
  );
}

function isDependencies(value: unknown): value is FileDependencies {
  const dependencies = value as FileDependencies;
  return typeof dependencies === 'object' && dependencies !== null && Array.isArray(dependencies.files) &&
    dependencies.files.every((file) => typeof file?.absolute === 'string' && typeof file.hash === 'string');
}

/** A stored tuple as an entry, or undefined when it is damaged (then the file is analysed again). */
export function decodeEntry(stored: unknown): CacheEntry | undefined {
  if (!Array.isArray(stored) || stored.length !== 5) return undefined;
  const [size, mtimeMs, hash, result, dependencies] = stored as unknown[];
  if (typeof size !== 'number' || typeof mtimeMs !== 'number') return undefined;
  if (hash !== 0 && typeof hash !== 'string') return undefined;
  if (result !== 0 && !isFileResult(result)) return undefined;
  if (dependencies !== 0 && !isDependencies(dependencies)) return undefined;
  return { size, mtimeMs, ...(hash ? { hash } : {}), ...(result ? { result } : {}), ...(dependencies ? { dependencies } : {}) };
}

export type { StoredColumns, StoredEntry };

export function encodeEntry(entry: CacheEntry): StoredEntry {
  return [entry.size, entry.mtimeMs, entry.hash ?? 0, entry.result ?? 0, entry.dependencies ?? 0];
}

/** Writes the cache atomically (a reader sees the old cache or the new one); trouble is one warning, never a failed run. */
export async function saveCache(file: string, cache: { settings: string; startedAt: number; columns: StoredColumns }, warn: (message: string) => void): Promise<void> {
  const stored: StoredCache = { cacheOf: MARKER, formatVersion: FORMAT_VERSION, settings: cache.settings, startedAt: cache.startedAt, ...cache.columns };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    await replaceFileAtomic(file, JSON.stringify(stored));
  } catch (error) {
    warn(`cannot write the cache ${file}: ${describeIoError(error)}`);
  }
}
