import type { FileAnalysis, FileInput, ScriptAnalyzer } from '../file-analysis.js';
import type { Finding } from '../findings.js';
import { credentialUsesWithin } from '../credentials/credential-use.js';
import type { ParseFailure } from '../parse.js';
import { FileFindings } from '../file-findings.js';
import { findCredentialValues } from '../secrets/credential-values.js';
import { directivesFromComments } from '../suppressions.js';
import { reportLegacyUsage } from '../polyglot/report-usage.js';
import { commentsOf } from '../polyglot/tokens.js';
import { tokenizeXml } from '../polyglot/xml.js';
import { extractHtmlScripts } from './html.js';
import type { ContainerParse, ScriptBlock } from './script-block.js';
import { extractSvelteScripts } from './svelte.js';
import { extractVueScripts } from './vue.js';

import type { EmbeddedFormat } from './formats.js';

export { EMBEDDED_EXTENSIONS, embeddedFormatOf, type EmbeddedFormat } from './formats.js';

const EXTRACTORS: Readonly<Record<EmbeddedFormat, (text: string) => ContainerParse>> = {
  vue: extractVueScripts,
  svelte: extractSvelteScripts,
  html: extractHtmlScripts,
  // Server pages are HTML to a browser: parse5 reads them as it reads any page.
  asp: extractHtmlScripts,
  jsp: extractHtmlScripts,
  cfm: extractHtmlScripts,
};

/**
 * Server code inside a client script (`'<%= key %>'`, ColdFusion's `#key#`) is filled in on the
 * server: the credential the script sends is not the script's own, so a rewrite of such a block
 * could not be proven right and is reported instead.
 */
const SERVER_CODE: Readonly<Partial<Record<EmbeddedFormat, RegExp>>> = {
  asp: /<%/,
  jsp: /<%|\$\{/,
  cfm: /<\/?cf|#[A-Za-z_][\w.]*(?:\([^)#]*\))?#/i,
};

// Inserted text that would end the block early (or open an HTML comment in it) breaks the page.
const BREAKS_OUT_OF_SCRIPT = /<\/script|<!--/i;

const BOM = '\uFEFF';

/** The markup with every script's code blanked (line breaks kept), so only the markup is scanned. */
function markupOnly(text: string, blocks: readonly ScriptBlock[]): string {
  let markup = '';
  let cursor = 0;
  for (const block of blocks) {
    markup += text.slice(cursor, block.start) + text.slice(block.start, block.end).replace(/[^\r\n]/g, ' ');
    cursor = block.end;
  }
  return markup + text.slice(cursor);
}

/**
 * A Vue, Svelte or HTML file: the container's own parser finds the script blocks, each block is
 * analysed with the parser its `lang` calls for, and findings and edits are moved to the block's
 * place in the file, so a rewrite touches nothing outside the scripts. The markup around them is
 * scanned for legacy URLs too (reported, never rewritten).
 */
// The JavaScript/TypeScript analysis is handed in by analyze.ts, which owns it and dispatches here.
export function analyzeEmbeddedSource(source: string, input: FileInput, format: EmbeddedFormat, analyzeScript: ScriptAnalyzer): FileAnalysis {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const findings = new FileFindings(text, bom, input.filePath, input.options.rules);
  const secrets = new Set<string>(findCredentialValues(text));
  const container = EXTRACTORS[format](text);
  let suppressed = 0;
  let parseError: ParseFailure | undefined;
  const blocks = container.ok ? container.blocks : [];

  if (!container.ok) {
    const where = findings.lines.position(container.offset);
    parseError = { message: container.message, line: where.line, column: where.column, offset: container.offset };
    findings.addDraft({ ruleId: 'parse-error', messageId: 'syntax', data: { reason: `${container.message} (${where.line}:${where.column})` }, start: container.offset, end: container.offset, fixable: false });
  }

  // A block keeps the findings of rules turned off: the page's own pipeline drops them after the
  // markup's suppressions, so a markup comment aimed at one counts as used, as anywhere else.
  const blockOptions = { ...input.options, rules: Object.fromEntries(Object.entries(input.options.rules).filter(([, setting]) => setting !== 'off')) };
  const serverCode = SERVER_CODE[format];
  for (const block of blocks) {
    const code = text.slice(block.start, block.end);
    const touchesServerCode = (finding: Finding): boolean =>
      serverCode !== undefined && [finding.range, ...(finding.edits ?? [])].some((range) => serverCode.test(code.slice(range.start, range.end)));
    const removedCredentials = credentialUsesWithin(input.removedCredentials ?? [], block.start + bom, block.end + bom);
    const analysis = analyzeScript(text.slice(block.start, block.end), { ...input, options: blockOptions, filePath: `${input.filePath}.${block.lang}`, removedCredentials });
    for (const secret of analysis.secrets) secrets.add(secret);
    suppressed += analysis.suppressed;
    for (const finding of analysis.findings) {
      const isUnsafe = (finding.fixable && touchesServerCode(finding)) || finding.edits?.some((edit) => BREAKS_OUT_OF_SCRIPT.test(edit.text));
      findings.addFromPiece(isUnsafe ? { ...finding, fixable: false, edits: [] } : finding, block.start);
    }
    if (analysis.parseError && !parseError) {
      const offset = analysis.parseError.offset + block.start;
      const where = findings.lines.position(offset);
      parseError = { ...analysis.parseError, line: where.line, column: where.column, offset };
    }
  }

  const resolved = input.options;
  const markup = markupOnly(text, blocks);
  const { tokens } = tokenizeXml(markup, { isMarkup: true });
  reportLegacyUsage(tokens, [], {
    text: markup,
    language: 'page markup',
    services: resolved.services,
    crmScope: resolved.scope,
    reason: container.ok ? 'markup' : 'unparsed',
    hasExpressions: false,
    report: (draft) => findings.addDraft(draft),
    secrets,
  });

  // Scripts honour their own suppression comments; `<!-- zoho-authtoken-ignore-... -->` covers the markup (or, for -file, all).
  const directives = directivesFromComments(commentsOf(markup, tokens), findings.lines);
  const finished = findings.finish(directives);
  const result: FileAnalysis = { findings: finished.findings, secrets: [...secrets], parser: format, suppressed: suppressed + finished.suppressed };
  if (parseError) result.parseError = parseError;
  return result;
}
