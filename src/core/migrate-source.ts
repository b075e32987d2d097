import { analyzeFile, fileInputOf, type AnalyzeOptions } from './analyze.js';
import { annotationEdits } from './annotate.js';
import { moveCredentialUse, type CredentialUse } from './credentials/credential-use.js';
import { applyEditGroups, mapOffset } from './edits.js';
import type { FileAnalysis, FileInput } from './file-analysis.js';
import type { Edit, Finding } from './findings.js';
import { polyglotLanguageOf } from './polyglot/languages.js';

export interface MigrateOptions extends AnalyzeOptions {
  /** Put a marker comment above each flagged ticket generation/regeneration construct (`--annotate`). */
  annotate?: boolean;
}

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
  /** The credentials the applied fixes took out (offsets into `output`): `--remove-ticket-code` deletes those left unused. */
  removedCredentials: CredentialUse[];
}

/**
 * Applies every fix of one file in one pass, then analyses the output again: what is left is
 * reported as remaining, and an output that does not parse is refused outright, so a bug in a
 * rewrite can never reach the user's file. With `annotate`, marker comments go above the ticket
 * code left in the output, checked the same way.
 */
export function migrateSource(source: string, options: MigrateOptions): MigrateSourceResult {
  return migrateFile(source, fileInputOf(options), Boolean(options.annotate));
}

/** `migrateSource` for a caller that has resolved the options already (the runner). */
export function migrateFile(source: string, input: FileInput, isAnnotating = false): MigrateSourceResult {
  const before: FileAnalysis = analyzeFile(source, input);
  const fixable = before.findings.filter((finding) => finding.fixable && finding.edits && finding.edits.length > 0);
  const refuse = (reason: string): MigrateSourceResult => ({
    output: source,
    changed: false,
    findings: before.findings,
    applied: [],
    skipped: fixable,
    remaining: before.findings,
    secrets: before.secrets,
    suppressed: before.suppressed,
    refusedReason: reason,
    removedCredentials: [],
  });

  let output = source;
  let current = before;
  let applied: Finding[] = [];
  let skipped: Finding[] = [];
  let removed: CredentialUse[] = [];
  if (fixable.length > 0) {
    const fixed = applyEditGroups(
      source,
      fixable.map((finding) => finding.edits!),
    );
    if (fixed.output !== source) {
      applied = fixed.applied.map((i) => fixable[i]!);
      removed = applied.flatMap((finding) => finding.removes ?? []).map((use) => mapUse(use, fixed.edits));
      const after = analyzeFile(fixed.output, { ...input, removedCredentials: removed });
      if (after.parseError) return refuse(`the rewritten file would not parse (${after.parseError.message}); nothing was written`);
      output = fixed.output;
      current = after;
      skipped = fixed.skipped.map((i) => fixable[i]!);
    }
  }
  if (isAnnotating && !current.parseError) {
    const language = polyglotLanguageOf(input.filePath);
    const markers = annotationEdits(output, current.findings, language === 'python' || language === 'ruby' ? '#' : '//');
    if (markers.length > 0) {
      const annotated = applyEditGroups(output, [markers]);
      removed = removed.map((use) => mapUse(use, annotated.edits));
      const after = analyzeFile(annotated.output, { ...input, removedCredentials: removed });
      if (after.parseError) return refuse(`the annotated file would not parse (${after.parseError.message}); nothing was written`);
      output = annotated.output;
      current = after;
    }
  }
  return {
    output,
    changed: output !== source,
    findings: before.findings,
    applied,
    skipped,
    remaining: current.findings,
    secrets: [...new Set([...before.secrets, ...current.secrets])],
    suppressed: before.suppressed,
    removedCredentials: removed,
  };
}

/** A removed credential's offsets, as they are after the edits. */
function mapUse(use: CredentialUse, edits: readonly Edit[]): CredentialUse {
  return moveCredentialUse(use, (offset) => mapOffset(offset, edits));
}
