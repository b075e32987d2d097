import path from 'node:path';
import type { CoreOptions } from '../core/options.js';
import { resolveOptions } from '../core/options.js';
import { analyzeFileText } from './analyze-file.js';
import { applyBaseline, checkBaselineOptions, loadBaseline, writeBaseline } from './baseline.js';
import { discoverFiles } from './discover.js';
import { uncommittedChanges } from './git.js';
import { DEFAULT_MAX_FILE_BYTES, describeIoError, readSource } from './read-source.js';
import { summarize, type Command, type FileResult, type RunResult } from './result.js';
import { selectFiles, type FileFilter, type Shard } from './select-files.js';
import { UsageError } from './usage-error.js';
import { writeFileAtomic } from './write-atomic.js';

export { UsageError };

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
  maxFileBytes?: number;
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
}

function relativeName(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/**
 * The only code that writes user files. Discovers, reads, analyses, and for migrate writes each
 * changed file atomically. One file's trouble is that file's result; the run goes on.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const core = resolveOptions(options);
  const isDryRun = options.command !== 'migrate' || Boolean(options.dryRun);
  const discovery = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore ?? [] });
  if (discovery.missing.length > 0) throw new UsageError(`no such file or directory: ${discovery.missing.join(', ')}`);
  checkBaselineOptions(options);
  const baseline = options.baseline !== undefined && options.writeBaseline === undefined ? await loadBaseline(options.baseline, options.cwd) : undefined;
  const selected = await selectFiles(discovery.files, options);

  if (!isDryRun && !options.force) {
    const dirty = await uncommittedChanges(options.paths, options.cwd);
    if (dirty.length > 0) {
      throw new UsageError(
        `refusing to migrate: ${dirty.length} uncommitted change(s) under the given paths; commit or stash them, or pass --force`,
      );
    }
  }

  let files: FileResult[] = [];
  for (const absolute of selected) {
    files.push(await processFile(absolute, relativeName(options.cwd, absolute), options, core, isDryRun));
  }

  let baselined: number | undefined;
  if (options.writeBaseline !== undefined) {
    await writeBaseline(options.writeBaseline, options.cwd, files);
    ({ files, baselined } = applyBaseline(files, new Set(files.flatMap((file) => file.findings.map((finding) => finding.fingerprint)))));
  } else if (baseline) ({ files, baselined } = applyBaseline(files, baseline));
  const summary = { ...summarize(files, options.command), ...(baselined === undefined ? {} : { baselined }) };
  return { command: options.command, isDryRun, tokenExpr: core.tokenExpr, scope: core.scope, files, summary };
}

async function processFile(
  absolute: string,
  file: string,
  options: RunOptions,
  core: CoreOptions,
  isDryRun: boolean,
): Promise<FileResult> {
  const read = await readSource(absolute, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (read.kind !== 'text') {
    return { file, status: read.kind === 'error' ? 'error' : 'skipped', reason: read.reason, findings: [], remaining: [], secrets: [] };
  }
  const { result, output } = analyzeFileText(read.text, file, options.command, { ...core, projectRoot: options.cwd, annotate: Boolean(options.annotate) });
  if (output === undefined || isDryRun) return result;
  try {
    await writeFileAtomic(absolute, output, { mode: read.mode, expected: read.text });
  } catch (error) {
    return { ...result, status: 'error', reason: `cannot write: ${error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : describeIoError(error)}`, remaining: result.findings };
  }
  return result;
}
