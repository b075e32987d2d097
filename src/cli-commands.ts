import { Argument, Command as Program, Option } from 'commander';
import { CONFIG_FILE_NAME, PACKAGE_JSON_KEY } from './config/load.js';
import { RULE_IDS } from './core/findings.js';
import { DEFAULT_SCOPE, DEFAULT_TOKEN_EXPR } from './core/options.js';
import { DEFAULT_FORMAT, formatsFor } from './reporters/index.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_LENGTH, formatBytes } from './runner/read-source.js';
import type { Command } from './run-result.js';

/** The flags of every command as commander hands them over (each command has a subset). */
export interface CommonFlags {
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

export type CommandAction = (paths: string[], flags: CommonFlags, command: Program) => Promise<void>;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

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

/** The three commands of DESIGN §2 with their options, each running `actionFor(name)`, and the help's epilogue. */
export function defineCommands(program: Program, actionFor: (name: Command) => CommandAction): void {
  addCommonOptions(program.command('migrate').description('rewrite legacy usage in place'), 'migrate')
    .option('--dry-run', 'print a unified diff of every change; write nothing')
    .option('--force', 'write even though the git work tree has uncommitted changes')
    .option('--annotate', 'insert a marker comment above flagged ticket generation/regeneration code')
    .addOption(removeTicketCodeOption())
    .action(actionFor('migrate'));
  addSelectionOptions(addCommonOptions(program.command('check').description('CI gate: exit 1 while legacy usage remains'), 'check'))
    .addOption(new Option('--baseline <file>', 'leave out the findings recorded in this baseline file').default(undefined, 'none'))
    .addOption(new Option('--write-baseline <file>', "record this run's findings in a baseline file (then exit 0)").default(undefined, 'none'))
    .action(actionFor('check'));
  addSelectionOptions(
    addCommonOptions(program.command('report').description('dry-run migration plan: what migrate would change and what needs a human'), 'report'),
  )
    .addOption(removeTicketCodeOption())
    .action(actionFor('report'));

  showDefaults(program);
  program.addHelpText(
    'after',
    `\nConfiguration: ${CONFIG_FILE_NAME} (or package.json "${PACKAGE_JSON_KEY}"), see the README; flags given here win over it.\n` +
      `Rules: ${RULE_IDS.join(', ')} (docs/rules/<rule-id>.md in this package).\n` +
      'Exit codes: 0 nothing left to do, 1 findings or manual work remain, 2 usage error, bad configuration or I/O failure.\n',
  );
}
