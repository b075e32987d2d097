import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL } from '../version.js';
import { appendEntry, cacheFilePath, decodeEntry, emptyColumns, encodeEntry, isPlainAt, loadCache, saveCache, storedAt, type CacheEntry, type StoredEntry } from './cache-file.js';
import { hashFileNow } from './content-hash.js';
import { emptyResult } from './empty-result.js';
import type { FileOutcome, FileTask, FileTaskOptions } from './process-file.js';

/**
 * A file whose modification time is this close to (or after) the start of the run that cached it
 * may have been saved again within the same timestamp tick, unseen by size and time: its entry is
 * verified by content hash (git's "racily clean" entries; 2 s covers FAT's granularity).
 * https://git-scm.com/docs/racy-git
 */
const RACY_MARGIN_MS = 2000;

/** What a lookup answers: the cached outcome, "ask again once discovery is done", or nothing (analyse it). */
export type CacheLookup = { kind: 'hit'; outcome: FileOutcome } | { kind: 'after-discovery' } | { kind: 'miss' };

export interface ResultCache {
  /** The cache file: never scanned, even when it lies inside the tree with a scanned extension. */
  file: string;
  /** `object`: git's blob id of a tracked file git found unmodified, null for one it found modified (discover.ts). */
  lookup(task: FileTask, object?: string | null): CacheLookup;
  /**
   * Discovery is over: the outcomes of the files left for now (keyed by git's blob id, or whose
   * result depends on other modules), or undefined for those to analyse again (a module they read
   * changed, or a file appeared that an import could now resolve to).
   * `gitAttributesFolders`: where discovery saw a `.gitattributes`.
   */
  settleDependents(gitAttributesFolders?: readonly string[]): { task: FileTask; outcome: FileOutcome | undefined }[];
  record(task: FileTask, outcome: FileOutcome): void;
  save(): Promise<void>;
}

export interface ResultCacheOptions {
  location: string | undefined;
  cwd: string;
  taskOptions: FileTaskOptions;
  /** The folders and files walked: an entry under one of them that was not seen belongs to a deleted file. */
  roots: readonly string[];
  /** --changed-since, --shard: the run sees part of the tree, so every other entry is kept. */
  isSelection: boolean;
  warn: (message: string) => void;
}

/**
 * The build that runs: the version alone would let a rebuilt checkout of the same version (every
 * developer of this tool) reuse results its changed rules never computed. The stamp of this very
 * file (in the package, the CLI bundle) changes with every build and install.
 */
function buildStamp(): string {
  const info = statSync(fileURLToPath(import.meta.url), { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : '';
}

/**
 * Everything besides a file's content that its result depends on: the tool's version and build,
 * the command and the resolved options (token expression, scope, limits, the project root...).
 */
export function cacheSettingsKey(taskOptions: FileTaskOptions): string {
  const { isHashing: _, ...options } = taskOptions;
  const text = JSON.stringify({ tool: TOOL.version, build: buildStamp(), options }, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));
  return createHash('sha1').update(text).digest('base64url');
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * `--cache` for check and report, with ESLint's semantics: a file whose size and modification
 * time match its entry gets the cached result without being read; one whose stamp changed is
 * read and hashed, and its content hash decides (a `git checkout` or `touch` does not cost a
 * parse). In a git work tree, a tracked file git found unmodified is not even looked at: the blob
 * id git lists for it is its content hash (content-hash.ts), unless git may convert line endings.
 * A result that read other modules is reused only when each of them still has the hash it had,
 * and no file has appeared since.
 */
/**
 * Git may convert line endings (core.autocrlf, eol/text attributes) or run filters in every
 * folder: then a blob id names the converted bytes, not the file's, and a file unmodified by
 * git's account may still differ from the bytes a result came from (a line-ending change).
 * Asked only when a run has blob-id hits; a `.gitattributes` file covers its own folder only.
 */
function mayGitConvertAnywhere(cwd: string): boolean {
  const git = (args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const config = git(['config', '--get-regexp', '^core\\.(autocrlf|attributesfile)$']);
  if (config.status === 0 && /^core\.attributesfile |^core\.autocrlf (?!false)/im.test(config.stdout)) return true;
  const info = git(['rev-parse', '--git-path', 'info/attributes']);
  return info.status !== 0 || existsSync(path.resolve(cwd, info.stdout.trim()));
}

export function openResultCache(options: ResultCacheOptions): ResultCache {
  const startedAt = Date.now();
  const settings = cacheSettingsKey(options.taskOptions);
  const file = cacheFilePath(options.location, options.cwd, options.taskOptions.command);
  const old = loadCache(file, settings, options.warn);
  const { columns } = old;
  const oldCount = columns.files.length;
  // What the next cache holds. An old entry kept as it is is only marked (no copy, no Map entry);
  // a new or changed one is kept by name. The names in the order looked up, with the old index or -1.
  const isKept = new Uint8Array(oldCount);
  let keptCount = 0;
  const changed = new Map<string, StoredEntry>();
  const lookedUp: string[] = [];
  const lookedUpIndex: number[] = [];
  const keep = (index: number) => {
    if (isKept[index]) return;
    isKept[index] = 1;
    keptCount++;
  };
  const racyFrom = old.startedAt - RACY_MARGIN_MS;
  // Stamps taken at lookup, for the entries recorded when an outcome arrives.
  const stamps = new Map<string, { size: number; mtimeMs: number }>();
  const dependents: { task: FileTask; index: number; entry: CacheEntry; isSameStamp: boolean }[] = [];
  // Files whose stored hash is the blob id git gave: hits unless git may convert (settleDependents).
  const byObject: { task: FileTask; index: number }[] = [];
  let hasNewFile = false;
  let isChanged = false;

  const outcomeOf = (task: FileTask, entry: Pick<CacheEntry, 'result'>): FileOutcome => ({
    result: entry.result ? { ...entry.result, file: task.file } : emptyResult(task.file),
  });

  const hashNow = new Map<string, string>();
  const currentHash = (absolute: string) => {
    let hash = hashNow.get(absolute);
    if (hash === undefined) hashNow.set(absolute, (hash = hashFileNow(absolute)));
    return hash;
  };

  // A file's stamp (size, modification time) against its entry; a changed stamp is settled by content hash.
  const lookupByStamp = (task: FileTask, index: number, isSuspect = false): CacheLookup => {
    let stat;
    try {
      stat = statSync(task.absolute, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) return { kind: 'miss' };
    // The usual file of a tree: nothing to say, same stamp, not racy. No decoding, no copies.
    if (!isSuspect && index >= 0 && columns.sizes[index] === stat.size && columns.mtimesMs[index] === stat.mtimeMs && stat.mtimeMs < racyFrom && isPlainAt(columns, index)) {
      keep(index);
      return { kind: 'hit', outcome: outcomeOf(task, {}) };
    }
    stamps.set(task.file, { size: stat.size, mtimeMs: stat.mtimeMs });
    const entry = index < 0 ? undefined : decodeEntry(storedAt(columns, index));
    if (!entry) {
      hasNewFile ||= index < 0;
      return { kind: 'miss' };
    }
    // An I/O error may be gone by now (a permission fixed with chmod does not change the mtime):
    // its entry only says the file is not new.
    if (entry.result?.status === 'error') return { kind: 'miss' };
    const isSameStamp = entry.size === stat.size && entry.mtimeMs === stat.mtimeMs;
    const isRacy = isSuspect || entry.mtimeMs >= racyFrom;
    if (!isSameStamp || isRacy) {
      if (entry.hash === undefined || currentHash(task.absolute) !== entry.hash) return { kind: 'miss' };
      if (!isSameStamp) isChanged = true;
    }
    const fresh: CacheEntry = { ...entry, size: stat.size, mtimeMs: stat.mtimeMs };
    if (entry.dependencies) {
      dependents.push({ task, index, entry: fresh, isSameStamp });
      return { kind: 'after-discovery' };
    }
    if (isSameStamp) keep(index);
    else changed.set(task.file, encodeEntry(fresh));
    return { kind: 'hit', outcome: outcomeOf(task, fresh) };
  };

  // The stored hash is the blob id git holds for the unmodified file: the file's content is the one the result came from.
  const lookupByObject = (task: FileTask, index: number): CacheLookup => {
    if (isPlainAt(columns, index)) {
      keep(index);
      return { kind: 'hit', outcome: outcomeOf(task, {}) };
    }
    const entry = decodeEntry(storedAt(columns, index));
    // Damaged, or an I/O error that may be gone: decided (and recorded) by the stamp.
    if (!entry || entry.result?.status === 'error') return lookupByStamp(task, index);
    if (entry.dependencies) {
      dependents.push({ task, index, entry, isSameStamp: true });
      return { kind: 'after-discovery' };
    }
    keep(index);
    return { kind: 'hit', outcome: outcomeOf(task, entry) };
  };

  return {
    file,
    lookup(task, object) {
      const index = old.indexOf(task.file);
      lookedUp.push(task.file);
      lookedUpIndex.push(index);
      // No stat, no read: git checked the file against its index, and its blob id is the key.
      if (typeof object === 'string' && index >= 0 && columns.hashes[index] === object) {
        byObject.push({ task, index });
        return { kind: 'after-discovery' };
      }
      // Git found it modified: a stamp put back (a restored mtime) must not pass for the content.
      return lookupByStamp(task, index, object === null);
    },

    settleDependents(gitAttributesFolders = []) {
      const settled: { task: FileTask; outcome: FileOutcome | undefined }[] = [];
      const isConvertingAnywhere = byObject.length > 0 && mayGitConvertAnywhere(options.cwd);
      // Each folder's prefix once, not once per file and folder.
      const prefixes = gitAttributesFolders.map((folder) => (folder.endsWith(path.sep) ? folder : folder + path.sep));
      const isConverting = (absolute: string) => isConvertingAnywhere || prefixes.some((prefix) => absolute.startsWith(prefix)) || gitAttributesFolders.includes(absolute);
      for (const { task, index } of byObject) {
        const lookup = isConverting(task.absolute) ? lookupByStamp(task, index) : lookupByObject(task, index);
        if (lookup.kind !== 'after-discovery') settled.push({ task, outcome: lookup.kind === 'hit' ? lookup.outcome : undefined });
      }
      for (const { task, index, entry, isSameStamp } of dependents) {
        const isValid = !hasNewFile && entry.dependencies!.files.every((dependency) => currentHash(dependency.absolute) === dependency.hash);
        if (isValid && isSameStamp) keep(index);
        else if (isValid) changed.set(task.file, encodeEntry(entry));
        settled.push({ task, outcome: isValid ? outcomeOf(task, entry) : undefined });
      }
      return settled;
    },
    record(task, outcome) {
      const stamp = stamps.get(task.file);
      const { result, hash, dependencies } = outcome;
      if (!stamp) return;
      // A file that was read has a hash; one that was not (over the size limit) is cached by its stamp.
      // A text-only file says so (`textOnly`, its reason) even with nothing found: only a result with nothing to say is left out.
      const isPlain = result.status === 'unchanged' && result.findings.length === 0 && result.remaining.length === 0 && !result.suppressed && result.reason === undefined && !result.isTextOnly;
      changed.set(task.file, encodeEntry({ ...stamp, ...(hash ? { hash } : {}), ...(isPlain ? {} : { result }), ...(dependencies ? { dependencies } : {}) }));
      isChanged = true;
    },

    async save() {
      if (!old.isWritable) return;
      // Nothing recorded and every entry seen again: the file on disk says it all already.
      if (!isChanged && changed.size === 0 && keptCount === oldCount) return;
      const roots = options.roots.map((root) => path.resolve(options.cwd, root));
      const next = emptyColumns();
      // In the order looked up, which the next run repeats (cache-file.ts, nameIndex).
      const written = new Set<string>();
      const write = (name: string, entry: StoredEntry) => {
        if (written.has(name)) return;
        written.add(name);
        appendEntry(next, name, entry);
      };
      for (let i = 0; i < lookedUp.length; i++) {
        const name = lookedUp[i]!;
        const index = lookedUpIndex[i]!;
        const entry = changed.get(name) ?? (index >= 0 && isKept[index] ? storedAt(columns, index) : undefined);
        if (entry) write(name, entry);
      }
      for (let index = 0; index < oldCount; index++) {
        const name = columns.files[index];
        if (typeof name !== 'string' || isKept[index] || changed.has(name)) continue;
        // Not seen this run: kept when the run looked at part of the tree, dropped when its file is gone.
        const isUnwalked = options.isSelection || !roots.some((root) => isInside(root, path.resolve(options.cwd, name)));
        if (isUnwalked) write(name, storedAt(columns, index));
      }
      await saveCache(file, { settings, startedAt, columns: next }, options.warn);
    },
  };
}
