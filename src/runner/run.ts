import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { CoreOptions } from '../core/options.js';
import { resolveOptions } from '../core/options.js';
import { discoverFiles, type Discovery } from './discover.js';
import { uncommittedChanges } from './git.js';
import type { FileOutcome, FileTask, FileTaskOptions } from './process-file.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_LENGTH, describeIoError } from './read-source.js';
import { summarize, type Command, type FileResult, type RunResult } from './result.js';
import { canStartWorkers, createInBandPool, createWorkerPool, type AnalysisPool } from './worker-pool.js';
import { writeFileAtomic } from './write-atomic.js';

export interface RunOptions extends CoreOptions {
  command: Command;
  paths: readonly string[];
  cwd: string;
  /** migrate: compute and report, write nothing. */
  dryRun?: boolean;
  /** migrate: write even with uncommitted changes. */
  force?: boolean;
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
}

/** A problem with the run as a whole (not one file): exit code 2 with this one line. */
export class UsageError extends Error {}

/** Below this many files, starting worker threads costs more than the analysis they would share. */
const IN_BAND_BELOW = 100;

function relativeName(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function plainResult(file: string, status: FileResult['status'], reason: string): FileResult {
  return { file, status, reason, findings: [], remaining: [], secrets: [] };
}

function createPool(options: RunOptions, taskOptions: FileTaskOptions, fileCount: number): AnalysisPool {
  const isExplicit = options.jobs !== undefined;
  const jobs = options.jobs ?? availableParallelism();
  if (jobs <= 1 || !canStartWorkers() || (!isExplicit && fileCount < IN_BAND_BELOW)) return createInBandPool(taskOptions);
  return createWorkerPool(taskOptions, Math.max(1, Math.min(jobs, fileCount)));
}

/** Paths that could not be analysed at all (missing, unreadable folders, links): reported once each. */
function discoveryResults(discovery: Discovery, cwd: string): FileResult[] {
  return [
    ...discovery.missing.map((given) => plainResult(relativeName(cwd, path.resolve(cwd, given)), 'error', 'no such file or directory')),
    ...discovery.problems.map((problem) => plainResult(relativeName(cwd, problem.absolute), problem.status, problem.reason)),
  ];
}

/**
 * The only code that writes user files. Discovers, then analyses on a pool of worker threads
 * (outcomes streamed back, so only the results are kept), and for migrate writes each changed
 * file atomically as its outcome arrives. One file's trouble is that file's result; the run goes on.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const core = resolveOptions(options);
  const isDryRun = options.command !== 'migrate' || Boolean(options.dryRun);
  const discovery = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore ?? [] });
  const givenCount = Math.max(1, options.paths.length);
  if (discovery.missing.length === givenCount) throw new UsageError(`no such file or directory: ${discovery.missing.join(', ')}`);

  if (!isDryRun && !options.force) {
    const dirty = await uncommittedChanges(options.paths, options.cwd);
    if (dirty.length > 0) {
      throw new UsageError(
        `refusing to migrate: ${dirty.length} uncommitted change(s) under the given paths; commit or stash them, or pass --force`,
      );
    }
  }

  const tasks: FileTask[] = discovery.files.map((absolute) => ({ absolute, file: relativeName(options.cwd, absolute) }));
  const taskOptions: FileTaskOptions = {
    command: options.command,
    core,
    limits: { maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH },
  };
  const analysed: (FileResult | undefined)[] = new Array(tasks.length);
  let done = 0;
  const pool = createPool(options, taskOptions, tasks.length);
  try {
    await pool.analyze(
      tasks,
      async (index, outcome) => {
        if (options.signal?.aborted) return;
        analysed[index] = outcome.write && !isDryRun ? await writeOutcome(tasks[index]!.absolute, outcome) : outcome.result;
        options.onProgress?.(++done, tasks.length);
      },
      options.signal,
    );
  } finally {
    await pool.close();
  }

  const files = [...discoveryResults(discovery, options.cwd), ...analysed.filter((result): result is FileResult => result !== undefined)];
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const result: RunResult = { command: options.command, isDryRun, tokenExpr: core.tokenExpr, scope: core.scope, files, summary: summarize(files, options.command) };
  if (options.signal?.aborted) result.interrupted = true;
  return result;
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
    await writeFileAtomic(absolute, write.output, { mode: write.mode, expected: write.original });
  } catch (error) {
    return failed(error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : describeIoError(error));
  }
  return result;
}
