import { lineEnd, quotedToken, skipPast, skipQuoted, token, type TextToken } from './tokens.js';

/** Java, C# and Go share `//` and `/* *\/` comments and backslash-escaped "strings"; each adds its own literals. */
export type CFamilyDialect = 'java' | 'csharp' | 'go';

/**
 * C#'s `$"..."` holes are code and may hold strings of their own (`$"{d["k"]}"`): skip a hole to
 * its closing brace, stepping over nested literals.
 */
function skipInterpolationHole(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length && depth > 0) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipQuoted(text, i + 1, c, { isEscaped: true });
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    i++;
  }
  return i;
}

/** C# `"""raw"""` (three or more quotes, closed by as many) and Java `"""text blocks"""`. */
function rawBlock(text: string, start: number, prefix: number): TextToken {
  let quotes = 0;
  while (text[start + prefix + quotes] === '"') quotes++;
  const open = prefix + quotes;
  const fence = '"'.repeat(quotes);
  const close = text.indexOf(fence, start + open);
  const end = close < 0 ? text.length : close + quotes;
  return token('string', start, end, start + open, close < 0 ? end : close);
}

/** C# `$"..."` and `$@"..."`: holes in braces (`{{` is a literal brace). */
function interpolated(text: string, start: number, open: number, isVerbatim: boolean): TextToken {
  let i = start + open;
  while (i < text.length) {
    const c = text[i]!;
    if (!isVerbatim && c === '\\') i += 2;
    else if (c === '{' && text[i + 1] === '{') i += 2;
    else if (c === '{') i = skipInterpolationHole(text, i + 1);
    else if (c === '"' && isVerbatim && text[i + 1] === '"') i += 2;
    else if (c === '"') return token('string', start, i + 1, start + open, i);
    else if (!isVerbatim && (c === '\n' || c === '\r')) break;
    else i++;
  }
  return token('string', start, i, start + open, i);
}

function csharpString(text: string, i: number): TextToken | undefined {
  const head = /^(\$+@?|@\$*)?"/.exec(text.slice(i, i + 8));
  if (!head) return undefined;
  const prefix = head[1] ?? '';
  const open = head[0].length;
  const isVerbatim = prefix.includes('@');
  if (!isVerbatim && text.startsWith('""', i + open)) return rawBlock(text, i, prefix.length);
  if (prefix.includes('$')) return interpolated(text, i, open, isVerbatim);
  return quotedToken(text, i, open, '"', isVerbatim ? { isDoubled: true, isMultiline: true } : { isEscaped: true });
}

export function tokenizeCFamily(text: string, dialect: CFamilyDialect): TextToken[] {
  const tokens: TextToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    let found: TextToken | undefined;
    if (c === '/' && next === '/') {
      const end = lineEnd(text, i);
      found = token('comment', i, end, i + 2, end);
    } else if (c === '/' && next === '*') {
      const end = skipPast(text, i + 2, '*/');
      found = token('comment', i, end, i + 2, text.endsWith('*/', end) ? end - 2 : end);
    } else if (dialect === 'csharp' && (c === '"' || c === '$' || c === '@')) {
      found = csharpString(text, i);
    } else if (c === '"') {
      found = dialect === 'java' && text.startsWith('"""', i) ? rawBlock(text, i, 0) : quotedToken(text, i, 1, '"', { isEscaped: true });
    } else if (c === "'") {
      // A character literal: `'"'` must not open a string.
      found = quotedToken(text, i, 1, "'", { isEscaped: true });
    } else if (c === '`' && dialect === 'go') {
      found = quotedToken(text, i, 1, '`', { isMultiline: true });
    }
    if (found) {
      tokens.push(found);
      i = Math.max(found.end, i + 1);
    } else i++;
  }
  return tokens;
}
