import path from 'node:path';
import type { CoreOptions } from '../core/options.js';
import { resolveOptions } from '../core/options.js';
import { analyzeFileText } from './analyze-file.js';
import { discoverFiles } from './discover.js';
import { uncommittedChanges } from './git.js';
import { DEFAULT_MAX_FILE_BYTES, describeIoError, readSource } from './read-source.js';
import { summarize, type Command, type FileResult, type RunResult } from './result.js';
import { writeFileAtomic } from './write-atomic.js';

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
}

/** A problem with the run as a whole (not one file): exit code 2 with this one line. */
export class UsageError extends Error {}

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

  if (!isDryRun && !options.force) {
    const dirty = await uncommittedChanges(options.paths, options.cwd);
    if (dirty.length > 0) {
      throw new UsageError(
        `refusing to migrate: ${dirty.length} uncommitted change(s) under the given paths; commit or stash them, or pass --force`,
      );
    }
  }

  const files: FileResult[] = [];
  for (const absolute of discovery.files) {
    files.push(await processFile(absolute, relativeName(options.cwd, absolute), options, core, isDryRun));
  }
  return { command: options.command, isDryRun, tokenExpr: core.tokenExpr, scope: core.scope, files, summary: summarize(files, options.command) };
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
