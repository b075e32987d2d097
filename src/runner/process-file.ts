import type { CredentialUse } from '../core/credentials/credential-uses.js';
import type { FileAnalysisOptions, FileAnalysisOutcome } from './analyze-file.js';
import { readSourceFile, type ReadLimits } from './read-source.js';
import type { Command, FileResult } from './result.js';

/** One file to analyse: where it is, and the name it is reported under. */
export interface FileTask {
  absolute: string;
  /** Relative to the working directory, `/`-separated. */
  file: string;
}

/**
 * Everything the per-file work needs, as plain data: it is copied to every worker thread with
 * the structured clone algorithm, so no functions, no class instances (RegExps are fine).
 */
export interface FileTaskOptions {
  command: Command;
  core: FileAnalysisOptions;
  limits: ReadLimits;
}

/** What the main thread must write for a changed file, when it writes (migrate without --dry-run). */
export interface PendingWrite {
  output: string;
  /** The text the analysis saw: the write refuses if the file no longer holds it. */
  original: string;
  mode: number;
}

export interface FileOutcome {
  result: FileResult;
  write?: PendingWrite;
  /** The credentials the rewrite took out (offsets into `write.output`), for `--remove-ticket-code`. */
  removedCredentials?: CredentialUse[];
}

type AnalyzeFileModule = typeof import('./analyze-file.js');
let analyzeModule: Promise<AnalyzeFileModule> | undefined;

/**
 * The parser and detectors are loaded on the first candidate file only: a worker that sees
 * none (a repository without legacy code) never pays for loading Babel.
 */
function loadAnalysis(): Promise<AnalyzeFileModule> {
  analyzeModule ??= import('./analyze-file.js');
  return analyzeModule;
}

function plainResult(file: string, status: FileResult['status'], reason?: string): FileResult {
  return { file, status, ...(reason ? { reason } : {}), findings: [], remaining: [], secrets: [] };
}

/**
 * The per-file entry point of a worker (and of `--jobs 1`): read, prefilter, analyse. Never
 * writes and never throws: a file's trouble, even a bug in a detector, is that file's result.
 */
export async function processFileTask(task: FileTask, options: FileTaskOptions): Promise<FileOutcome> {
  return (await processOrDefer(task, options, false)) as FileOutcome;
}

/** What a worker answers for a candidate it was asked to leave to the pool's analyst thread. */
export const DEFERRED = 'deferred';

/**
 * processFileTask, except that with `deferCandidates` a file that passes the prefilter is not
 * analysed here: the answer is DEFERRED, and the pool hands the file to its analyst thread
 * (worker-pool.ts says why).
 */
export async function processOrDefer(task: FileTask, options: FileTaskOptions, deferCandidates: boolean): Promise<FileOutcome | typeof DEFERRED> {
  const read = readSourceFile(task.absolute, options.limits);
  if (read.kind === 'not-candidate') return { result: plainResult(task.file, 'unchanged') };
  if (read.kind !== 'text') return { result: plainResult(task.file, read.kind === 'error' ? 'error' : 'skipped', read.reason) };
  if (deferCandidates) return DEFERRED;
  let analysis: FileAnalysisOutcome;
  try {
    const { analyzeFileText } = await loadAnalysis();
    analysis = analyzeFileText(read.text, task.file, options.command, options.core);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result: plainResult(task.file, 'error', `internal error while analysing: ${message.split('\n')[0]}`) };
  }
  const { result, output, removedCredentials } = analysis;
  return output === undefined ? { result } : { result, write: { output, original: read.text, mode: read.mode }, ...(removedCredentials ? { removedCredentials } : {}) };
}
