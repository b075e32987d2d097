import { polyglotLanguageOf } from '../core/polyglot/index.js';
import type { RunResult } from '../runner/result.js';

/** Files migrate reports on but never rewrites (other languages, config files) that still hold legacy usage. */
export interface HandWork {
  files: number;
  /** Their error-severity findings: what keeps the exit code at 1. */
  findings: number;
}

export function handWorkOf(result: RunResult): HandWork {
  let files = 0;
  let findings = 0;
  for (const file of result.files) {
    if (polyglotLanguageOf(file.file) === undefined) continue;
    const errors = file.remaining.filter((finding) => finding.severity === 'error').length;
    if (errors === 0) continue;
    files++;
    findings += errors;
  }
  return { files, findings };
}
