import path from 'node:path';
import { displayLatin1 } from '../core/source/windows-1252.js';
import type { ModuleReads } from '../project/project-index.js';
import type { CredentialUse } from '../core/credentials/credential-use.js';
import type { FileAnalysisOptions, FileAnalysisOutcome } from './analyze-file.js';
import { contentHash, hashFileNow } from './content-hash.js';
import { emptyResult } from './empty-result.js';
import { readSourceFile, type ReadLimits, type ReadOutcome, type TextEncoding } from './read-source.js';
import type { Command, FileResult } from '../run-result.js';
import { scanUnparsedFile, scanUnparsedText } from './scan-unparsed.js';

/** One file to analyse: where it is, and the name it is reported under. */
export interface FileTask {
  absolute: string;
  /** Relative to the working directory, `/`-separated. */
  file: string;
  /** A candidate another worker read and left to the analyst: its text, so it is not read or prefiltered again. */
  read?: DeferredRead;
}

/** A candidate's text as the worker that read it decoded it (and its content hash, with `--cache`). */
export interface DeferredRead {
  text: string;
  mode: number;
  encoding: TextEncoding;
  hash?: string;
}

/** What a worker answers for a candidate it was asked to leave to the pool's analyst thread. */
export interface Deferred {
  deferred: DeferredRead;
}

export function isDeferred(answer: FileOutcome | Deferred | null): answer is Deferred {
  return answer !== null && 'deferred' in answer;
}

/**
 * Everything the per-file work needs, as plain data: it is copied to every worker thread with
 * the structured clone algorithm, so no functions, no class instances (RegExps are fine).
 */
export interface FileTaskOptions {
  command: Command;
  core: FileAnalysisOptions;
  limits: ReadLimits;
  /** `--cache`: fingerprint every file read, and the modules each analysis read across files. */
  isHashing?: boolean;
}

/** The other files a result depends on, each with the content hash it had when it was read. */
export interface FileDependencies {
  files: { absolute: string; hash: string }[];
  hasUnresolvedImport: boolean;
}

/** What the main thread must write for a changed file, when it writes (migrate without --dry-run). */
export interface PendingWrite {
  output: string;
  /** The text the analysis saw: the write refuses if the file no longer holds it. */
  original: string;
  mode: number;
  /** The file's bytes were decoded so, and are written back so. */
  encoding: TextEncoding;
}

export interface FileOutcome {
  result: FileResult;
  write?: PendingWrite;
  /** `isHashing`: the content hash of the bytes the result came from (absent when the file was not read). */
  hash?: string;
  /** `isHashing`: what else the result depends on (absent when the analysis read no other module). */
  dependencies?: FileDependencies;
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

/**
 * The per-file entry point of a worker (and of `--jobs 1`): read, prefilter, analyse. Never
 * writes and never throws: a file's trouble, even a bug in a detector, is that file's result.
 */
export async function processFileTask(task: FileTask, options: FileTaskOptions): Promise<FileOutcome> {
  return (await processOrDefer(task, options, false)) as FileOutcome;
}

/**
 * processFileTask, except that with `deferCandidates` a file that passes the prefilter is not
 * analysed here: the answer is its text (Deferred), and the pool hands it to its analyst thread
 * (worker-pool.ts says why), which analyses that text without reading the file again.
 */
export async function processOrDefer(task: FileTask, options: FileTaskOptions, deferCandidates: boolean): Promise<FileOutcome | Deferred> {
  let hash = task.read?.hash;
  const read: ReadOutcome = task.read
    ? { kind: 'text', text: task.read.text, mode: task.read.mode, encoding: task.read.encoding }
    : readSourceFile(task.absolute, options.limits, options.isHashing ? (bytes) => (hash = contentHash(bytes)) : undefined);
  const hashed = (outcome: FileOutcome): FileOutcome => (hash === undefined ? outcome : { ...outcome, hash });
  if (read.kind === 'not-candidate') return hashed({ result: emptyResult(task.file) });
  if (read.kind === 'unparsed') return hashed(await scanUnparsed(task, options, read.reason, read.text));
  if (read.kind !== 'text') return hashed({ result: emptyResult(task.file, read.kind === 'error' ? 'error' : 'skipped', read.reason) });
  if (deferCandidates) return { deferred: { text: read.text, mode: read.mode, encoding: read.encoding, ...(hash !== undefined ? { hash } : {}) } };
  let analysis: FileAnalysisOutcome;
  try {
    const { analyzeFileText } = await loadAnalysis();
    analysis = analyzeFileText(read.text, task.file, options.command, options.core);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result: emptyResult(task.file, 'error', `internal error while analysing: ${message.split('\n')[0]}`) };
  }
  const { result, output, moduleReads, removedCredentials } = analysis;
  if (read.encoding === 'latin1') showAsWindows1252(result);
  const dependencies = options.isHashing && moduleReads ? dependenciesOf(moduleReads, options.core.projectRoot) : undefined;
  const withDependencies = dependencies ? { dependencies } : {};
  if (output === undefined) return hashed({ result, ...withDependencies });
  // Latin-1 holds U+0000-U+00FF only: a --token-expr beyond that cannot be written into such a file.
  if (read.encoding === 'latin1' && /[^\u0000-\u00ff]/.test(output)) {
    return hashed({ result: { ...result, status: 'error', reason: 'the file is Latin-1 and the rewrite holds characters Latin-1 cannot encode (from --token-expr?); rewrite it by hand', remaining: result.findings }, ...withDependencies });
  }
  return hashed({ result, write: { output, original: read.text, mode: read.mode, encoding: read.encoding }, ...withDependencies, ...(removedCredentials ? { removedCredentials } : {}) });
}

/**
 * The modules an analysis read, hashed right after it (the index keeps no bytes): a module saved
 * within that window, one file's analysis, would go unnoticed by the next cached run.
 * The project's tsconfig.json comes along: its options can change where an import resolves.
 */
function dependenciesOf(reads: ModuleReads, projectRoot: string | undefined): FileDependencies | undefined {
  if (reads.modules.length === 0 && !reads.hasUnresolvedImport) return undefined;
  const files = [...reads.modules, ...(projectRoot === undefined ? [] : [path.join(projectRoot, 'tsconfig.json')])];
  return { files: files.map((absolute) => ({ absolute, hash: hashFileNow(absolute) })), hasUnresolvedImport: reads.hasUnresolvedImport };
}

/** What a person reads of a Latin-1 file (its diff, the excerpts of a report) shows the characters Windows-1252 means. */
function showAsWindows1252(result: FileResult): void {
  if (result.diff) result.diff = displayLatin1(result.diff);
  for (const finding of [...result.findings, ...result.remaining]) {
    if (finding.excerpt) finding.excerpt = { ...finding.excerpt, lines: finding.excerpt.lines.map(displayLatin1) };
  }
}

/**
 * A file too big or too long to parse still goes through the text scan, so the gate never passes
 * it unseen: its legacy URLs and ticket logins are findings (never fixable), and the file is
 * counted as scanned by text only.
 */
async function scanUnparsed(task: FileTask, options: FileTaskOptions, reason: string, text: string | undefined): Promise<FileOutcome> {
  const scanned = text !== undefined ? { kind: 'findings' as const, ...scanUnparsedText(text, task.file, reason, options.core) } : scanUnparsedFile(task.absolute, task.file, reason, options.core);
  if (scanned.kind !== 'findings') return { result: emptyResult(task.file, scanned.kind, scanned.reason) };
  const { toReported } = await loadAnalysis();
  const findings = scanned.findings.map((finding) => toReported(finding, task.file, []));
  const result: FileResult = { file: task.file, status: 'unchanged', reason: `not parsed, scanned as text only: ${reason}`, isTextOnly: true, findings, remaining: findings, secrets: [] };
  if (scanned.suppressed > 0) result.suppressed = scanned.suppressed;
  return { result };
}
