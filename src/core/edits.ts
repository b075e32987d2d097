import type { Edit } from './findings.js';

export interface ApplyResult {
  output: string;
  /** Indices (into the groups given) of the groups that were applied. */
  applied: number[];
  /** Indices of the groups refused because they overlap an earlier accepted group. */
  skipped: number[];
  /** The edits made, in source order, with the line breaks they were written with: for `mapOffset`. */
  edits: Edit[];
}

/** The line ending a file already uses (its first one), so inserted lines match it. */
export function detectEol(source: string): '\n' | '\r\n' | '\r' {
  const match = /\r\n|\n|\r/.exec(source);
  return (match?.[0] as '\n' | '\r\n' | '\r' | undefined) ?? '\n';
}

function isSameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

function overlaps(a: Edit, b: Edit): boolean {
  if (isSameEdit(a, b)) return false;
  // Two insertions at one point have no defined order: refuse rather than guess.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function isInBounds(edit: Edit, length: number): boolean {
  return Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= length;
}

/**
 * Applies groups of edits, each group all-or-nothing, in the order given: a group that overlaps an
 * edit already accepted is refused and reported. Identical edits from different groups are applied
 * once (two requests sharing a constant ask for the same change). Bytes outside the edited ranges,
 * a BOM and the line endings among them, are never touched; new line breaks inside inserted text
 * take the file's own line ending. The ESLint source-code-fixer habit:
 * https://github.com/eslint/eslint/blob/main/lib/linter/source-code-fixer.js
 */
export function applyEditGroups(source: string, groups: readonly (readonly Edit[])[]): ApplyResult {
  const accepted: Edit[] = [];
  const applied: number[] = [];
  const skipped: number[] = [];
  groups.forEach((group, index) => {
    const isValid = group.every((edit) => isInBounds(edit, source.length));
    const clashes =
      !isValid ||
      group.some((edit, i) => group.some((other, j) => i !== j && overlaps(edit, other))) ||
      group.some((edit) => accepted.some((other) => overlaps(edit, other)));
    if (clashes) {
      skipped.push(index);
      return;
    }
    for (const edit of group) {
      if (!accepted.some((other) => isSameEdit(edit, other))) accepted.push(edit);
    }
    applied.push(index);
  });

  const eol = detectEol(source);
  const ordered = [...accepted]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((edit) => ({ ...edit, text: edit.text.replace(/\r\n|\n|\r/g, eol) }));
  let output = '';
  let cursor = 0;
  for (const edit of ordered) {
    output += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  output += source.slice(cursor);
  return { output, applied, skipped, edits: ordered };
}

/**
 * Where a source offset lands in the output of `applyEditGroups` (its `edits`): text inserted at
 * the offset goes before it; an offset inside a replaced range goes to the replacement's start.
 */
export function mapOffset(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.end <= offset) delta += edit.text.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + delta;
    else break;
  }
  return offset + delta;
}

/** applyEdits(source, edits): every edit is its own group. */
export function applyEdits(source: string, edits: readonly Edit[]): ApplyResult {
  return applyEditGroups(
    source,
    edits.map((edit) => [edit]),
  );
}
