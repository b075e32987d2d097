import type { Comment } from '@babel/types';
import type { DraftFinding } from './context.js';
import type { LineIndex } from './source/line-index.js';

/**
 * Inline suppressions (DESIGN §2): `// zoho-authtoken-ignore-next-line <reason>` silences the
 * findings that start on the line after the comment, `/* zoho-authtoken-ignore-file *\/` every
 * finding of the file. Both work in line and block comments (JSX needs `{/* ... *\/}`), like
 * ESLint's `eslint-disable-next-line`, and only at the start of a comment, so prose that mentions
 * a directive does not become one.
 */

export interface SuppressionDirective {
  kind: 'next-line' | 'file';
  /** Offsets of the whole comment in the analysed text. */
  start: number;
  end: number;
  /** next-line: the 1-based line whose findings it silences. */
  line: number;
  reason: string;
}

const DIRECTIVE = /^[\s*]*zoho-authtoken-ignore-(next-line|file)(?=[\s*:]|$)([\s\S]*)$/;

function directiveOf(value: string, start: number, end: number, lines: LineIndex): SuppressionDirective | undefined {
  const match = DIRECTIVE.exec(value);
  if (!match) return undefined;
  const kind = match[1] === 'file' ? 'file' : 'next-line';
  const reason = (match[2] ?? '').replace(/\*+$/, '').replace(/^\s*(--|:)?/, '').trim();
  return { kind, start, end, line: lines.position(end).line + 1, reason };
}

/**
 * Directives among the comments the parser found: the only comments that are real comments.
 * (Babel's comment list, or the comment tokens of the polyglot scanner and of page markup.)
 */
export function directivesFromComments(comments: ReadonlyArray<Pick<Comment, 'value' | 'start' | 'end'>>, lines: LineIndex): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const comment of comments) {
    const directive = directiveOf(comment.value, comment.start ?? 0, comment.end ?? 0, lines);
    if (directive) directives.push(directive);
  }
  return directives;
}

const TEXT_COMMENT = /\/\/([^\n\r\u2028\u2029]*)|\/\*([\s\S]*?)\*\//g;

/**
 * For a file that does not parse there is no comment list: a text scan finds comment-like spans.
 * It can be fooled by `//` inside a string, which can only make a directive count that should
 * not; that file already fails with a parse error the directive does not hide unless it says so.
 */
export function directivesFromText(text: string, lines: LineIndex): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const match of text.matchAll(TEXT_COMMENT)) {
    if (!/zoho-authtoken-ignore-/.test(match[0])) continue;
    const start = match.index ?? 0;
    const directive = directiveOf(match[1] ?? match[2] ?? '', start, start + match[0].length, lines);
    if (directive) directives.push(directive);
  }
  return directives;
}

export interface SuppressionOutcome<T> {
  kept: T[];
  suppressed: number;
  /** Directives that silenced nothing: reported as notes so stale ones do not pile up. */
  unused: SuppressionDirective[];
}

/**
 * Splits findings into the ones that stay and the ones a directive silences. A finding belongs to
 * the line it starts on (the first line of a flagged function, say).
 */
export function applySuppressions<T extends { line: number }>(drafts: readonly T[], directives: readonly SuppressionDirective[]): SuppressionOutcome<T> {
  if (directives.length === 0) return { kept: [...drafts], suppressed: 0, unused: [] };
  const fileDirectives = directives.filter((directive) => directive.kind === 'file');
  if (fileDirectives.length > 0) {
    // The whole file is out: next-line directives in it are moot, not stale.
    return { kept: [], suppressed: drafts.length, unused: drafts.length === 0 ? fileDirectives : [] };
  }
  const byLine = new Map<number, SuppressionDirective[]>();
  for (const directive of directives) byLine.set(directive.line, [...(byLine.get(directive.line) ?? []), directive]);
  const used = new Set<SuppressionDirective>();
  const kept: T[] = [];
  let suppressed = 0;
  for (const draft of drafts) {
    const covering = byLine.get(draft.line);
    if (!covering) {
      kept.push(draft);
      continue;
    }
    for (const directive of covering) used.add(directive);
    suppressed++;
  }
  return { kept, suppressed, unused: directives.filter((directive) => !used.has(directive)) };
}

/** The note a stale directive becomes. */
export function unusedSuppressionDraft(directive: SuppressionDirective): DraftFinding {
  return {
    ruleId: 'unused-suppression',
    messageId: directive.kind === 'file' ? 'file' : 'nextLine',
    data: { line: String(directive.line) },
    start: directive.start,
    end: directive.end,
    fixable: false,
  };
}
