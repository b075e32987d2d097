import { RULE_IDS } from '../../core/findings.js';
import { RULES } from '../../core/rules.js';
import type { FileStatus, ReportedFinding, RunResult } from '../../run-result.js';
import { TOOL } from '../../version.js';
import type { ReporterContext } from '../types.js';

/**
 * What `report` shows, computed once from a run's result so every format tells the same story:
 * the markdown and HTML reporters render this, nothing else.
 */
export interface ReportPlan {
  tool: { name: string; version: string };
  tokenExpr: string;
  scope: string;
  /** The `migrate` command line that applies the plan. */
  migrateCommand: string;
  /** The `report` command line that reproduces this report (for pointers to other formats). */
  reportCommand: string;
  totals: PlanTotals;
  byRule: RuleRow[];
  byFolder: FolderRow[];
  /** Every finding in the files as read, fixable or not. */
  findings: PlanFinding[];
  /** Each file migrate would write, with its masked diff. */
  changes: PlannedChange[];
  /** What is left for a human after migrate: every finding the rewrite does not remove. */
  manual: ManualItem[];
  /** Files that were not analysed, or whose rewrite was refused, and why. */
  problems: ProblemFile[];
}

export interface PlanTotals {
  filesScanned: number;
  filesToChange: number;
  findings: number;
  fixable: number;
  manual: number;
  problems: number;
}

export interface RuleRow {
  ruleId: string;
  severity: string;
  description: string;
  findings: number;
  fixable: number;
  manual: number;
}

export interface FolderRow {
  folder: string;
  filesScanned: number;
  filesToChange: number;
  findings: number;
  fixable: number;
  manual: number;
}

export interface PlanFinding extends ReportedFinding {
  folder: string;
}

export interface ManualItem extends PlanFinding {
  /** What a human should do about it. */
  action: string;
}

export interface PlannedChange {
  file: string;
  folder: string;
  diff: string;
  added: number;
  removed: number;
  /** Rule ids of the findings in this file as read: the filters of the HTML report use them. */
  ruleIds: string[];
  findings: number;
}

export interface ProblemFile {
  file: string;
  folder: string;
  status: FileStatus;
  reason: string;
}

/** DESIGN §1: created once by a human, never called by the codemod. */
export const CREATE_TOKEN_URL = 'https://accounts.zoho.com/apiauthtoken/nb/create?SCOPE=ZohoCRM/crmapi&EMAIL_ID=<user>&PASSWORD=<password>';

export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '.' : file.slice(0, slash);
}

/**
 * A finding migrate leaves behind was either never fixable or clashed with another fix; either
 * way the rule's generic help ("run migrate") would send the reader in a circle, so requests get
 * their own words.
 */
function actionFor(finding: ReportedFinding, result: RunResult): string {
  // A note migrate leaves (a credential its rewrite made unused) is clean-up, not a request to rewrite.
  if (finding.severity === 'note') return 'Clean-up after the migration: do what the note says; nothing here blocks it.';
  if (finding.ruleId === 'legacy-auth-params') {
    return (
      `Rewrite this request by hand: remove apikey and ticket, send authtoken=${result.tokenExpr} and ` +
      `scope=${result.scope} (or the scope of its Zoho service). If it is not a Zoho request, leave it as it is.`
    );
  }
  return RULES[finding.ruleId]?.help ?? 'Review this code by hand.';
}

function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++ ')) added++;
    else if (line.startsWith('-') && !line.startsWith('--- ')) removed++;
  }
  return { added, removed };
}

/** Known rules in DESIGN §4 order, then any others (rules added later) by name. */
function ruleOrder(a: string, b: string): number {
  const known = RULE_IDS as readonly string[];
  const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function countRules(result: RunResult): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const row = (finding: ReportedFinding): RuleRow => {
    let current = rows.get(finding.ruleId);
    if (!current) {
      const meta = RULES[finding.ruleId];
      current = { ruleId: finding.ruleId, severity: meta?.severity ?? finding.severity, description: meta?.shortDescription ?? '', findings: 0, fixable: 0, manual: 0 };
      rows.set(finding.ruleId, current);
    }
    return current;
  };
  for (const file of result.files) {
    for (const finding of file.findings) {
      const current = row(finding);
      current.findings++;
      if (finding.fixable) current.fixable++;
    }
    for (const finding of file.remaining) row(finding).manual++;
  }
  return [...rows.values()].sort((a, b) => ruleOrder(a.ruleId, b.ruleId));
}

function countFolders(result: RunResult): FolderRow[] {
  const rows = new Map<string, FolderRow>();
  for (const file of result.files) {
    const folder = folderOf(file.file);
    const row = rows.get(folder) ?? { folder, filesScanned: 0, filesToChange: 0, findings: 0, fixable: 0, manual: 0 };
    if (file.status !== 'skipped') row.filesScanned++;
    if (file.status === 'changed') row.filesToChange++;
    row.findings += file.findings.length;
    row.fixable += file.findings.filter((finding) => finding.fixable).length;
    row.manual += file.remaining.length;
    rows.set(folder, row);
  }
  return [...rows.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

export function buildReportPlan(result: RunResult, context: ReporterContext): ReportPlan {
  const findings = result.files.flatMap((file) => file.findings.map((finding) => ({ ...finding, folder: folderOf(file.file) })));
  const manual = result.files.flatMap((file) =>
    file.remaining.map((finding) => ({ ...finding, folder: folderOf(file.file), action: actionFor(finding, result) })),
  );
  const changes = result.files
    .filter((file) => file.status === 'changed' && file.diff)
    .map((file) => ({
      file: file.file,
      folder: folderOf(file.file),
      diff: file.diff!,
      ...diffStats(file.diff!),
      ruleIds: [...new Set(file.findings.map((finding) => finding.ruleId))].sort(ruleOrder),
      findings: file.findings.length,
    }));
  const problems = result.files
    .filter((file) => file.status === 'error' || (file.status === 'skipped' && file.reason))
    .map((file) => ({ file: file.file, folder: folderOf(file.file), status: file.status, reason: file.reason ?? 'unknown problem' }));
  return {
    tool: { name: TOOL.name, version: TOOL.version },
    tokenExpr: result.tokenExpr,
    scope: result.scope,
    migrateCommand: context.migrateCommandLine ?? `npx ${TOOL.name} migrate .`,
    reportCommand: context.commandLine ?? `npx ${TOOL.name} report .`,
    totals: {
      filesScanned: result.summary.filesScanned,
      filesToChange: changes.length,
      findings: findings.length,
      fixable: findings.filter((finding) => finding.fixable).length,
      manual: manual.length,
      problems: problems.length,
    },
    byRule: countRules(result),
    byFolder: countFolders(result),
    findings,
    changes,
    manual,
    problems,
  };
}
