import { RULE_IDS } from '../core/findings.js';
import { allFindings, type ReportedFinding, type RunResult } from '../run-result.js';
import { countBySeverity, describeCounts, oneLine, plural } from './common.js';
import { removedLocation, removedTicketCodeOf } from './removed-ticket-code.js';
import { handWorkOf } from './hand-work.js';
import type { Reporter, ReporterContext } from './types.js';

const COLORS = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

function paint(context: ReporterContext, color: keyof typeof COLORS, text: string): string {
  return context.isColor ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text;
}

function findingLines(findings: readonly ReportedFinding[], context: ReporterContext): string[] {
  const lines: string[] = [];
  let currentFile = '';
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile) lines.push('');
      currentFile = finding.file;
      lines.push(paint(context, 'bold', oneLine(finding.file)));
    }
    const severity = finding.severity === 'error' ? paint(context, 'red', 'error') : finding.severity === 'warning' ? paint(context, 'yellow', 'warning') : paint(context, 'cyan', 'note');
    lines.push(`  ${oneLine(finding.file)}:${finding.line}:${finding.column}  ${severity}  ${finding.ruleId}  ${oneLine(finding.message)}`);
  }
  return lines;
}

/** Where to read about each rule that has findings: one line per rule, after the findings. */
function ruleDocLines(findings: readonly ReportedFinding[], context: ReporterContext): string[] {
  if (!context.ruleDocs || findings.length === 0) return [];
  const seen = new Set(findings.map((finding) => finding.ruleId));
  const ids = RULE_IDS.filter((id) => seen.has(id));
  const width = Math.max(...ids.map((id) => id.length));
  return ['', 'What each rule means and how to fix it by hand:', ...ids.map((id) => `  ${id.padEnd(width)}  ${paint(context, 'dim', `${context.ruleDocs!.dir}/${id}.md`)}`)];
}

function fileProblems(result: RunResult, context: ReporterContext): string[] {
  return result.files
    .filter((file) => file.reason && (file.status === 'error' || file.status === 'skipped' || file.isTextOnly))
    .map((file) => {
      const label = file.isTextOnly && file.status !== 'error' ? paint(context, 'yellow', 'text-only') : paint(context, file.status === 'error' ? 'red' : 'dim', file.status);
      return `${label}  ${oneLine(file.file)}: ${oneLine(file.reason ?? '')}`;
    });
}

function renderMigrate(result: RunResult, context: ReporterContext): string {
  const out: string[] = [];
  const changed = result.files.filter((file) => file.status === 'changed');
  if (result.isDryRun) for (const file of changed) out.push((file.diff ?? '').trimEnd());
  else for (const file of changed) out.push(`${paint(context, 'green', 'migrated')}  ${file.file}`);
  const removed = removedTicketCodeOf(result);
  if (removed.length > 0) {
    out.push('', paint(context, 'bold', result.isDryRun ? 'Ticket code --remove-ticket-code would delete:' : 'Removed ticket code:'));
    for (const code of removed) out.push(`  ${removedLocation(code)}  ${oneLine(code.what)}: ${oneLine(code.reason)}`);
  }
  const remaining = allFindings(result, 'remaining');
  if (remaining.length > 0) {
    out.push('', paint(context, 'bold', 'Needs manual work:'), ...findingLines(remaining, context), ...ruleDocLines(remaining, context));
  }
  const problems = fileProblems(result, context);
  if (problems.length > 0) out.push('', ...problems);
  const handWork = handWorkOf(result);
  if (handWork.files > 0) {
    out.push(
      '',
      `${plural(handWork.files, 'file')} in other languages or config formats ${handWork.files === 1 ? 'needs' : 'need'} hand work ` +
        `(${plural(handWork.findings, 'error')}): migrate reports them but never rewrites them`,
    );
  }
  const fixed = result.summary.fixable;
  const verb = result.isDryRun ? 'would change' : 'changed';
  // Notes (what the rewrite leaves unused) are why this can exceed the findings migrate cannot fix.
  const notes = remaining.filter((finding) => finding.severity === 'note').length;
  out.push(
    '',
    `${result.isDryRun ? 'migrate --dry-run' : 'migrate'}: ${plural(changed.length, 'file')} ${verb}, ` +
      `${plural(fixed, 'fixable finding')}, ${removed.length > 0 ? `${plural(removed.length, 'piece')} of ticket code ${result.isDryRun ? 'to remove' : 'removed'}, ` : ''}${plural(remaining.length, 'finding')} left for a human${notes > 0 ? ` (${notes} of them ${notes === 1 ? 'a note' : 'notes'})` : ''}, ` +
      `${plural(result.summary.filesScanned, 'file')} scanned` +
      (result.summary.errors > 0 ? `, ${plural(result.summary.errors, 'error')}` : '') +
      (result.isDryRun ? ' (nothing written)' : ''),
  );
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

/** One line a CI log ends with: what failed the gate, and what was left out on purpose. */
function findingsSummary(result: RunResult, context: ReporterContext): string {
  const findings = allFindings(result);
  const counts = countBySeverity(findings);
  const parts = [
    findings.length === 0
      ? `${result.command}: no findings`
      : `${result.command}: ${plural(findings.length, 'finding')} (${describeCounts(counts)}) in ${plural(result.summary.filesWithFindings, 'file')}`,
    `${plural(result.summary.filesScanned, 'file')} scanned`,
  ];
  if (result.summary.textOnly) parts.push(`${plural(result.summary.textOnly, 'file')} too big or too long to parse, scanned as text only`);
  if (result.summary.suppressed > 0) parts.push(`${result.summary.suppressed} suppressed inline`);
  if (result.summary.baselined !== undefined) parts.push(`${result.summary.baselined} in the baseline`);
  if (result.summary.errors > 0) parts.push(plural(result.summary.errors, 'file error'));
  const line = parts.join('; ');
  return paint(context, counts.error > 0 || result.summary.errors > 0 ? 'red' : 'green', line);
}

function renderFindings(result: RunResult, context: ReporterContext): string {
  const out = [...findingLines(allFindings(result), context), ...ruleDocLines(allFindings(result), context)];
  const problems = fileProblems(result, context);
  if (problems.length > 0) out.push('', ...problems);
  out.push('', findingsSummary(result, context));
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

export const textReporter: Reporter = {
  name: 'text',
  commands: ['migrate', 'check'],
  render: (result, context) => (result.command === 'migrate' ? renderMigrate(result, context) : renderFindings(result, context)),
};
