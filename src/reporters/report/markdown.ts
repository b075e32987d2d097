import { removedLocation, removedTicketCodeOf } from '../removed-ticket-code.js';
import type { RunResult } from '../../run-result.js';
import type { Reporter, ReporterContext } from '../types.js';
import { buildReportPlan, CREATE_TOKEN_URL, type ManualItem, type PlannedChange, type ProblemFile, type ReportPlan } from './plan.js';
import { escapeHtml } from './escape-html.js';
import { codeSpan, escapeMarkdown, fencedBlock, languageOf, plural } from './markdown-syntax.js';

export interface MarkdownLimits {
  /**
   * GitHub refuses a pull-request comment body over 65,536 characters; `$GITHUB_STEP_SUMMARY`
   * takes 1 MiB per step (its own error message cites
   * https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary).
   * The report stays under the smaller one, with room for a bot's own wrapping.
   */
  maxChars: number;
  /** One huge diff must not crowd out every other file. */
  maxDiffLines: number;
}

export const DEFAULT_MARKDOWN_LIMITS: MarkdownLimits = { maxChars: 60_000, maxDiffLines: 300 };

/** Room kept for the notes that say what was cut. */
const NOTE_RESERVE = 1_200;

function header(plan: ReportPlan): string[] {
  const token = codeSpan(plan.tokenExpr);
  return [
    '# Zoho authtoken migration plan',
    '',
    `A dry run of ${codeSpan(`${plan.tool.name} ${plan.tool.version}`)}: nothing was written.`,
    '',
    "**What is migrated, and why.** Zoho's first CRM API authenticated every call with `apikey` and a " +
      '`ticket` that expired every 7 days, and Zoho stopped accepting that pair in 2012. `migrate` ' +
      `rewrites every Zoho request that still sends them to carry one permanent authentication token: ` +
      `${codeSpan(`authtoken=<token>&scope=${plan.scope}`)}. Every other byte of the files stays as it is.`,
    '',
    `**Create the token once, by hand.** The rewritten code reads the token from ${token}. A person ` +
      'creates it once, in a browser or with curl (the codemod never calls this URL):',
    '',
    fencedBlock(CREATE_TOKEN_URL),
    '',
    `The answer holds \`AUTHTOKEN=<32 hex characters>\`: store it where ${token} reads it (an ` +
      'environment variable or your secret store), never in source.',
    '',
    '> **Warning: Zoho retired authtokens in 2021 in favour of OAuth 2.0.** This plan is the ' +
      'apikey/ticket → authtoken step that legacy code still needs; moving to OAuth 2.0 is a separate, later change.',
  ];
}

function summary(plan: ReportPlan): string[] {
  const { totals } = plan;
  const out = [
    '## Summary',
    '',
    '| Files scanned | Files to change | Findings | Fixable by `migrate` | Left for a human | Files not analysed |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${totals.filesScanned} | ${totals.filesToChange} | ${totals.findings} | ${totals.fixable} | ${totals.manual} | ${totals.problems} |`,
  ];
  // The columns do not add up when the rewrite leaves credentials unused: say why, once.
  if (totals.manual > totals.findings - totals.fixable) {
    out.push('', '*Left for a human* is what remains after `migrate`: the findings it cannot rewrite, and notes on the apikey/ticket variables its rewrite leaves unused.');
  }
  if (plan.byRule.length > 0) {
    out.push('', '**By rule**', '', '| Rule | Severity | Findings | Fixable | Left for a human |', '|---|---|---:|---:|---:|');
    for (const row of plan.byRule) out.push(`| ${codeSpan(row.ruleId, { inTable: true })} | ${row.severity} | ${row.findings} | ${row.fixable} | ${row.manual} |`);
  }
  const folders = plan.byFolder.filter((row) => row.findings > 0 || row.manual > 0);
  if (folders.length > 0) {
    out.push('', '**By folder**', '', '| Folder | Files scanned | Files to change | Findings | Left for a human |', '|---|---:|---:|---:|---:|');
    for (const row of folders) out.push(`| ${codeSpan(row.folder, { inTable: true })} | ${row.filesScanned} | ${row.filesToChange} | ${row.findings} | ${row.manual} |`);
  }
  return out;
}

function applyCommand(plan: ReportPlan): string[] {
  return [
    '## Apply the plan',
    '',
    fencedBlock(plan.migrateCommand, 'sh'),
    '',
    '`migrate` writes the changes listed below, refuses to run over uncommitted changes (commit first, ' +
      'or pass `--force`), and exits 1 while manual work remains.',
  ];
}

function manualBlock(item: ManualItem, index: number): string {
  const lines = [`### ${index + 1}. ${codeSpan(`${item.file}:${item.line}:${item.column}`)} ${codeSpan(item.ruleId)} (${item.severity})`, '', escapeMarkdown(item.message)];
  if (item.excerpt && item.excerpt.lines.length > 0) {
    const more = item.excerpt.omittedLines > 0 ? `\n// … ${plural(item.excerpt.omittedLines, 'more line')}` : '';
    lines.push('', fencedBlock(`${item.excerpt.lines.join('\n')}${more}`, languageOf(item.file)));
  }
  lines.push('', `**Action:** ${escapeMarkdown(item.action)}`);
  return lines.join('\n');
}

function problemLine(problem: ProblemFile): string {
  return `- ${codeSpan(problem.file)} (${problem.status === 'error' ? 'error' : 'not analysed'}): ${escapeMarkdown(problem.reason)}`;
}

function changeBlock(change: PlannedChange, maxDiffLines: number): string {
  const lines = change.diff.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, maxDiffLines);
  const cut = lines.length - shown.length;
  const title = `<code>${escapeHtml(change.file)}</code>: ${plural(change.findings, 'finding')}, +${change.added} −${change.removed}`;
  return [
    `<details><summary>${title}</summary>`,
    '',
    fencedBlock(shown.join('\n'), 'diff'),
    ...(cut > 0 ? ['', `_… ${plural(cut, 'more diff line')} in the HTML or JSON report._`] : []),
    '',
    '</details>',
  ].join('\n');
}

/** Adds blocks while they fit; returns how many did not. */
function fill(out: string[], blocks: readonly string[], budget: { left: number }): number {
  let index = 0;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.length + 2 > budget.left) break;
    out.push(block, '');
    budget.left -= block.length + 2;
  }
  return blocks.length - index;
}

function cutNote(plan: ReportPlan, count: number, what: string): string {
  return (
    `_… ${plural(count, what)} not shown: this report is cut to fit a pull-request comment. ` +
    `For the full plan run ${codeSpan(`${plan.reportCommand} --format html --output zoho-authtoken-report.html`)} ` +
    `(or ${codeSpan('--format json')})._`
  );
}

export function renderMarkdownReport(result: RunResult, context: ReporterContext, limits: MarkdownLimits = DEFAULT_MARKDOWN_LIMITS): string {
  const plan = buildReportPlan(result, context);
  const fixed = [...header(plan), '', ...summary(plan), '', ...applyCommand(plan), ''].join('\n');
  const budget = { left: limits.maxChars - fixed.length - NOTE_RESERVE };
  const out: string[] = [fixed];

  out.push(`## Manual work (${plan.manual.length + plan.problems.length})`, '');
  if (plan.manual.length === 0 && plan.problems.length === 0) out.push('None: `migrate` handles everything it found.', '');
  if (plan.problems.length > 0) {
    const lost = fill(out, [['Files that were not analysed or not rewritten:', '', ...plan.problems.map(problemLine)].join('\n')], budget);
    if (lost > 0) out.push(cutNote(plan, plan.problems.length, 'problem file'), '');
  }
  if (plan.manual.length > 0) {
    out.push('Locations are in the files as `migrate` leaves them.', '');
    const lost = fill(out, plan.manual.map(manualBlock), budget);
    if (lost > 0) out.push(cutNote(plan, lost, 'more manual item'), '');
  }

  const removed = removedTicketCodeOf(result);
  if (removed.length > 0) {
    out.push(`## Removed ticket code (${removed.length})`, '', 'Deleted by `--remove-ticket-code`; lines are in the files as the rewrite leaves them, before the deletion.', '');
    const lostRemovals = fill(out, [removed.map((code) => `- ${codeSpan(removedLocation(code))} ${escapeMarkdown(code.what)}: ${escapeMarkdown(code.reason)}`).join('\n') + '\n'], budget);
    if (lostRemovals > 0) out.push(cutNote(plan, removed.length, 'removal'), '');
  }

  out.push(`## Files to change (${plan.changes.length})`, '');
  if (plan.changes.length === 0) out.push('None: no request needs rewriting.', '');
  const lost = fill(out, plan.changes.map((change) => changeBlock(change, limits.maxDiffLines)), budget);
  if (lost > 0) out.push(cutNote(plan, lost, 'more changed file'), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export const markdownReporter: Reporter = {
  name: 'markdown',
  commands: ['report'],
  render: (result, context) => renderMarkdownReport(result, context),
};
