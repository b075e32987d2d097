import { lineEnd, nextLineStart, skipQuoted, token, type TextToken } from './tokens.js';

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** After these a `/`, `%` or `?` starts a literal; after a value it is an operator. */
const KEYWORDS_BEFORE_VALUE = /(?:^|[^A-Za-z0-9_])(?:if|elsif|unless|while|until|when|and|or|not|return|puts|print|p|in|then|do)$/;

/** `"..."` and backticks: `#{...}` holes may hold strings and braces of their own. */
function skipInterpolated(text: string, from: number, close: string, open?: string): number {
  let i = from;
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === '#' && text[i + 1] === '{') {
      let braces = 1;
      i += 2;
      while (i < text.length && braces > 0) {
        const d = text[i]!;
        if (d === '"' || d === "'") i = skipQuoted(text, i + 1, d, { isEscaped: true, isMultiline: true });
        else {
          if (d === '{') braces++;
          else if (d === '}') braces--;
          i++;
        }
      }
    } else if (open !== undefined && c === open) {
      depth++;
      i++;
    } else if (c === close) {
      if (depth === 0) return i + 1;
      depth--;
      i++;
    } else i++;
  }
  return text.length;
}

/** Does a value end just before `i` on its line (so `/`, `%`, `?` or `<<` there is an operator)? */
function isValueBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0 || text[j] === '\n' || text[j] === '\r') return false;
  if (KEYWORDS_BEFORE_VALUE.test(text.slice(Math.max(0, j - 6), j + 1))) return false;
  return /[A-Za-z0-9_)\]}"'`]/.test(text[j]!);
}

interface PendingHeredoc {
  id: string;
  isIndented: boolean;
}

/**
 * Ruby: `#` and `=begin`/`=end` comments, quoted strings with `#{}` holes, `%q()`-style literals,
 * heredocs (the body starts on the next line), regular expressions and `?x` characters (so their
 * `#` or quotes are not misread), and `__END__` data.
 */
export function tokenizeRuby(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const pending: PendingHeredoc[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const isLineStart = i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r';
    if (c === '\n' || c === '\r') {
      i = nextLineStart(text, i);
      // Heredoc bodies follow the line that opened them.
      while (pending.length > 0) {
        const heredoc = pending.shift()!;
        const closer = new RegExp(`^${heredoc.isIndented ? '[ \\t]*' : ''}${heredoc.id}[ \\t]*$`);
        let line = i;
        while (line < text.length && !closer.test(text.slice(line, lineEnd(text, line)))) line = nextLineStart(text, line);
        const end = line < text.length ? lineEnd(text, line) : text.length;
        // The body and its terminator; the `<<~ID` stays part of the code line that opened it.
        tokens.push(token('string', i, end, i, line));
        i = line < text.length ? nextLineStart(text, line) : text.length;
      }
      continue;
    }
    if (isLineStart && text.startsWith('=begin', i)) {
      const close = /^=end\b/m.exec(text.slice(i));
      const end = close ? lineEnd(text, i + close.index) : text.length;
      tokens.push(token('comment', i, end, i + 6, close ? i + close.index : end));
      i = end;
      continue;
    }
    if (isLineStart && /^__END__\s*$/.test(text.slice(i, lineEnd(text, i)))) {
      tokens.push(token('comment', i, text.length, i + 7, text.length));
      break;
    }
    let found: TextToken | undefined;
    const heredoc = c === '<' ? /^<<([~-]?)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i, i + 80)) : null;
    if (c === '#') {
      const end = lineEnd(text, i);
      found = token('comment', i, end, i + 1, end);
    } else if (heredoc && (heredoc[1] || heredoc[2] || /^[A-Z_]+$/.test(heredoc[3]!)) && !isValueBefore(text, i)) {
      pending.push({ id: heredoc[3]!, isIndented: Boolean(heredoc[1]) });
      i += heredoc[0].length;
      continue;
    } else if (c === '"' || c === '`') {
      const end = skipInterpolated(text, i + 1, c);
      found = token('string', i, end, i + 1, Math.max(i + 1, end - 1));
    } else if (c === "'") {
      const end = skipQuoted(text, i + 1, "'", { isEscaped: true, isMultiline: true });
      found = token('string', i, end, i + 1, Math.max(i + 1, end - 1));
    } else if (c === '%' && !isValueBefore(text, i)) {
      const literal = /^%([qQwWiIrsx]?)([^A-Za-z0-9\s])/.exec(text.slice(i, i + 3));
      if (literal) {
        const open = literal[2]!;
        const close = CLOSERS[open] ?? open;
        const start = i + literal[0].length;
        const end = skipInterpolated(text, start, close, close === open ? undefined : open);
        found = token('string', i, end, start, Math.max(start, end - 1));
      }
    } else if (c === '/' && !isValueBefore(text, i)) {
      // A regular expression: skipped so its `#` or quotes are not read as code.
      const end = skipInterpolated(text, i + 1, '/');
      i = end;
      continue;
    } else if (c === '?' && !isValueBefore(text, i) && /^\?(\\.|[^\s\\])(?![A-Za-z0-9_])/.test(text.slice(i, i + 4))) {
      i += text[i + 1] === '\\' ? 3 : 2;
      continue;
    }
    if (found) {
      tokens.push(found);
      i = Math.max(found.end, i + 1);
    } else i++;
  }
  return tokens;
}
