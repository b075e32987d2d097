import { lineEnd, skipQuoted, token, type TextToken } from './tokens.js';

/** `$"...{expr}..."`: holes may hold strings of their own; `{{` is a literal brace, `""` a quote. */
function interpolated(text: string, start: number): TextToken {
  let i = start + 2;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && text[i + 1] === '"') i += 2;
    else if (c === '"') return token('string', start, i + 1, start + 2, i);
    else if (c === '{' && text[i + 1] === '{') i += 2;
    else if (c === '{') {
      let depth = 1;
      i++;
      while (i < text.length && depth > 0) {
        if (text[i] === '"') i = skipQuoted(text, i + 1, '"', { isDoubled: true });
        else {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          i++;
        }
      }
    } else i++;
  }
  return token('string', start, i, start + 2, i);
}

/** VB.NET: `'` and `REM` comments, "strings" with doubled quotes, `$"..."` interpolation. */
export function tokenizeVb(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let found: TextToken | undefined;
    if (c === "'" || c === '\u2018' || c === '\u2019') {
      const end = lineEnd(text, i);
      found = token('comment', i, end, i + 1, end);
    } else if ((c === 'R' || c === 'r') && /^rem(\s|$)/i.test(text.slice(i, i + 4)) && !/[A-Za-z0-9_.]/.test(text[i - 1] ?? '')) {
      const end = lineEnd(text, i);
      found = token('comment', i, end, i + 3, end);
    } else if (c === '$' && text[i + 1] === '"') found = interpolated(text, i);
    else if (c === '"') {
      // VB 14 string literals may span lines.
      const end = skipQuoted(text, i + 1, '"', { isDoubled: true, isMultiline: true });
      found = token('string', i, end, i + 1, text[end - 1] === '"' && end - 1 > i ? end - 1 : end);
    }
    if (found) {
      tokens.push(found);
      i = Math.max(found.end, i + 1);
    } else i++;
  }
  return tokens;
}
