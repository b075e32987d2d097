import type { Command } from '../runner/result.js';
import { jsonReporter } from './json.js';
import { htmlReporter } from './report/html.js';
import { markdownReporter } from './report/markdown.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

/** Every output format, by the name `--format` takes. */
export const REPORTERS: readonly Reporter[] = [textReporter, jsonReporter, markdownReporter, htmlReporter];

/** The format each command prints when `--format` is not given (DESIGN §2). */
export const DEFAULT_FORMAT: Record<Command, string> = { migrate: 'text', check: 'text', report: 'markdown' };

export function findReporter(name: string, command: Command): Reporter | undefined {
  return REPORTERS.find((reporter) => reporter.name === name && reporter.commands.includes(command));
}

export function formatsFor(command: Command): string[] {
  return REPORTERS.filter((reporter) => reporter.commands.includes(command)).map((reporter) => reporter.name);
}

export type { Reporter, ReporterContext } from './types.js';
