import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Argument, Command as Program, CommanderError, Option } from 'commander';
import { applyConfig } from './config/apply-config.js';
import { CONFIG_FILE_NAME, loadConfig, PACKAGE_JSON_KEY } from './config/load.js';
import { RULE_IDS } from './core/findings.js';
import { DEFAULT_SCOPE, DEFAULT_TOKEN_EXPR, scopeProblem, tokenExprProblem } from './core/options.js';
import { DEFAULT_FORMAT, findReporter, formatsFor, maskReport, renderReport, type Reporter, type ReporterContext } from './reporters/index.js';
import { workTreePrefix } from './runner/git-changes.js';
import { parseByteSize, parseCount } from './option-values.js';
import { createProgressBar } from './runner/progress.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_LENGTH, describeIoError, formatBytes } from './runner/read-source.js';
import { allFindings, type Command, type RunResult } from './runner/result.js';
import { run, UsageError, type RunOptions } from './runner/run.js';
import { parseShard } from './runner/select-files.js';
import { loadRuleDocs } from './rule-docs.js';
import { commandLineFor } from './shell-command.js';
import { TOOL } from './version.js';
import type { RemovalMode } from './core/removal/candidate.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isStdoutTty: boolean;
  /** The progress bar is drawn only on a terminal. */
  isStderrTty?: boolean;
  /** Aborted on SIGINT: the run stops between files and reports what it did. */
  signal?: AbortSignal;
}

interface CommonFlags {
  tokenExpr: string;
  scope: string;
  config?: string;
  format?: string;
  output?: string;
  ignore: string[];
  quiet?: boolean;
  debug?: boolean;
  dryRun?: boolean;
  force?: boolean;
  jobs?: string;
  maxFileSize?: string;
  maxLineLength?: string;
  progress: boolean;
  annotate?: boolean;
  removeTicketCode?: boolean | string;
  changedSince?: string;
  shard?: string;
  baseline?: string;
  writeBaseline?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/**
 * Exit codes (DESIGN §2): 0 nothing left to do, 1 findings remain, 2 usage error, refused dirty
 * tree, I/O failure or crash.
 */
export function exitCodeFor(result: RunResult): number {
  if (result.summary.errors > 0 || result.interrupted) return 2;
  const which = result.command === 'check' ? 'findings' : 'remaining';
  return allFindings(result, which).some((finding) => finding.severity === 'error') ? 1 : 0;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Options whose value is given on the command line win over the configuration file. */
const CONFIGURABLE_FLAGS = ['tokenExpr', 'scope'] as const;

function addCommonOptions(command: Program, name: Command): Program {
  return command
    .addArgument(new Argument('[paths...]', 'files and folders to scan').default([], '.'))
    .addOption(new Option('--token-expr <js>', 'expression inserted as the authtoken value (config: tokenExpr)').default(DEFAULT_TOKEN_EXPR))
    .addOption(new Option('--scope <scope>', 'scope for CRM requests (config: scope)').default(DEFAULT_SCOPE))
    .addOption(
      new Option('--config <file>', `configuration file`).default(undefined, `${CONFIG_FILE_NAME} or package.json "${PACKAGE_JSON_KEY}", nearest from the working directory up to the git root`),
    )
    .addOption(new Option('--format <format>', `output format: ${formatsFor(name).join(', ')}`).default(DEFAULT_FORMAT[name]))
    .addOption(new Option('--output <file>', 'write the formatted result to a file instead of stdout').default(undefined, 'stdout'))
    .option('--ignore <glob>', 'extra ignore pattern (repeatable); .gitignore, node_modules and the config\'s "ignore" are always honoured', collect, [])
    .option('--jobs <n>', 'worker threads for parsing and analysis; 1 runs in-band (default: available cores)')
    .option('--max-file-size <size>', `larger files are not parsed, only scanned as text (never rewritten), in bytes or with k/m/g (default: ${formatBytes(DEFAULT_MAX_FILE_BYTES)})`)
    .option('--max-line-length <chars>', `candidate files with a longer line (minified bundles) are only scanned as text (default: ${DEFAULT_MAX_LINE_LENGTH})`)
    .option('--no-progress', 'no progress bar (it is drawn on stderr, and only when stderr is a terminal)')
    .option('--quiet', 'print nothing but the result')
    .option('--debug', 'show stack traces for internal errors');
}

/** `--remove-ticket-code` alone, or `--remove-ticket-code=exports` (config: removeTicketCode). */
function removeTicketCodeOption(): Option {
  return new Option('--remove-ticket-code [what]', 'also delete the ticket login/cache/renewal code the rewrite made dead, when proven dead; =exports also removes exports no scanned module imports (config: removeTicketCode)').default(undefined, 'off');
}

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

/** Narrowing the file list, for big repositories and CI matrices (check and report). */
function addSelectionOptions(command: Program): Program {
  return command
    .addOption(new Option('--changed-since <ref>', 'only files changed since a git ref (merge base with HEAD), renames followed, plus uncommitted ones').default(undefined, 'every file'))
    .addOption(new Option('--shard <i/n>', 'only the i-th of n deterministic, balanced slices of the file list').default(undefined, '1/1, every file'))
    .option('--cache', 'reuse the results of files unchanged since the last --cache run (by size and time, else content hash; imports included)')
    .addOption(new Option('--cache-location <path>', 'cache file, or folder for it (a path ending in / or an existing folder); used with --cache').default(undefined, 'node_modules/.cache/zoho-authtoken-codemod/'));
}

/**
 * `--help` shows every option's default, so a reader never has to guess what happens without it:
 * a flag without a value is off unless given, `--no-x` flags are on unless given, and options with
 * no value by default say what that means. Run over every command, so options added later comply.
 */
function showDefaults(command: Program): void {
  for (const option of command.options) {
    if (option.long === '--help' || option.long === '--version') continue;
    if (option.defaultValue === undefined && option.defaultValueDescription !== undefined) {
      // Commander prints a default only for a defined value; these have none, only a meaning.
      option.description += ` (default: ${option.defaultValueDescription})`;
      option.defaultValueDescription = undefined;
    } else if (option.defaultValue === undefined && !/\(default: /.test(option.description)) {
      // Commander prints no default for a `--no-x` flag: say it in the description.
      if (option.negate) option.description += ' (default: on)';
      else if (option.isBoolean()) option.default(false);
    }
  }
  for (const sub of command.commands) showDefaults(sub);
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

  const execute = (name: Command) => async (paths: string[], flags: CommonFlags, command: Program) => {
    isDebug = Boolean(flags.debug);
    const given = new Set(CONFIGURABLE_FLAGS.filter((key) => command.getOptionValueSource(key) === 'cli'));
    exitCode = await execute_(name, paths, flags, given, io);
  };

  addCommonOptions(program.command('migrate').description('rewrite legacy usage in place'), 'migrate')
    .option('--dry-run', 'print a unified diff of every change; write nothing')
    .option('--force', 'write even though the git work tree has uncommitted changes')
    .option('--annotate', 'insert a marker comment above flagged ticket generation/regeneration code')
    .addOption(removeTicketCodeOption())
    .action(execute('migrate'));
  addSelectionOptions(addCommonOptions(program.command('check').description('CI gate: exit 1 while legacy usage remains'), 'check'))
    .addOption(new Option('--baseline <file>', 'leave out the findings recorded in this baseline file').default(undefined, 'none'))
    .addOption(new Option('--write-baseline <file>', "record this run's findings in a baseline file (then exit 0)").default(undefined, 'none'))
    .action(execute('check'));
  addSelectionOptions(
    addCommonOptions(program.command('report').description('dry-run migration plan: what migrate would change and what needs a human'), 'report'),
  )
    .addOption(removeTicketCodeOption())
    .action(execute('report'));

  showDefaults(program);
  program.addHelpText(
    'after',
    `\nConfiguration: ${CONFIG_FILE_NAME} (or package.json "${PACKAGE_JSON_KEY}"), see the README; flags given here win over it.\n` +
      `Rules: ${RULE_IDS.join(', ')} (docs/rules/<rule-id>.md in this package).\n` +
      'Exit codes: 0 nothing left to do, 1 findings or manual work remain, 2 usage error, bad configuration or I/O failure.\n',
  );

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

async function execute_(command: Command, paths: string[], flags: CommonFlags, given: ReadonlySet<string>, io: CliIo): Promise<number> {
  const format = flags.format ?? DEFAULT_FORMAT[command];
  const reporter = findReporter(format, command);
  if (!reporter) throw new UsageError(`unknown --format "${format}" for ${command}; choose one of: ${formatsFor(command).join(', ')}`);
  const problem = (given.has('tokenExpr') ? tokenExprProblem(flags.tokenExpr) : undefined) ?? (given.has('scope') ? scopeProblem(flags.scope) : undefined);
  if (problem) throw new UsageError(problem);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const removalMode = removalModeOf(flags.removeTicketCode, paths);

  const fromFlags: RunOptions = {
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
  const isSelection = flags.changedSince !== undefined || shard !== undefined;
  const planned = result.files.filter((file) => file.status === 'changed').map((file) => file.file);
  const migrateInputs = isSelection && planned.length > 0 ? { ...inputs, paths: planned } : inputs;
  const context: ReporterContext = {
    isColor,
    commandLine: commandLineFor(command, inputs),
    migrateCommandLine: commandLineFor('migrate', migrateInputs),
    ...(reporter.usesRepoPaths ? { repoPrefix: await workTreePrefix(io.cwd) } : {}),
    ruleDocs: loadRuleDocs(io.cwd, RULE_IDS, Boolean(reporter.usesRuleDocPages)),
  };
  const text = renderReport(reporter, result, context);
  if (flags.output) await writeOutput(path.resolve(io.cwd, flags.output), text, result, io.cwd);
  else io.stdout(text);
  await writeStepSummary(reporter, result, context, io);
  if (flags.writeBaseline !== undefined && !flags.quiet) {
    io.stderr(`${TOOL.name}: wrote ${flags.writeBaseline} (${result.summary.baselined ?? 0} findings)\n`);
  }
  return exitCodeFor(result);
}

/**
 * SIGINT: what was written is printed (migrate), then one line on stderr, exit 2. Every file is
 * whole: old, or new when its atomic rename happened before the interrupt.
 */
async function reportInterrupt(result: RunResult, flags: CommonFlags, io: CliIo): Promise<number> {
  const written = result.files.filter((file) => file.status === 'changed').length;
  if (result.command === 'migrate' && !result.isDryRun) {
    const reporter = findReporter(flags.format ?? DEFAULT_FORMAT.migrate, 'migrate')!;
    const text = renderReport(reporter, result, { isColor: false });
    if (flags.output) await writeOutput(path.resolve(io.cwd, flags.output), text, result, io.cwd);
    else io.stdout(text);
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
async function writeStepSummary(reporter: Reporter, result: RunResult, context: ReporterContext, io: CliIo): Promise<void> {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (!reporter.renderStepSummary || !summaryFile) return;
  await writeOut(summaryFile, io.cwd, maskReport(reporter.renderStepSummary(result, { ...context, isColor: false }), result), appendFile);
}

/** `--output` names a new file: never one of the files the run scanned (a report must not eat the code). */
async function writeOutput(target: string, text: string, result: RunResult, cwd: string): Promise<void> {
  // Names, not paths: 46,000 path.resolve calls cost a cached run a tenth of its time.
  const name = path.relative(cwd, target).split(path.sep).join('/');
  if (result.files.some((file) => file.file === name)) {
    throw new UsageError(`refusing to write --output over ${path.relative(cwd, target)}: it is one of the scanned files`);
  }
  await writeOut(path.relative(cwd, target), cwd, text, writeFile);
}
