import type { RuleId, Severity } from '../core/findings.js';
import { allFindings, type ReportedFinding, type RunResult } from '../run-result.js';
import { TOOL } from '../version.js';
import { countBySeverity, describeCounts, oneLine, plural, repoPath, withoutControls } from './common.js';
import type { Reporter, ReporterContext } from './types.js';

/**
 * GitHub Actions workflow commands (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands):
 * one `::error`/`::warning`/`::notice` line per annotation. GitHub shows at most 10 annotations
 * of each level per step, so the most important ones are chosen; the whole list goes to the job
 * summary (`renderStepSummary`, written to $GITHUB_STEP_SUMMARY by the CLI).
 */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escaping as in @actions/core's command.ts: `%`, CR and LF in the message... */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** ...and also `:` and `,` in property values, which would end the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Which findings matter most, in this order (files that could not be read at all come first):
 * what breaks requests (legacy parameters, ticket logins), then dead lifecycle code, files the
 * analysis could not parse, committed credentials, and housekeeping notes.
 */
const RULE_RANK: Record<RuleId, number> = {
  'legacy-auth-params': 0,
  'ticket-generation': 1,
  'ticket-regeneration': 2,
  'parse-error': 3,
  'hardcoded-credential': 4,
  'unused-suppression': 5,
};

interface Annotation {
  level: Severity;
  /** What kind of problem: a rule id, or `file-error`. */
  kind: string;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title: string;
  message: string;
  rank: number;
}

function compareLocation(a: Annotation, b: Annotation): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function fromFinding(finding: ReportedFinding, context: ReporterContext): Annotation {
  return {
    level: finding.severity,
    kind: finding.ruleId,
    file: repoPath(finding.file, context),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    title: `${TOOL.name}: ${finding.ruleId}`,
    message: finding.message,
    // Manual work before what `migrate` fixes by itself.
    rank: RULE_RANK[finding.ruleId] + (finding.fixable ? 0.5 : 0),
  };
}

function annotationsOf(result: RunResult, context: ReporterContext): Annotation[] {
  const fileErrors: Annotation[] = result.files
    .filter((file) => file.status === 'error')
    .map((file) => ({ level: 'error', kind: 'file-error', file: repoPath(file.file, context), title: `${TOOL.name}: file error`, message: `Could not analyse ${file.file}: ${file.reason ?? 'unknown error'}`, rank: -1 }));
  return [...fileErrors, ...allFindings(result).map((finding) => fromFinding(finding, context))];
}

/**
 * The `limit` most important annotations, picked one at a time: first a kind of problem not shown
 * yet, then a file not shown yet, then by rank and place. Ten annotations then show every kind
 * of problem and as many files as they can, rather than ten copies of the commonest finding.
 */
export function selectImportant<T extends Annotation>(annotations: readonly T[], limit: number): T[] {
  const remaining = [...annotations].sort((a, b) => a.rank - b.rank || compareLocation(a, b));
  const shownKinds = new Map<string, number>();
  const shownFiles = new Map<string, number>();
  const picked: T[] = [];
  while (picked.length < limit && remaining.length > 0) {
    let best = 0;
    for (let i = 1; i < remaining.length; i++) {
      const a = remaining[i]!;
      const b = remaining[best]!;
      const byKind = (shownKinds.get(a.kind) ?? 0) - (shownKinds.get(b.kind) ?? 0);
      const byFile = (shownFiles.get(a.file) ?? 0) - (shownFiles.get(b.file) ?? 0);
      if (byKind < 0 || (byKind === 0 && byFile < 0)) best = i;
    }
    const [chosen] = remaining.splice(best, 1);
    picked.push(chosen!);
    shownKinds.set(chosen!.kind, (shownKinds.get(chosen!.kind) ?? 0) + 1);
    shownFiles.set(chosen!.file, (shownFiles.get(chosen!.file) ?? 0) + 1);
  }
  return picked.sort(compareLocation);
}

function toCommand(annotation: Annotation): string {
  const properties: string[] = [`file=${escapeProperty(withoutControls(annotation.file))}`];
  if (annotation.line !== undefined) {
    properties.push(`line=${annotation.line}`, `endLine=${annotation.endLine ?? annotation.line}`);
    // GitHub rejects columns on an annotation that spans lines.
    if (annotation.column !== undefined && annotation.endLine === annotation.line) {
      properties.push(`col=${annotation.column}`, `endColumn=${Math.max(annotation.column, annotation.endColumn ?? annotation.column)}`);
    }
  }
  properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::${COMMAND[annotation.level]} ${properties.join(',')}::${escapeData(withoutControls(annotation.message))}`;
}

function summaryLine(result: RunResult): string {
  const findings = allFindings(result);
  const parts = [
    `${TOOL.name} ${result.command}: ${describeCounts(countBySeverity(findings))} in ${plural(result.summary.filesWithFindings, 'file')}`,
    `${plural(result.summary.filesScanned, 'file')} scanned`,
  ];
  if (result.summary.suppressed > 0) parts.push(`${result.summary.suppressed} suppressed`);
  if (result.summary.baselined !== undefined) parts.push(`${result.summary.baselined} in the baseline`);
  if (result.summary.errors > 0) parts.push(plural(result.summary.errors, 'file error'));
  return parts.join('; ');
}

function render(result: RunResult, context: ReporterContext): string {
  const annotations = annotationsOf(result, context);
  const lines: string[] = [];
  const hidden: string[] = [];
  for (const level of ['error', 'warning', 'note'] as const) {
    const ofLevel = annotations.filter((annotation) => annotation.level === level);
    const chosen = selectImportant(ofLevel, ANNOTATIONS_PER_LEVEL);
    lines.push(...chosen.map(toCommand));
    if (ofLevel.length > chosen.length) hidden.push(plural(ofLevel.length - chosen.length, level));
  }
  lines.push(summaryLine(result));
  if (hidden.length > 0) {
    lines.push(`Not annotated: ${hidden.join(', ')} (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step); the job summary lists every finding.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Table cells: no line breaks, and `|` would end the cell. */
function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** GitHub caps a step summary at 1 MiB; rows past this many are counted, not listed. */
export const STEP_SUMMARY_ROWS = 2000;

/** The job summary: every finding in one Markdown table. */
export function renderGithubStepSummary(result: RunResult, context: ReporterContext): string {
  const findings = allFindings(result);
  const out = [`### ${TOOL.name} ${result.command}`, '', `${summaryLine(result)}.`, ''];
  if (findings.length > 0) {
    out.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    for (const finding of findings.slice(0, STEP_SUMMARY_ROWS)) {
      out.push(`| ${finding.severity} | \`${cell(repoPath(finding.file, context))}:${finding.line}:${finding.column}\` | ${finding.ruleId} | ${cell(finding.message)} |`);
    }
    if (findings.length > STEP_SUMMARY_ROWS) out.push('', `… and ${findings.length - STEP_SUMMARY_ROWS} more; run \`${TOOL.name} check --format json\` for all of them.`);
    out.push('');
  }
  const problems = result.files.filter((file) => file.status === 'error');
  if (problems.length > 0) {
    out.push('Files that could not be analysed:', '', ...problems.map((file) => `- \`${cell(repoPath(file.file, context))}\`: ${cell(file.reason ?? 'unknown error')}`), '');
  }
  return `${out.join('\n')}\n`;
}

export const githubReporter: Reporter = {
  name: 'github',
  commands: ['check'],
  usesRepoPaths: true,
  render,
  renderStepSummary: renderGithubStepSummary,
};
