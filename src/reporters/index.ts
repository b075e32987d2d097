import { listOfFiles, type Command } from '../run-result.js';
import { maskSecrets } from '../core/mask.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';
import { htmlReporter } from './report/html.js';
import { markdownReporter } from './report/markdown.js';
import { textReporter } from './text.js';
import type { Reporter, ReporterContext } from './types.js';
import type { RunResult } from '../run-result.js';

/** Every output format, by the name `--format` takes. */
export const REPORTERS: readonly Reporter[] = [
  textReporter,
  jsonReporter,
  sarifReporter,
  githubReporter,
  gitlabReporter,
  junitReporter,
  markdownReporter,
  htmlReporter,
];

/** The format each command prints when `--format` is not given (DESIGN §2). */
export const DEFAULT_FORMAT: Record<Command, string> = { migrate: 'text', check: 'text', report: 'markdown' };

export function findReporter(name: string, command: Command): Reporter | undefined {
  return REPORTERS.find((reporter) => reporter.name === name && reporter.commands.includes(command));
}

export function formatsFor(command: Command): string[] {
  return REPORTERS.filter((reporter) => reporter.commands.includes(command)).map((reporter) => reporter.name);
}

/**
 * A reporter's output with every credential value of the run masked once more, whatever the
 * format put in it: findings are masked where they are made, this is the last line of defence.
 */
export function maskReport(text: string, result: RunResult): string {
  return maskSecrets(text, listOfFiles(result.files, 'secrets'));
}

export function renderReport(reporter: Reporter, result: RunResult, context: ReporterContext): string {
  return maskReport(reporter.render(result, context), result);
}

export type { Reporter, ReporterContext } from './types.js';
