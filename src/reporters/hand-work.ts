import { polyglotLanguageOf } from '../core/polyglot/languages.js';
import type { RunResult } from '../run-result.js';

/**
 * Files migrate reports on but never rewrites (report-only languages, config files) that still hold
 * legacy usage. PHP, Python and Ruby are rewritten: what is left in them is counted with the rest.
 */
export interface HandWork {
  files: number;
  /** Their error-severity findings: what keeps the exit code at 1. */
  findings: number;
}

const REWRITTEN: ReadonlySet<string> = new Set(['php', 'python', 'ruby']);

export function handWorkOf(result: RunResult): HandWork {
  let files = 0;
  let findings = 0;
  for (const file of result.files) {
    const language = polyglotLanguageOf(file.file);
    if (language === undefined || REWRITTEN.has(language)) continue;
    const errors = file.remaining.filter((finding) => finding.severity === 'error').length;
    if (errors === 0) continue;
    files++;
    findings += errors;
  }
  return { files, findings };
}
