import { analyzeSource, type AnalyzeOptions, type FileAnalysis } from './analyze.js';
import { applyEditGroups } from './edits.js';
import type { Finding } from './findings.js';

export interface MigrateSourceResult {
  output: string;
  changed: boolean;
  /** Findings in the source before the rewrite. */
  findings: Finding[];
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Fixable findings whose edits clashed with another fix: left for the next run or a human. */
  skipped: Finding[];
  /** What is left in the output: the exit code of `migrate` is decided on these. */
  remaining: Finding[];
  secrets: string[];
  /** Findings in the source silenced by inline suppression comments (left as they are). */
  suppressed: number;
  /** Set when the rewrite was refused because its output would not parse (a bug, never written). */
  refusedReason?: string;
}

/**
 * Applies every fix of one file in one pass, then analyses the output again: what is left is
 * reported as remaining, and an output that does not parse is refused outright, so a bug in a
 * rewrite can never reach the user's file.
 */
export function migrateSource(source: string, options: AnalyzeOptions): MigrateSourceResult {
  const before: FileAnalysis = analyzeSource(source, options);
  const fixable = before.findings.filter((finding) => finding.fixable && finding.edits && finding.edits.length > 0);
  const unchanged = (remaining: Finding[], refusedReason?: string): MigrateSourceResult => ({
    output: source,
    changed: false,
    findings: before.findings,
    applied: [],
    skipped: refusedReason ? fixable : [],
    remaining,
    secrets: before.secrets,
    suppressed: before.suppressed,
    ...(refusedReason ? { refusedReason } : {}),
  });
  if (fixable.length === 0) return unchanged(before.findings);

  const { output, applied, skipped } = applyEditGroups(
    source,
    fixable.map((finding) => finding.edits!),
  );
  if (output === source) return unchanged(before.findings);
  const after = analyzeSource(output, options);
  if (after.parseError) return unchanged(before.findings, `the rewritten file would not parse (${after.parseError.message}); nothing was written`);
  return {
    output,
    changed: true,
    findings: before.findings,
    applied: applied.map((i) => fixable[i]!),
    skipped: skipped.map((i) => fixable[i]!),
    remaining: after.findings,
    secrets: [...new Set([...before.secrets, ...after.secrets])],
    suppressed: before.suppressed,
  };
}
