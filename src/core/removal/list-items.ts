import type { Node } from '@babel/types';
import type { SourceRange } from '../findings.js';
import { lineStartOf, nextLineStart } from './line-ranges.js';

/**
 * The text to delete for item `i` of a comma-separated list (properties, parameters, arguments):
 * its whole line when it has one to itself, else the item with the comma after it, or the comma
 * before it when it is the last.
 */
export function listItemRange(text: string, items: readonly Node[], i: number): SourceRange {
  const item = items[i]!;
  const start = item.start ?? 0;
  const end = item.end ?? 0;
  const lineStart = lineStartOf(text, start);
  const after = /^[ \t]*,?[ \t]*(\/\/[^\n\r]*)?/.exec(text.slice(end))![0];
  const afterEnd = end + after.length;
  const isOwnLine = /^[ \t]*$/.test(text.slice(lineStart, start)) && (afterEnd >= text.length || text[afterEnd] === '\n' || text[afterEnd] === '\r');
  if (isOwnLine) {
    const previous = items[i - 1];
    const isLastWithoutComma = i === items.length - 1 && !after.includes(',');
    // The new last item would keep a comma the old last one did not have: take it off too.
    if (isLastWithoutComma && previous) {
      const comma = text.indexOf(',', previous.end ?? 0);
      return { start: comma, end: afterEnd };
    }
    return { start: lineStart, end: nextLineStart(text, afterEnd) };
  }
  const next = items[i + 1];
  if (next) return { start, end: next.start ?? end };
  const previous = items[i - 1];
  if (previous) return { start: previous.end ?? start, end };
  return { start, end };
}
