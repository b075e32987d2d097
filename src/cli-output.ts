import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './cli-io.js';
import type { CommonFlags } from './cli-commands.js';
import { DEFAULT_FORMAT, findReporter, maskReport, renderReport, type Reporter, type ReporterContext } from './reporters/index.js';
import { describeIoError } from './io-error.js';
import type { RunResult } from './run-result.js';
import { UsageError } from './usage-error.js';
import { TOOL } from './version.js';

/** The formatted result: to `--output`, else stdout. */
export async function emit(text: string, result: RunResult, flags: CommonFlags, io: CliIo): Promise<void> {
  if (flags.output) await writeOutput(path.resolve(io.cwd, flags.output), text, result, io.cwd);
  else io.stdout(text);
}

/**
 * SIGINT: what was written is printed (migrate), then one line on stderr, exit 2. Every file is
 * whole: old, or new when its atomic rename happened before the interrupt.
 */
export async function reportInterrupt(result: RunResult, flags: CommonFlags, io: CliIo): Promise<number> {
  const written = result.files.filter((file) => file.status === 'changed').length;
  if (result.command === 'migrate' && !result.isDryRun) {
    const reporter = findReporter(flags.format ?? DEFAULT_FORMAT.migrate, 'migrate')!;
    await emit(renderReport(reporter, result, { isColor: false }), result, flags, io);
    io.stderr(`${TOOL.name}: interrupted: ${written} file(s) written before the interrupt (listed above), every other file left as it was\n`);
  } else {
    io.stderr(`${TOOL.name}: interrupted after ${result.files.length} file(s); nothing was written\n`);
  }
  return 2;
}

async function writeOut(file: string, cwd: string, text: string, write: typeof writeFile | typeof appendFile): Promise<void> {
  try {
    await write(path.resolve(cwd, file), text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeIoError(error)}`);
  }
}

/** GitHub Actions shows this file's Markdown on the run's summary page; steps append to it. */
export async function writeStepSummary(reporter: Reporter, result: RunResult, context: ReporterContext, io: CliIo): Promise<void> {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (!reporter.renderStepSummary || !summaryFile) return;
  await writeOut(summaryFile, io.cwd, maskReport(reporter.renderStepSummary(result, { ...context, isColor: false }), result), appendFile);
}

/** `--output` names a new file: never one of the files the run scanned (a report must not eat the code). */
async function writeOutput(target: string, text: string, result: RunResult, cwd: string): Promise<void> {
  // Compared as the run's own relative names: resolving every scanned path would cost a large
  // repository a pass over tens of thousands of files for one lookup.
  const name = path.relative(cwd, target).split(path.sep).join('/');
  if (result.files.some((file) => file.file === name)) {
    throw new UsageError(`refusing to write --output over ${path.relative(cwd, target)}: it is one of the scanned files`);
  }
  await writeOut(path.relative(cwd, target), cwd, text, writeFile);
}
