import type { Comment } from '@babel/types';
import type { Edit, SourceRange } from '../findings.js';

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** Offset just past the line break ending the line holding `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at < text.length ? at + 1 : at;
}

function isBlank(text: string, from: number, to: number): boolean {
  return /^[ \t]*$/.test(text.slice(from, to));
}

/** The line from `lineStart` without its line break. */
function lineAt(text: string, lineStart: number): string {
  const end = nextLineStart(text, lineStart);
  return text.slice(lineStart, end).replace(/\r?\n$|\r$/, '');
}

/** A header a file keeps whatever code goes: licences, lint and type-checker directives. */
export const KEPT_COMMENT = /^\/\*!|copyright|licen[cs]e|@ts-|eslint|@flow|prettier-ignore/i;

/**
 * The comments a reader takes as belonging to the code at `start`: those right above it, each on
 * its own line, with no blank line between (a blank line ends the block a comment introduces).
 */
export function leadingCommentStart(text: string, start: number, comments: readonly Comment[]): number {
  let at = start;
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    if ((comment.end ?? 0) > at) continue;
    const between = text.slice(comment.end ?? 0, at);
    if (!/^[ \t]*(\r\n|\n|\r)?[ \t]*$/.test(between)) break;
    const ownLineStart = lineStartOf(text, comment.start ?? 0);
    if (!isBlank(text, ownLineStart, comment.start ?? 0) || KEPT_COMMENT.test(comment.value)) break;
    // The comment a file opens with is about the file, not about its first statement.
    if (/^(\uFEFF)?(#![^\n\r]*(\r\n|\n|\r))?\s*$/.test(text.slice(0, comment.start ?? 0))) break;
    at = comment.start ?? 0;
  }
  return at;
}

/**
 * The text to delete for a statement: its own comments, and whole lines when it has its lines to
 * itself (a trailing `// comment` on its last line included), else just the code and the spaces
 * after it.
 */
export function statementRange(text: string, node: SourceRange, comments: readonly Comment[]): SourceRange {
  const start = leadingCommentStart(text, node.start, comments);
  const lineStart = lineStartOf(text, start);
  let end = node.end;
  const rest = /^[ \t]*(\/\/[^\n\r]*)?/.exec(text.slice(end))![0];
  const afterRest = end + rest.length;
  const isLineEnd = afterRest >= text.length || text[afterRest] === '\n' || text[afterRest] === '\r';
  if (isBlank(text, lineStart, start) && isLineEnd) return { start: lineStart, end: nextLineStart(text, afterRest) };
  end += /^[ \t]*/.exec(text.slice(end))![0].length;
  return { start, end };
}

/**
 * Merges deletions that touch or are separated by blank lines only, then takes out the blank line
 * a deletion leaves: one of the two around it when both are blank, the one that would follow an
 * opening brace or the file's start, the one before a closing brace or the file's end.
 */
export function tidyDeletions(text: string, ranges: readonly SourceRange[]): SourceRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: SourceRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    const isOnlyBlankLinesBetween = last !== undefined && isLineStart(text, last.end) && isLineStart(text, range.start) && /^[ \t\r\n]*$/.test(text.slice(last.end, range.start));
    if (last && (range.start <= last.end || isOnlyBlankLinesBetween)) {
      last.end = Math.max(last.end, range.end);
    } else merged.push({ ...range });
  }
  return merged.map((range) => (isLineStart(text, range.start) && isLineStart(text, range.end) ? withBlankLine(text, range) : range));
}

function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r';
}

function withBlankLine(text: string, range: SourceRange): SourceRange {
  const previousStart = range.start > 0 ? lineStartOf(text, range.start - 1) : -1;
  const previous = previousStart >= 0 ? lineAt(text, previousStart) : undefined;
  const next = range.end < text.length ? lineAt(text, range.end) : undefined;
  const isPreviousBlank = previous !== undefined && previous.trim() === '';
  const isNextBlank = next !== undefined && next.trim() === '';
  const opensBlock = previous === undefined || /[{([]\s*$/.test(previous);
  const closesBlock = next === undefined || /^\s*[})\]]/.test(next);
  if (isNextBlank && (isPreviousBlank || opensBlock)) return { start: range.start, end: nextLineStart(text, range.end) };
  if (isPreviousBlank && closesBlock) return { start: previousStart, end: range.end };
  return range;
}

export function deletionEdits(ranges: readonly SourceRange[]): Edit[] {
  return ranges.map((range) => ({ start: range.start, end: range.end, text: '' }));
}

/**
 * Lines of an unwrapped body moved left by `depth` characters of indentation; a line that starts
 * inside a template literal or a string is part of its value and keeps its bytes.
 */
export function reindent(text: string, start: number, end: number, depth: number, isInsideLiteral: (offset: number) => boolean): string {
  if (depth <= 0) return text.slice(start, end);
  let out = '';
  let at = start;
  while (at < end) {
    const lineEnd = Math.min(nextLineStart(text, at), end);
    const line = text.slice(at, lineEnd);
    const indent = /^[ \t]*/.exec(line)![0];
    const isOnlyBreak = /^[ \t]*(\r\n|\n|\r)?$/.test(line);
    out += isInsideLiteral(at) || isOnlyBreak ? line : line.slice(Math.min(depth, indent.length));
    at = lineEnd;
  }
  return out;
}
