import type { Node } from '@babel/types';
import { NodeIndex } from './ast/traverse.js';
import type { AnalysisContext, DraftFinding } from './context.js';
import { shiftCredentialUse, type CredentialUse } from './credentials/credential-uses.js';
import { reportUnusedCredentials } from './credentials/unused-credentials.js';
import { runDetectors } from './detectors/index.js';
import { analyzeEmbeddedSource, embeddedFormatOf, type EmbeddedFormat } from './embedded/index.js';
import type { Finding, Severity } from './findings.js';
import { Fingerprinter } from './fingerprint.js';
import { resolveOptions, type CoreOptions } from './options.js';
import { parseSource, type ParseFailure, type ParserName } from './parse.js';
import { polyglotLanguageOf, scanPolyglotSource, type PolyglotLanguage } from './polyglot/index.js';
import { formatMessage } from './rules.js';
import { Bindings } from './scope/bindings.js';
import { Evaluator, type ModuleResolver } from './scope/evaluate.js';
import { InstanceFields } from './scope/instance-fields.js';
import { LineIndex } from './source/line-index.js';
import { findCredentialValues } from './secrets/credential-values.js';
import { applySuppressions, directivesFromComments, directivesFromText, unusedSuppressionDraft, type SuppressionDirective } from './suppressions.js';
import { isRuleOff, severityOf } from './severity.js';
import { scanTextForLegacyUrls } from './text-scan.js';
import { reportKeptParts } from './credentials/kept-parts.js';

export interface AnalyzeOptions extends CoreOptions {
  /** Path of the file (relative, `/`-separated): chooses the parser and names findings. */
  filePath: string;
  /** Cross-module constants, when a project index is available. */
  moduleResolver?: ModuleResolver;
  /** PHP/Python/Ruby: the text of a file this one includes (path relative to this file's folder), when it can be read. */
  readIncluded?: (fromFile: string, relative: string) => string | undefined;
  /**
   * Set by migrate on its output: the legacy credentials its fixes removed (offsets into this
   * source), so that those left unused are reported as notes.
   */
  removedCredentials?: readonly CredentialUse[];
}

export interface FileAnalysis {
  findings: Finding[];
  /** Literal credential values found in the file: every output masks them. */
  secrets: string[];
  /** The JavaScript parser; for other files, the container format or language scanned. */
  parser: ParserName | EmbeddedFormat | PolyglotLanguage;
  parseError?: ParseFailure;
  /** Findings silenced by inline suppression comments (not in `findings`). */
  suppressed: number;
}

const BOM = '\uFEFF';
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/**
 * Source text in, findings out: pure, no I/O. Offsets in findings and edits index the source as
 * given (a BOM included); lines and columns are 1-based. The file's extension picks the analysis:
 * scripts in Vue/Svelte/HTML files are analysed block by block, other languages and config files
 * are scanned as text (never fixable), everything else is JavaScript or TypeScript.
 */
export function analyzeSource(source: string, options: AnalyzeOptions): FileAnalysis {
  // A declaration file (`.d.ts`) holds types only: no request is ever sent from it. Parsing the
  // large ones (@types/node, bundled typings) cost the benchmark a second for nothing.
  if (DECLARATION_FILE.test(options.filePath)) return { findings: [], secrets: [], parser: 'ts', suppressed: 0 };
  const container = embeddedFormatOf(options.filePath);
  if (container) return analyzeEmbeddedSource(source, options, container, analyzeScriptSource);
  const language = polyglotLanguageOf(options.filePath);
  if (language) return scanPolyglotSource(source, options, language);
  return analyzeScriptSource(source, options);
}

function analyzeScriptSource(source: string, options: AnalyzeOptions): FileAnalysis {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const fingerprints = new Fingerprinter(options.filePath);
  const drafts: DraftFinding[] = [];
  const secrets = new Set<string>(findCredentialValues(text));
  const resolved = resolveOptions(options);
  const { rules } = resolved;
  const parsed = parseSource(text, options.filePath);
  let directives: SuppressionDirective[];

  if (!parsed.ok) {
    const error = parsed.error;
    drafts.push({ ruleId: 'parse-error', messageId: 'syntax', data: { reason: `${error.message} (${error.line}:${error.column})` }, start: error.offset, end: error.offset, fixable: false });
    for (const match of scanTextForLegacyUrls(text, options.services)) {
      const isLogin = match.kind === 'ticket-login';
      drafts.push({
        ruleId: isLogin ? 'ticket-generation' : 'legacy-auth-params',
        messageId: isLogin ? 'login' : 'unfixable',
        data: { service: 'API', params: 'apikey/ticket', reason: 'the file could not be parsed' },
        start: match.start,
        end: match.end,
        fixable: false,
      });
    }
    directives = directivesFromText(text, lines);
  } else {
    const index = new NodeIndex(parsed.ast);
    const bindings = new Bindings(index);
    const context: AnalysisContext = {
      text,
      filePath: options.filePath,
      ast: parsed.ast,
      index,
      bindings,
      evaluator: new Evaluator(bindings, options.filePath, options.moduleResolver, () => new InstanceFields(index, bindings)),
      lines,
      options: resolved,
      mentionsZoho: /zoho/i.test(text),
      secrets,
      report: (draft) => drafts.push(draft),
      sourceOf: (node: Node) => text.slice(node.start ?? 0, node.end ?? 0),
    };
    runDetectors(context);
    dropSuspicionsInTicketCode(drafts);
    if (options.removedCredentials?.length) {
      const removed = options.removedCredentials.map((use) => shiftCredentialUse(use, -bom));
      reportUnusedCredentials(context, removed);
      reportKeptParts(removed, context);
    }
    directives = directivesFromComments(parsed.ast.comments ?? [], lines);
  }

  // Every draft gets its fingerprint before suppressions apply, so adding or removing a
  // suppression comment never changes the fingerprints of the other findings (baselines).
  const all = drafts
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((draft) => toFinding(draft, text, bom, lines, fingerprints, severityOf(draft, rules)));
  const { kept, suppressed, unused } = applySuppressions(all, directives);
  // In a file that does not parse, the findings a directive was written for cannot be seen.
  const notes = parsed.ok ? unused.map((directive) => unusedSuppressionDraft(directive)).map((draft) => toFinding(draft, text, bom, lines, fingerprints, severityOf(draft, rules))) : [];
  // A rule turned off is dropped last: a suppression comment written for its findings still counts
  // as used (the rule may be turned on again), and the other findings keep their fingerprints.
  const findings = [...kept, ...notes].filter((finding) => !isRuleOff(finding.ruleId, rules)).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const result: FileAnalysis = { findings, secrets: [...secrets], parser: parsed.parser, suppressed };
  if (!parsed.ok) result.parseError = parsed.error;
  return result;
}

/**
 * `body.indexOf('TICKET=')` looks like a ticket parameter to the request detectors; inside code
 * flagged for deletion as ticket generation or regeneration, such an unprovable suspicion says
 * nothing more, and is dropped. Fixable findings always stay.
 */
function dropSuspicionsInTicketCode(drafts: DraftFinding[]): void {
  const ticketCode = drafts.filter((draft) => draft.ruleId === 'ticket-generation' || draft.ruleId === 'ticket-regeneration');
  if (ticketCode.length === 0) return;
  const isInTicketCode = (draft: DraftFinding) => ticketCode.some((code) => code.start <= draft.start && draft.end <= code.end);
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i]!;
    if (draft.ruleId === 'legacy-auth-params' && draft.messageId === 'unprovable' && isInTicketCode(draft)) drafts.splice(i, 1);
  }
}

function toFinding(draft: DraftFinding, text: string, bom: number, lines: LineIndex, fingerprints: Fingerprinter, severity: Severity): Finding {
  const start = lines.position(draft.start);
  const end = lines.position(draft.end);
  const finding: Finding = {
    ruleId: draft.ruleId,
    severity,
    message: formatMessage(draft.ruleId, draft.messageId, draft.data),
    fixable: draft.fixable,
    fingerprint: fingerprints.next(draft.ruleId, text.slice(draft.start, draft.end)),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    range: { start: draft.start + bom, end: draft.end + bom },
  };
  if (draft.edits) finding.edits = draft.edits.map((edit) => ({ ...edit, start: edit.start + bom, end: edit.end + bom }));
  if (draft.removes) finding.removes = draft.removes.map((use) => shiftCredentialUse(use, bom));
  if (draft.annotation) finding.annotation = draft.annotation;
  return finding;
}
