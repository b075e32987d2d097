import type { Node } from '@babel/types';
import { NodeIndex } from './ast/traverse.js';
import type { AnalysisContext, DraftFinding } from './context.js';
import { shiftCredentialUse } from './credentials/credential-use.js';
import { reportUnusedCredentials } from './credentials/unused-credentials.js';
import { runDetectors } from './detectors/index.js';
import { analyzeEmbeddedSource, embeddedFormatOf } from './embedded/index.js';
import type { AnalyzedFile, FileAnalysis, FileInput } from './file-analysis.js';
import { FileFindings } from './file-findings.js';
import { resolveOptions, type CoreOptions } from './options.js';
import { parseSource } from './parse.js';
import { polyglotLanguageOf, scanPolyglotSource } from './polyglot/index.js';
import { Bindings } from './scope/bindings.js';
import { Evaluator } from './scope/evaluate.js';
import { InstanceFields } from './scope/instance-fields.js';
import { findCredentialValues } from './secrets/credential-values.js';
import { directivesFromComments, directivesFromText, type SuppressionDirective } from './suppressions.js';
import { scanTextForLegacyUrls } from './text-scan.js';
import { reportKeptParts } from './credentials/kept-parts.js';

/** `analyzeSource`'s options: the core options, unresolved, and the file. */
export interface AnalyzeOptions extends CoreOptions, AnalyzedFile {}

export type { FileAnalysis } from './file-analysis.js';

const BOM = '\uFEFF';
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/**
 * Source text in, findings out: pure, no I/O. Offsets in findings and edits index the source as
 * given (a BOM included); lines and columns are 1-based. The file's extension picks the analysis:
 * scripts in Vue/Svelte/HTML files are analysed block by block, other languages and config files
 * are scanned as text (never fixable), everything else is JavaScript or TypeScript.
 */
export function analyzeSource(source: string, options: AnalyzeOptions): FileAnalysis {
  return analyzeFile(source, fileInputOf(options));
}

/** The one place a public entry point resolves the options of a file: everything below takes them resolved. */
export function fileInputOf(options: AnalyzeOptions): FileInput {
  const { filePath, moduleResolver, readIncluded, removedCredentials } = options;
  return {
    filePath,
    options: resolveOptions(options),
    ...(moduleResolver ? { moduleResolver } : {}),
    ...(readIncluded ? { readIncluded } : {}),
    ...(removedCredentials ? { removedCredentials } : {}),
  };
}

/** `analyzeSource` for a caller that has resolved the options already (migrate, the runner). */
export function analyzeFile(source: string, input: FileInput): FileAnalysis {
  // A declaration file (`.d.ts`) holds types only: no request is ever sent from it. Parsing the
  // large ones (@types/node, bundled typings) cost the benchmark a second for nothing.
  if (DECLARATION_FILE.test(input.filePath)) return { findings: [], secrets: [], parser: 'ts', suppressed: 0 };
  const container = embeddedFormatOf(input.filePath);
  if (container) return analyzeEmbeddedSource(source, input, container, analyzeScriptSource);
  const language = polyglotLanguageOf(input.filePath);
  if (language) return scanPolyglotSource(source, input, language);
  return analyzeScriptSource(source, input);
}

function analyzeScriptSource(source: string, input: FileInput): FileAnalysis {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const resolved = input.options;
  const findings = new FileFindings(text, bom, input.filePath, resolved.rules);
  const { lines } = findings;
  const drafts: DraftFinding[] = [];
  const secrets = new Set<string>(findCredentialValues(text));
  const parsed = parseSource(text, input.filePath);
  let directives: SuppressionDirective[];

  if (!parsed.ok) {
    const error = parsed.error;
    drafts.push({ ruleId: 'parse-error', messageId: 'syntax', data: { reason: `${error.message} (${error.line}:${error.column})` }, start: error.offset, end: error.offset, fixable: false });
    for (const match of scanTextForLegacyUrls(text, resolved.services)) {
      const place = { start: match.start, end: match.end, fixable: false };
      drafts.push(
        match.kind === 'ticket-login'
          ? { ruleId: 'ticket-generation', messageId: 'login', ...place }
          : { ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: 'API', params: 'apikey/ticket', reason: 'the file could not be parsed' }, ...place },
      );
    }
    directives = directivesFromText(text, lines);
  } else {
    const index = new NodeIndex(parsed.ast);
    const bindings = new Bindings(index);
    const context: AnalysisContext = {
      text,
      filePath: input.filePath,
      ast: parsed.ast,
      index,
      bindings,
      evaluator: new Evaluator(bindings, input.filePath, input.moduleResolver, () => new InstanceFields(index, bindings)),
      lines,
      options: resolved,
      mentionsZoho: /zoho/i.test(text),
      secrets,
      report: (draft) => drafts.push(draft),
      sourceOf: (node: Node) => text.slice(node.start ?? 0, node.end ?? 0),
    };
    runDetectors(context);
    dropSuspicionsInTicketCode(drafts);
    if (input.removedCredentials?.length) {
      const removed = input.removedCredentials.map((use) => shiftCredentialUse(use, -bom));
      reportUnusedCredentials(context, removed);
      reportKeptParts(removed, context);
    }
    directives = directivesFromComments(parsed.ast.comments ?? [], lines);
  }

  for (const draft of drafts) findings.addDraft(draft);
  // In a file that does not parse, the findings a directive was written for cannot be seen.
  const { findings: kept, suppressed } = findings.finish(directives, { isReportingUnused: parsed.ok });
  const result: FileAnalysis = { findings: kept, secrets: [...secrets], parser: parsed.parser, suppressed };
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
