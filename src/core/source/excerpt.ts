import { maskSecrets } from '../mask.js';
import { LineIndex } from './line-index.js';

/** The source lines of a reported construct, for reports that show code without the file at hand. */
export interface Excerpt {
  /** 1-based number of the first line shown. */
  startLine: number;
  /** The lines, without terminators, credential values masked, each cut at MAX_EXCERPT_LINE_CHARS. */
  lines: string[];
  /** Lines of the construct left out after the last one shown (a long function shows its start). */
  omittedLines: number;
}

/** A flagged function can span a page; its first lines are enough to find it. */
export const MAX_EXCERPT_LINES = 12;
/** A minified file is one long line: never copy it whole into a report. */
export const MAX_EXCERPT_LINE_CHARS = 240;

const BLANK_LOOKBACK = 3;
const BOM = '\uFEFF';
const LINE_TERMINATOR = /(?:\r\n?|[\n\u2028\u2029])$/;

/**
 * Lines `line`..`endLine` (1-based, as findings count them: no BOM) of `text`, masked. Line breaks
 * are the ones JavaScript counts, so the excerpt shows the lines the finding's numbers point at.
 */
export function excerptLines(text: string, line: number, endLine: number, secrets: readonly string[]): Excerpt {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const lineText = (number: number): string => {
    const end = number < lines.lineCount ? lines.lineStart(number + 1) : body.length;
    return body.slice(lines.lineStart(number), end).replace(LINE_TERMINATOR, '');
  };
  const at = Math.max(1, Math.min(line, lines.lineCount));
  const last = Math.max(at, Math.min(endLine, lines.lineCount));
  // A point on a blank line (a syntax error at the end of a file) shows the code that leads to it.
  let first = at;
  if (at === last) while (first > 1 && at - first < BLANK_LOOKBACK && lineText(first).trim() === '') first--;
  const shownLast = Math.min(last, first + MAX_EXCERPT_LINES - 1);
  const shown: string[] = [];
  for (let number = first; number <= shownLast; number++) {
    // Mask before cutting, so a cut never leaves half a credential visible.
    const masked = maskSecrets(lineText(number), secrets);
    shown.push(masked.length > MAX_EXCERPT_LINE_CHARS ? `${masked.slice(0, MAX_EXCERPT_LINE_CHARS)}…` : masked);
  }
  return { startLine: first, lines: shown, omittedLines: last - shownLast };
}
