import path from 'node:path';
import type { Severity } from '../core/findings.js';
import type { ReportedFinding } from '../run-result.js';
import type { ReporterContext } from './types.js';

/** A result path (relative to the working directory) as a path from the repository root. */
export function repoPath(file: string, context: ReporterContext): string {
  if (!context.repoPrefix) return file;
  return path.posix.normalize(path.posix.join(context.repoPrefix, file));
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function countBySeverity(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "3 errors, 1 warning" (kinds with no finding left out; "no findings" when there are none). */
export function describeCounts(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'note'] as const).filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** C0/C1 control characters other than tab and line breaks: a terminal would act on them. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Text from a source file made safe to print: no escape sequences reach the terminal or log. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '\uFFFD');
}

/** One finding, one line: line breaks folded into spaces, controls replaced. */
export function oneLine(text: string): string {
  return withoutControls(text.replace(/\s*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' '));
}
