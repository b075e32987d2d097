import { Command as Program, CommanderError } from 'commander';
import { applyConfig } from './config/apply-config.js';
import { loadConfig } from './config/load.js';
import { RULE_IDS } from './core/findings.js';
import { DEFAULT_SCOPE, DEFAULT_TOKEN_EXPR } from './core/options.js';
import type { CliIo } from './cli-io.js';
import { defineCommands, type CommandAction, type CommonFlags } from './cli-commands.js';
import { emit, reportInterrupt, writeStepSummary } from './cli-output.js';
import { CONFIGURABLE_FLAGS, runOptionsFromFlags } from './cli-run-options.js';
import { DEFAULT_FORMAT, findReporter, formatsFor, renderReport, type ReporterContext } from './reporters/index.js';
import { workTreePrefix } from './runner/git-changes.js';
import { createProgressBar } from './runner/progress.js';
import { allFindings, type Command, type RunResult } from './run-result.js';
import { run } from './runner/run.js';
import { UsageError } from './usage-error.js';
import { loadRuleDocs } from './rule-docs.js';
import { commandLineFor } from './shell-command.js';
import { TOOL } from './version.js';

export type { CliIo } from './cli-io.js';

/**
 * Exit codes (DESIGN §2): 0 nothing left to do, 1 findings remain, 2 usage error, refused dirty
 * tree, I/O failure or crash.
 */
export function exitCodeFor(result: RunResult): number {
  if (result.summary.errors > 0 || result.interrupted) return 2;
  const which = result.command === 'check' ? 'findings' : 'remaining';
  return allFindings(result, which).some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** argv in, exit code out. Never calls process.exit (the ESLint lib/cli.js habit). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  let isDebug = argv.includes('--debug');
  const program = new Program()
    .name(TOOL.name)
    .description('Migrate legacy Zoho API calls from apikey + ticket to authtoken + scope, and keep them from coming back.')
    .version(TOOL.version, '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`${text.trim().split('\n').map((line) => line.trim()).join(' ')}\n`) });

  const actionFor = (name: Command): CommandAction => async (paths, flags, command) => {
    isDebug = Boolean(flags.debug);
    const given = new Set(CONFIGURABLE_FLAGS.filter((key) => command.getOptionValueSource(key) === 'cli'));
    exitCode = await execute(name, paths, flags, given, io);
  };
  defineCommands(program, actionFor);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`${TOOL.name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${TOOL.name}: internal error: ${message.split('\n')[0]}${isDebug ? '' : ' (run with --debug for details)'}\n`);
    if (isDebug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

async function execute(command: Command, paths: string[], flags: CommonFlags, given: ReadonlySet<string>, io: CliIo): Promise<number> {
  const format = flags.format ?? DEFAULT_FORMAT[command];
  const reporter = findReporter(format, command);
  if (!reporter) throw new UsageError(`unknown --format "${format}" for ${command}; choose one of: ${formatsFor(command).join(', ')}`);
  const fromFlags = runOptionsFromFlags(command, paths, flags, given, io);
  // Flags given on the command line win; the configuration fills in the rest.
  const options = applyConfig(fromFlags, await loadConfig({ cwd: io.cwd, ...(flags.config !== undefined ? { configFile: flags.config } : {}) }));
  const progress = io.isStderrTty && flags.progress && !flags.quiet ? createProgressBar(io.stderr) : undefined;
  if (progress) options.onProgress = (done, total) => progress.update(done, total);
  let result: RunResult;
  try {
    result = await run(options);
  } finally {
    progress?.stop();
  }
  if (result.interrupted) return reportInterrupt(result, flags, io);
  // https://no-color.org: present and not empty turns colour off.
  const isColor = io.isStdoutTty && !flags.output && !io.env.NO_COLOR;
  // The command lines reports print run in the same folder, so they read the same configuration.
  const inputs = { paths, tokenExpr: fromFlags.tokenExpr ?? DEFAULT_TOKEN_EXPR, scope: fromFlags.scope ?? DEFAULT_SCOPE, ignore: flags.ignore, ...(flags.config !== undefined ? { config: flags.config } : {}) };
  // A selection (--changed-since, --shard) is not a migrate option: the plan's own files stand in for it.
  const isSelection = fromFlags.changedSince !== undefined || fromFlags.shard !== undefined;
  const planned = result.files.filter((file) => file.status === 'changed').map((file) => file.file);
  const migrateInputs = isSelection && planned.length > 0 ? { ...inputs, paths: planned } : inputs;
  const context: ReporterContext = {
    isColor,
    commandLine: commandLineFor(command, inputs),
    migrateCommandLine: commandLineFor('migrate', migrateInputs),
    ...(reporter.usesRepoPaths ? { repoPrefix: await workTreePrefix(io.cwd) } : {}),
    ruleDocs: loadRuleDocs(io.cwd, RULE_IDS, Boolean(reporter.usesRuleDocPages)),
  };
  await emit(renderReport(reporter, result, context), result, flags, io);
  await writeStepSummary(reporter, result, context, io);
  if (flags.writeBaseline !== undefined && !flags.quiet) {
    io.stderr(`${TOOL.name}: wrote ${flags.writeBaseline} (${result.summary.baselined ?? 0} findings)\n`);
  }
  return exitCodeFor(result);
}
