import type { Edit, Finding } from './findings.js';
import { ANNOTATION_PREFIX } from './rules.js';

function lineStartOf(source: string, offset: number): number {
  let start = offset;
  while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--;
  return start;
}

/** The line before the one starting at `lineStart` (without its line break). */
function previousLine(source: string, lineStart: number): string {
  let end = lineStart;
  if (source[end - 1] === '\n') end--;
  if (source[end - 1] === '\r') end--;
  return source.slice(lineStartOf(source, end), end);
}

/**
 * `migrate --annotate`: one marker comment above each construct flagged for deletion (the ticket
 * code the JavaScript analysis found; findings in markup or other languages carry no marker), with
 * the construct's own indentation; line breaks are the file's (applyEditGroups writes them). A
 * construct that already has the marker on the line above gets no second one, so re-runs add
 * nothing. A construct that does not start its line (`a(); setInterval(...)`) gets the marker as
 * a block comment right before it, since the line may begin inside a template literal.
 */
export function annotationEdits(source: string, findings: readonly Finding[], lineComment = '//'): Edit[] {
  // Python and Ruby have no block comment: a construct that does not start its line gets no marker there.
  const hasBlockComments = lineComment === '//';
  const edits = new Map<number, Edit>();
  for (const finding of findings) {
    const marker = finding.annotation;
    if (!marker) continue;
    const start = finding.range.start;
    const lineStart = lineStartOf(source, start);
    const before = source.slice(lineStart, start);
    if (/^[\uFEFF]?[ \t]*$/.test(before)) {
      if (previousLine(source, lineStart).trimStart().startsWith(`${lineComment} ${ANNOTATION_PREFIX}`)) continue;
      const at = before.startsWith('\uFEFF') ? lineStart + 1 : lineStart;
      if (!edits.has(at)) edits.set(at, { start: at, end: at, text: `${before.replace('\uFEFF', '')}${lineComment} ${marker}\n` });
    } else if (hasBlockComments) {
      if (before.trimEnd().endsWith('*/') && before.includes(`/* ${ANNOTATION_PREFIX}`)) continue;
      if (!edits.has(start)) edits.set(start, { start, end: start, text: `/* ${marker} */ ` });
    }
  }
  return [...edits.values()].sort((a, b) => a.start - b.start);
}
