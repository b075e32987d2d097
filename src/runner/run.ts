import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { CoreOptions } from '../core/options.js';
import { resolveOptions } from '../core/options.js';
import { applyBaseline, checkBaselineOptions, loadBaseline, writeBaseline } from './baseline.js';
import { discoverFiles, type Discovery } from './discover.js';
import { emptyResult } from './empty-result.js';
import { uncommittedChanges } from './git.js';
import type { FileOutcome, FileTask, FileTaskOptions } from './process-file.js';
import { describeIoError } from '../io-error.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_LENGTH } from './read-source.js';
import type { Command, FileResult, RunResult } from '../run-result.js';
import { summarize } from './result.js';
import { fileFilterPredicate, selectFiles, type FileFilter, type Shard } from './select-files.js';
import { removeStaleTemps } from './stale-temps.js';
import { UsageError } from '../usage-error.js';
import { openResultCache } from './result-cache.js';
import { createAnalysisPool } from './worker-pool.js';
import { writeFileAtomic } from './write-atomic.js';
import { removeTicketCode } from './remove-ticket-code.js';
import type { RemovalMode } from '../core/removal/candidate.js';


export interface RunOptions extends CoreOptions {
  command: Command;
  paths: readonly string[];
  cwd: string;
  /** migrate: compute and report, write nothing. */
  dryRun?: boolean;
  /** migrate: write even with uncommitted changes. */
  force?: boolean;
  /** migrate: mark flagged ticket generation/regeneration code with a comment. */
  annotate?: boolean;
  ignore?: readonly string[];
  /** Files larger than this are skipped (reported, not analysed). */
  maxFileBytes?: number;
  /** Candidate files with a longer line (minified) are skipped (reported, not analysed). */
  maxLineLength?: number;
  /** Worker threads; 1 runs in-band. Default: the available cores (in-band for small trees). */
  jobs?: number;
  /** Stops the run between files (SIGINT): files already written stay written, nothing is half-written. */
  signal?: AbortSignal;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** check, report: only files git shows as changed since this ref. */
  changedSince?: string;
  /** check, report: one deterministic slice of the file list. */
  shard?: Shard;
  /** check: leave out the findings recorded in this baseline file. */
  baseline?: string;
  /** check: record every finding of this run in this baseline file. */
  writeBaseline?: string;
  /** The configuration's include/ignore globs (src/config/apply-config.ts). */
  fileFilter?: FileFilter;
  /** check, report: reuse the results of unchanged files from the last run (`--cache`, src/runner/result-cache.ts). */
  cache?: boolean;
  /** Where the cache lives (`--cache-location`): a file, or a folder (ends with `/` or exists). */
  cacheLocation?: string;
  /** One-line warnings that do not stop the run (a corrupt cache). */
  onWarning?: (message: string) => void;
  /**
   * migrate, report: also delete the ticket code the rewrite made dead (`--remove-ticket-code`);
   * `exports` also removes exports no module of the scanned tree imports.
   */
  removeTicketCode?: RemovalMode;
}

/** `/`-separated and relative to the working directory; a string slice for the usual case (path.relative resolves both sides on every call). */
function relativeNamer(cwd: string): (file: string) => string {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  return (file) => {
    const relative = file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(cwd, file);
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  };
}

function relativeName(cwd: string, file: string): string {
  return relativeNamer(cwd)(file);
}

/** Paths that could not be analysed at all (missing, unreadable folders, links): reported once each. */
function discoveryResults(discovery: Discovery, cwd: string): FileResult[] {
  return [
    ...discovery.missing.map((given) => emptyResult(relativeName(cwd, path.resolve(cwd, given)), 'error', 'no such file or directory')),
    ...discovery.problems.map((problem) => emptyResult(relativeName(cwd, problem.absolute), problem.status, problem.reason)),
  ];
}

/**
 * The only code that writes user files. Walks the paths and hands each file to a pool of worker
 * threads as soon as it is found; outcomes stream back (only the results are kept), and for
 * migrate each changed file is written atomically as its outcome arrives. One file's trouble is
 * that file's result; the run goes on.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const core = resolveOptions(options);
  const isDryRun = options.command !== 'migrate' || Boolean(options.dryRun);

  if (!isDryRun && !options.force) {
    const dirty = await uncommittedChanges(options.paths, options.cwd);
    if (dirty.length > 0) {
      throw new UsageError(
        `refusing to migrate: ${dirty.length} uncommitted change(s) under the given paths; commit or stash them, or pass --force`,
      );
    }
  }

  checkBaselineOptions(options);
  const baseline = options.baseline !== undefined && options.writeBaseline === undefined ? await loadBaseline(options.baseline, options.cwd) : undefined;

  if (options.cache && options.command === 'migrate') throw new UsageError('--cache is for check and report: migrate reads every file it may rewrite');
  const isRemoving = options.removeTicketCode !== undefined && options.command !== 'check';
  // --remove-ticket-code looks at every file of the tree together: a reused result would be unseen by it.
  const isCaching = Boolean(options.cache) && !isRemoving;
  const taskOptions: FileTaskOptions = {
    command: options.command,
    // Plain data for the workers: each builds its own project index from the root.
    core: { ...core, projectRoot: options.cwd, annotate: Boolean(options.annotate) },
    limits: { maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH },
    ...(isCaching ? { isHashing: true } : {}),
  };
  const isSelection = options.changedSince !== undefined || options.shard !== undefined;
  const cache = isCaching
    ? openResultCache({ location: options.cacheLocation, cwd: options.cwd, taskOptions, roots: options.paths.length > 0 ? options.paths : ['.'], isSelection, warn: options.onWarning ?? (() => {}) })
    : undefined;
  const analysed: FileResult[] = [];
  let found = 0;
  // The removal looks at the whole tree first: outcomes wait for it, and are written after it.
  const held: Array<{ task: FileTask; outcome: FileOutcome }> = [];
  const discovered: string[] = [];
  const collect = (result: FileResult) => {
    analysed.push(result);
    options.onProgress?.(analysed.length + held.length, found);
  };
  const onOutcome = async (task: FileTask, outcome: FileOutcome) => {
    if (options.signal?.aborted) return;
    cache?.record(task, outcome);
    if (isRemoving) {
      held.push({ task, outcome });
      options.onProgress?.(analysed.length + held.length, found);
    } else collect(outcome.write && !isDryRun ? await writeOutcome(task.absolute, outcome) : outcome.result);
  };
  const pool = createAnalysisPool(taskOptions, options.jobs, onOutcome, options.signal);
  // The configuration's include/ignore globs apply as files stream in; a selection applies them itself.
  const isFiltered = options.fileFilter ? fileFilterPredicate(options.fileFilter) : () => true;
  const nameOf = relativeNamer(options.cwd);
  const analyse = (absolute: string, object?: string | null) => {
    if (absolute === cache?.file) return;
    found++;
    const task = { absolute, file: nameOf(absolute) };
    if (isRemoving) discovered.push(absolute);
    const cached = cache?.lookup(task, object);
    if (cached?.kind === 'hit') collect(cached.outcome.result);
    else if (cached?.kind !== 'after-discovery') pool.push(task);
  };
  // A selection (--changed-since, --shard) needs the whole list first; otherwise files are
  // analysed as the walk finds them.
  let discovery: Discovery;
  try {
    discovery = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore ?? [], ...(isSelection ? {} : { onFile: (absolute: string, object?: string | null) => isFiltered(absolute) && analyse(absolute, object) }) });
    if (discovery.missing.length === Math.max(1, options.paths.length)) throw new UsageError(`no such file or directory: ${discovery.missing.join(', ')}`);
    if (isSelection) for (const absolute of await selectFiles(discovery.files, options)) analyse(absolute);
    for (const { task, outcome } of cache?.settleDependents(discovery.gitAttributesFolders) ?? []) {
      if (outcome) collect(outcome.result);
      else pool.push(task);
    }
    await pool.end();
  } finally {
    await pool.close();
  }
  if (isRemoving && !options.signal?.aborted) {
    const removal = { mode: options.removeTicketCode!, cwd: options.cwd, paths: options.paths, core: taskOptions.core, limits: taskOptions.limits };
    for (const { task, outcome } of removeTicketCode(held, discovered, removal)) {
      analysed.push(outcome.write && !isDryRun ? await writeOutcome(task.absolute, outcome) : outcome.result);
    }
  }
  // A migrate killed mid-write leaves a temporary file beside the file it wrote: the next one clears them.
  if (!isDryRun) removeStaleTemps(new Set(discovery.files.map((file) => path.dirname(file))));

  // Half a run would read as "these files are gone" to the cache: it is saved after whole runs only.
  if (!options.signal?.aborted) await cache?.save();
  let files = [...discoveryResults(discovery, options.cwd), ...analysed];
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (options.signal?.aborted) {
    // Interrupted: what was done, and no baseline written from half a run.
    return { command: options.command, isDryRun, tokenExpr: core.tokenExpr, scope: core.scope, files, summary: summarize(files, options.command), interrupted: true };
  }
  let baselined: number | undefined;
  if (options.writeBaseline !== undefined) {
    await writeBaseline(options.writeBaseline, options.cwd, files);
    ({ files, baselined } = applyBaseline(files, new Set(files.flatMap((file) => file.findings.map((finding) => finding.fingerprint)))));
  } else if (baseline) ({ files, baselined } = applyBaseline(files, baseline));
  const summary = { ...summarize(files, options.command), ...(baselined === undefined ? {} : { baselined }) };
  return { command: options.command, isDryRun, tokenExpr: core.tokenExpr, scope: core.scope, files, summary };
}

/**
 * A file without any write permission bit is the user saying "do not change this"; root could
 * write it anyway (and rename() ignores the file's own mode), so the bits are checked as well.
 */
function isWritable(absolute: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return false;
  try {
    accessSync(absolute, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function writeOutcome(absolute: string, outcome: FileOutcome): Promise<FileResult> {
  const { result, write } = outcome;
  const failed = (reason: string): FileResult => ({ ...result, status: 'error', reason: `cannot write: ${reason}`, remaining: result.findings });
  if (!write) return result;
  if (!isWritable(absolute, write.mode)) return failed('the file is read-only; make it writable (chmod u+w) and run again');
  try {
    await writeFileAtomic(absolute, write.output, { mode: write.mode, expected: write.original, encoding: write.encoding });
  } catch (error) {
    return failed(error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : describeIoError(error));
  }
  return result;
}
