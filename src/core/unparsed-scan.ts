import type { DraftFinding } from './context.js';
import { settleFindings } from './file-findings.js';
import type { Finding } from './findings.js';
import { Fingerprinter } from './fingerprint.js';
import type { ResolvedOptions } from './options.js';
import { formatMessage } from './rules.js';
import { severityOf } from './severity.js';
import { LineIndex } from './source/line-index.js';
import { directivesFromText, type SuppressionDirective } from './suppressions.js';
import { findLegacyUrls } from './text-scan.js';

/**
 * A piece of a file's text handed to the scan: where it starts in the file (UTF-16 offset) and
 * the 1-based line and column of its first character, so findings carry the file's positions
 * whether the file came whole or in chunks.
 */
export interface TextWindow {
  text: string;
  offset: number;
  line: number;
  column: number;
}

/**
 * The text scan of a file too big or too long to parse (a bundle, a generated module): legacy
 * Zoho URLs and ticket logins, found in the raw text as for a file that does not parse, each a
 * finding that is never fixable and whose message says why the file was not parsed and which
 * limit to raise. Pure: the runner reads the file and hands over its text, whole or in
 * overlapping windows (file order, each past the prefilter); a match inside an overlap is
 * reported once.
 */
export class UnparsedScan {
  private readonly findings: Finding[] = [];
  private readonly fingerprints: Fingerprinter;
  /** File offset up to which matches were reported: the next window's overlap is not reported twice. */
  private reportedUpTo = 0;
  /** Inline suppressions, by their file offset (a window's overlap shows a directive twice). */
  private readonly directives = new Map<number, SuppressionDirective>();

  constructor(
    filePath: string,
    /** Why the file was not parsed and how to raise the limit, as one clause ("it is 2 MiB, over ..."). */
    private readonly reason: string,
    /** Resolved once by the runner, for the whole run. */
    private readonly options: ResolvedOptions,
  ) {
    this.fingerprints = new Fingerprinter(filePath);
  }

  /**
   * Scans one window. Matches that start at or after `reportUntil` (a file offset) are left to
   * the next window, which overlaps this one: only there is a URL near this window's end whole.
   */
  scan(window: TextWindow, reportUntil = Number.POSITIVE_INFINITY): void {
    this.collectDirectives(window);
    const position = positionCounter(window);
    for (const match of findLegacyUrls(window.text, 0, window.text.length, { services: this.options.services })) {
      const start = window.offset + match.start;
      if (start < this.reportedUpTo || start >= reportUntil) continue;
      const place = { start: match.start, end: match.end, fixable: false };
      const params = [...new Set(match.params.map((param) => param.name))].join(' and ') || 'apikey/ticket';
      const draft: DraftFinding =
        match.kind === 'ticket-login'
          ? { ruleId: 'ticket-generation', messageId: 'loginUnparsed', data: { reason: this.reason }, ...place }
          : { ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: 'API', params, reason: this.reason }, ...place };
      this.reportedUpTo = window.offset + match.end;
      const from = position(match.start);
      const to = position(match.end);
      this.findings.push({
        ruleId: draft.ruleId,
        severity: severityOf(draft, this.options.rules),
        message: formatMessage(draft),
        fixable: false,
        fingerprint: this.fingerprints.next(draft.ruleId, match.url),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        range: { start, end: window.offset + match.end },
      });
    }
  }

  /** The findings, with the file's inline suppressions (`zoho-authtoken-ignore-file`, `-next-line`) and rule settings applied. */
  finish(): { findings: Finding[]; suppressed: number } {
    // As in a file that does not parse, its directives' findings cannot all be seen: none is called stale.
    return settleFindings(this.findings, [...this.directives.values()], this.options.rules);
  }

  /** Directives in comment-like text, as for a file that does not parse; lines counted only where one is. */
  private collectDirectives(window: TextWindow): void {
    if (!window.text.includes('zoho-authtoken-ignore-')) return;
    for (const directive of directivesFromText(window.text, new LineIndex(window.text))) {
      const start = window.offset + directive.start;
      this.directives.set(start, { ...directive, start, end: window.offset + directive.end, line: directive.line + window.line - 1 });
    }
  }
}

/** 1-based line and column of offsets in a window, asked in increasing order (one pass over the text). */
function positionCounter(window: TextWindow): (offset: number) => { line: number; column: number } {
  let cursor = 0;
  let line = window.line;
  let column = window.column;
  return (offset) => {
    for (; cursor < offset; cursor++) {
      if (window.text.charCodeAt(cursor) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column };
  };
}
