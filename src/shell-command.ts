import { DEFAULT_SCOPE, DEFAULT_TOKEN_EXPR } from './core/options.js';
import type { Command } from './run-result.js';
import { TOOL } from './version.js';

/** The inputs of a run that decide what it does, as the user gave them. */
export interface CommandInputs {
  paths: readonly string[];
  tokenExpr: string;
  scope: string;
  ignore: readonly string[];
  /** `--config <file>`, when the run named one. */
  config?: string;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell reads it back unchanged. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that runs `command` on the same files with the same options, for reports that
 * tell the reader what to run next (`report` prints the `migrate` that applies its plan). Options
 * left at their defaults are left out, so the line reads as a user would type it.
 */
export function commandLineFor(command: Command, inputs: CommandInputs): string {
  const words = ['npx', TOOL.name, command];
  if (inputs.tokenExpr !== DEFAULT_TOKEN_EXPR) words.push('--token-expr', inputs.tokenExpr);
  if (inputs.scope !== DEFAULT_SCOPE) words.push('--scope', inputs.scope);
  if (inputs.config !== undefined) words.push('--config', inputs.config);
  for (const glob of inputs.ignore) words.push('--ignore', glob);
  // `--` keeps a path that starts with a dash from being read as an option.
  const paths = inputs.paths.length > 0 ? inputs.paths : ['.'];
  if (paths.some((item) => item.startsWith('-'))) words.push('--');
  words.push(...paths);
  return words.map(shellQuote).join(' ');
}
