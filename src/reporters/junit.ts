import { allFindings, type FileResult, type ReportedFinding, type RunResult } from '../run-result.js';
import { TOOL } from '../version.js';
import { countBySeverity, describeCounts } from './common.js';
import type { Reporter } from './types.js';

/**
 * JUnit XML for CI systems that only read test reports: one test case per file of the run. A
 * file fails when it has error-severity findings (what fails `check`); warnings and notes are
 * listed in its output without failing it, a file that could not be read is an `<error>`, and a
 * skipped file is `<skipped>`. Every finding of a file is in the body of its one `<failure>`
 * (the JUnit schema allows one per test case).
 */

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function findingLine(finding: ReportedFinding): string {
  return `${finding.file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.ruleId}  ${finding.message}`;
}

function testCase(file: FileResult): { xml: string; failed: boolean; errored: boolean; skipped: boolean } {
  const open = `    <testcase classname="${escapeXml(TOOL.name)}" name="${escapeXml(file.file)}" file="${escapeXml(file.file)}" time="0"`;
  if (file.status === 'error') {
    const body = `      <error type="file-error" message="${escapeXml(file.reason ?? 'could not be analysed')}"/>`;
    return { xml: `${open}>\n${body}\n    </testcase>`, failed: false, errored: true, skipped: false };
  }
  if (file.status === 'skipped') {
    return { xml: `${open}>\n      <skipped message="${escapeXml(file.reason ?? 'skipped')}"/>\n    </testcase>`, failed: false, errored: false, skipped: true };
  }
  if (file.findings.length === 0) return { xml: `${open}/>`, failed: false, errored: false, skipped: false };
  const counts = countBySeverity(file.findings);
  const listing = escapeXml(file.findings.map(findingLine).join('\n'));
  const failed = counts.error > 0;
  const body = failed
    ? `      <failure type="${escapeXml(file.findings.find((finding) => finding.severity === 'error')!.ruleId)}" message="${escapeXml(describeCounts(counts))}">${listing}</failure>`
    : `      <system-out>${listing}</system-out>`;
  return { xml: `${open}>\n${body}\n    </testcase>`, failed, errored: false, skipped: false };
}

function render(result: RunResult): string {
  const cases = result.files.map(testCase);
  const tests = cases.length;
  const failures = cases.filter((c) => c.failed).length;
  const errors = cases.filter((c) => c.errored).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0"`;
  const suiteName = escapeXml(`${TOOL.name} ${result.command}`);
  const properties = [
    `      <property name="findings" value="${allFindings(result).length}"/>`,
    `      <property name="suppressed" value="${result.summary.suppressed}"/>`,
    ...(result.summary.baselined !== undefined ? [`      <property name="baselined" value="${result.summary.baselined}"/>`] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${suiteName}" ${counts}>`,
    `  <testsuite name="${suiteName}" ${counts}>`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export const junitReporter: Reporter = {
  name: 'junit',
  commands: ['check'],
  render,
};
