import type { Severity } from '../core/findings.js';
import { RULES } from '../core/rules.js';
import { allFindings, type ReportedFinding, type RunResult } from '../run-result.js';
import { TOOL } from '../version.js';
import { repoPath } from './common.js';
import type { Reporter, ReporterContext } from './types.js';

/**
 * A GitLab Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * a JSON array of issues with description, check_name, fingerprint, severity, location.path
 * (from the repository root) and location.lines.begin. The fingerprint is ours, built without
 * line numbers, so GitLab sees the same issue before and after code above it moves and does not
 * report it as fixed-and-new in the merge request widget.
 */
/**
 * GitLab's scale has five steps; `blocker`/`critical` are left for tools that find exploitable
 * defects, an error here fails the build but is a migration task.
 */
const GITLAB_SEVERITY: Record<Severity, 'blocker' | 'critical' | 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  note: 'info',
};

function toIssue(finding: ReportedFinding, context: ReporterContext): Record<string, unknown> {
  return {
    type: 'issue',
    engine_name: TOOL.name,
    check_name: finding.ruleId,
    description: finding.message,
    content: { body: RULES[finding.ruleId].help },
    categories: [finding.ruleId === 'hardcoded-credential' ? 'Security' : finding.ruleId === 'parse-error' ? 'Bug Risk' : 'Compatibility'],
    fingerprint: finding.fingerprint,
    severity: GITLAB_SEVERITY[finding.severity],
    location: { path: repoPath(finding.file, context), lines: { begin: finding.line, end: finding.endLine } },
  };
}

export const gitlabReporter: Reporter = {
  name: 'gitlab',
  commands: ['check'],
  usesRepoPaths: true,
  render: (result: RunResult, context) => `${JSON.stringify(allFindings(result).map((finding) => toIssue(finding, context)), null, 2)}\n`,
};
