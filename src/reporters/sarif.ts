import { RULE_IDS, type RuleId, type Severity } from '../core/findings.js';
import { RULES } from '../core/rules.js';
import { allFindings, type FileResult, type ReportedFinding, type RunResult } from '../run-result.js';
import { TOOL } from '../version.js';
import { repoPath } from './common.js';
import type { Reporter, ReporterContext } from './types.js';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * every rule described in `tool.driver.rules`, repository-relative URIs under %SRCROOT%, 1-based
 * regions whose end column is exclusive (our columns already are), and `partialFingerprints` from
 * our line-independent fingerprint, so an alert stays the same alert when code above it moves.
 * Checked by `@microsoft/sarif-multitool validate --rule-kind "Gh;Sarif"` in the test suite.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key GitHub and other consumers compare; versioned so a new scheme can sit beside it. */
export const FINGERPRINT_KEY = 'zohoAuthtokenFingerprint/v1';

const SRCROOT = '%SRCROOT%';

/** What GitHub's alert list shows as tags; a committed credential is a security alert (CWE-798). */
const RULE_PROPERTIES: Record<RuleId, Record<string, unknown>> = {
  'legacy-auth-params': { tags: ['zoho', 'migration', 'correctness'], precision: 'high' },
  'ticket-generation': { tags: ['zoho', 'migration', 'maintainability'], precision: 'high' },
  'ticket-regeneration': { tags: ['zoho', 'migration', 'maintainability'], precision: 'medium' },
  'hardcoded-credential': { tags: ['zoho', 'security', 'external/cwe/cwe-798'], precision: 'high', 'security-severity': '7.5' },
  'parse-error': { tags: ['zoho', 'tool-error'], precision: 'high' },
  'unused-suppression': { tags: ['zoho', 'maintainability'], precision: 'very-high' },
};

/** `UnusedSuppression` for `unused-suppression`: SARIF's `name` is an identifier-like word. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** Sentences end with a period in SARIF messages (SARIF2001). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A relative URI reference: each segment percent-encoded, so spaces, `#`, `%` and `:` survive. */
export function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(file: string, context: ReporterContext): Record<string, unknown> {
  return { uri: toUri(repoPath(file, context)), uriBaseId: SRCROOT };
}

function toResult(finding: ReportedFinding, context: ReporterContext): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    ruleIndex: RULE_IDS.indexOf(finding.ruleId),
    level: finding.severity,
    message: { text: sentence(finding.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, context),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { fixable: finding.fixable },
  };
}

/** Files that could not be read or were skipped: tool notifications, not code alerts. */
function toNotification(file: FileResult, context: ReporterContext): Record<string, unknown> {
  const level: Severity = file.status === 'error' ? 'error' : 'note';
  return {
    level,
    message: { text: sentence(`${file.status === 'error' ? 'Could not analyse' : 'Skipped'} ${file.file}: ${file.reason}`) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file, context) } }],
    descriptor: { id: file.status === 'error' ? 'file-error' : 'file-skipped' },
  };
}

/**
 * The rule's help: the page docs/rules/<id>.md itself is the Markdown help when the CLI passes it
 * (GitHub shows it on the alert), and the text help names the page inside the package.
 */
function ruleHelp(id: RuleId, context: ReporterContext): { text: string; markdown: string } {
  const help = sentence(RULES[id].help);
  const page = `docs/rules/${id}.md`;
  const markdown = context.ruleDocs?.pages?.[id] ?? `${help}\n\nDocumentation: \`${page}\` in the ${TOOL.name} package.`;
  return { text: `${help} Documentation: ${page} in the ${TOOL.name} package.`, markdown };
}

/**
 * The same page on the web. SARIF wants `helpUri` absolute (the validator's SARIF1005 rejects a
 * relative path) and the package has no home page of its own, so this is the published package's
 * copy as unpkg serves every npm version, pinned to this version so that the page matches the rule
 * that fired (https://unpkg.com, "unpkg.com/:package@:version/:file").
 */
export function ruleHelpUri(id: RuleId): string {
  return `https://unpkg.com/${TOOL.name}@${TOOL.version}/docs/rules/${id}.md`;
}

export function toSarifLog(result: RunResult, context: ReporterContext): unknown {
  const rules = RULE_IDS.map((id) => {
    const meta = RULES[id];
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: sentence(meta.shortDescription) },
      fullDescription: { text: sentence(meta.fullDescription) },
      help: ruleHelp(id, context),
      helpUri: ruleHelpUri(id),
      defaultConfiguration: { level: meta.severity },
      properties: RULE_PROPERTIES[id],
    };
  });
  const notifications = result.files.filter((file) => file.reason && (file.status === 'error' || file.status === 'skipped')).map((file) => toNotification(file, context));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, semanticVersion: TOOL.version, rules } },
        invocations: [
          {
            executionSuccessful: result.summary.errors === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: allFindings(result).map((finding) => toResult(finding, context)),
      },
    ],
  };
}

export const sarifReporter: Reporter = {
  name: 'sarif',
  commands: ['check'],
  usesRepoPaths: true,
  usesRuleDocPages: true,
  render: (result, context) => `${JSON.stringify(toSarifLog(result, context), null, 2)}\n`,
};
