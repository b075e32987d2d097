import { isIdentifierChar, lineEnd, quotedToken, token, type TextToken } from './tokens.js';

const STRING_START = /^([rRbBuUfF]{0,2})('''|"""|'|")/;

/**
 * Python: `#` comments, strings with r/b/u/f prefixes, triple-quoted strings. A string that is a
 * statement on its own (a docstring) does nothing at run time: it is reported like a comment.
 */
export function tokenizePython(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let depth = 0;
  // Is the next token the first of a logical line (nothing since the last line break outside brackets)?
  let isLineStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = lineEnd(text, i);
      tokens.push(token('comment', i, end, i + 1, end));
      i = end;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (depth === 0 && text[i - 1] !== '\\' && !(c === '\n' && text[i - 1] === '\r' && text[i - 2] === '\\')) isLineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    const head = isIdentifierChar(text[i - 1]) ? null : STRING_START.exec(text.slice(i, i + 6));
    if (head) {
      const quote = head[2]!;
      const found = quotedToken(text, i, head[0].length, quote, { isEscaped: true, isMultiline: quote.length === 3 });
      if (isLineStart && depth === 0 && /^[ \t]*(#.*)?$/.test(text.slice(found.end, lineEnd(text, found.end)))) found.kind = 'comment';
      tokens.push(found);
      isLineStart = false;
      i = found.end;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    isLineStart = false;
    i++;
  }
  return tokens;
}
