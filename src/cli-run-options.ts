import type { RemovalMode } from './core/removal/candidate.js';
import { scopeProblem, tokenExprProblem } from './core/options.js';
import type { CliIo } from './cli-io.js';
import type { CommonFlags } from './cli-commands.js';
import { parseByteSize, parseCount } from './option-values.js';
import type { Command } from './run-result.js';
import type { RunOptions } from './runner/run.js';
import { UsageError } from './usage-error.js';
import { parseShard } from './runner/select-files.js';
import { TOOL } from './version.js';

/** Options whose value is given on the command line win over the configuration file. */
export const CONFIGURABLE_FLAGS = ['tokenExpr', 'scope'] as const;

/**
 * The flag's value as a run option. Commander gives an optional value the next argument when it
 * is not an option, so `--remove-ticket-code src/` takes the path: anything but `exports` goes
 * back to the paths.
 */
function removalModeOf(value: boolean | string | undefined, paths: string[]): RemovalMode | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === 'exports') return 'exports';
  if (typeof value === 'string') paths.unshift(value);
  return 'on';
}

/**
 * The command line as run options, before the configuration fills in the rest. `given` names the
 * configurable flags typed on the command line: only those are validated and passed on, so a
 * default never hides the configuration's value.
 */
export function runOptionsFromFlags(command: Command, paths: string[], flags: CommonFlags, given: ReadonlySet<string>, io: CliIo): RunOptions {
  const problem = (given.has('tokenExpr') ? tokenExprProblem(flags.tokenExpr) : undefined) ?? (given.has('scope') ? scopeProblem(flags.scope) : undefined);
  if (problem) throw new UsageError(problem);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const removalMode = removalModeOf(flags.removeTicketCode, paths);
  return {
    command,
    paths,
    cwd: io.cwd,
    ...(given.has('tokenExpr') ? { tokenExpr: flags.tokenExpr } : {}),
    ...(given.has('scope') ? { scope: flags.scope } : {}),
    dryRun: Boolean(flags.dryRun),
    force: Boolean(flags.force),
    annotate: Boolean(flags.annotate),
    ...(removalMode ? { removeTicketCode: removalMode } : {}),
    ignore: flags.ignore,
    ...(flags.jobs !== undefined ? { jobs: parseCount('--jobs', flags.jobs) } : {}),
    ...(flags.maxFileSize !== undefined ? { maxFileBytes: parseByteSize(flags.maxFileSize) } : {}),
    ...(flags.maxLineLength !== undefined ? { maxLineLength: parseCount('--max-line-length', flags.maxLineLength) } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(flags.changedSince !== undefined ? { changedSince: flags.changedSince } : {}),
    ...(shard ? { shard } : {}),
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(flags.writeBaseline !== undefined ? { writeBaseline: flags.writeBaseline } : {}),
    ...(flags.cache ? { cache: true } : {}),
    ...(flags.cacheLocation !== undefined ? { cacheLocation: flags.cacheLocation } : {}),
    ...(flags.quiet ? {} : { onWarning: (message: string) => io.stderr(`${TOOL.name}: warning: ${message}\n`) }),
  };
}
