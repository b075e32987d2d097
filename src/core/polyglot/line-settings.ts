import { lineEnd, nextLineStart, skipQuoted, token, type Setting, type TextToken, type TokenizedText } from './tokens.js';

/**
 * `.env` files (the dotenv format): `# comments`, `[export] KEY=value`, values bare (up to a ` #`
 * comment), or quoted in '', "" or `` (and then they may span lines).
 */
export function tokenizeEnv(text: string): TokenizedText {
  const tokens: TextToken[] = [];
  const settings: Setting[] = [];
  let i = 0;
  while (i < text.length) {
    const end = lineEnd(text, i);
    const line = text.slice(i, end);
    const indent = /^\s*/.exec(line)![0].length;
    const entry = /^(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/.exec(line.slice(indent));
    if (line[indent] === '#') {
      tokens.push(token('comment', i + indent, end, i + indent + 1, end));
    } else if (entry) {
      const keyStart = i + indent + (entry[1]?.length ?? 0);
      const valueStart = i + indent + entry[0].length;
      const quote = text[valueStart];
      let valueEnd: number;
      let value: TextToken;
      if (quote === '"' || quote === "'" || quote === '`') {
        valueEnd = skipQuoted(text, valueStart + 1, quote, { isEscaped: quote === '"', isMultiline: true });
        value = token('string', valueStart, valueEnd, valueStart + 1, text[valueEnd - 1] === quote && valueEnd - 1 > valueStart ? valueEnd - 1 : valueEnd);
      } else {
        const comment = /[ \t]#/.exec(text.slice(valueStart, end));
        valueEnd = comment ? valueStart + comment.index : end;
        while (valueEnd > valueStart && /[ \t]/.test(text[valueEnd - 1]!)) valueEnd--;
        value = token('string', valueStart, valueEnd);
      }
      if (value.end > value.start) tokens.push(value);
      settings.push({ key: entry[2]!, parents: [], start: keyStart, end: valueEnd, value: text.slice(value.innerStart, value.innerEnd) });
      const lineOfValueEnd = lineEnd(text, valueEnd);
      const rest = /#.*/.exec(text.slice(valueEnd, lineOfValueEnd));
      if (rest) tokens.push(token('comment', valueEnd + rest.index, lineOfValueEnd, valueEnd + rest.index + 1, lineOfValueEnd));
      i = nextLineStart(text, Math.max(valueEnd, i));
      continue;
    }
    i = nextLineStart(text, i);
  }
  return { tokens, settings };
}

/** A `.properties` line ends with an odd number of backslashes when it continues on the next. */
function isContinued(text: string, end: number): boolean {
  let slashes = 0;
  for (let j = end - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
  return slashes % 2 === 1;
}

/**
 * Java `.properties` (java.util.Properties#load): `#` or `!` comment lines; `key=value`,
 * `key: value` or `key value`; a trailing backslash continues the value on the next line.
 */
export function tokenizeProperties(text: string): TokenizedText {
  const tokens: TextToken[] = [];
  const settings: Setting[] = [];
  let i = 0;
  while (i < text.length) {
    let end = lineEnd(text, i);
    const indent = /^[ \t\f]*/.exec(text.slice(i, end))![0].length;
    const start = i + indent;
    if (start >= end) {
      i = nextLineStart(text, i);
      continue;
    }
    if (text[start] === '#' || text[start] === '!') {
      tokens.push(token('comment', start, end, start + 1, end));
      i = nextLineStart(text, i);
      continue;
    }
    while (isContinued(text, end) && end < text.length) end = lineEnd(text, nextLineStart(text, end));
    let keyEnd = start;
    while (keyEnd < end && !/[=:\s]/.test(text[keyEnd]!)) keyEnd += text[keyEnd] === '\\' ? 2 : 1;
    let valueStart = keyEnd;
    while (valueStart < end && /[ \t\f]/.test(text[valueStart]!)) valueStart++;
    if (text[valueStart] === '=' || text[valueStart] === ':') valueStart++;
    while (valueStart < end && /[ \t\f]/.test(text[valueStart]!)) valueStart++;
    const key = text.slice(start, keyEnd).replace(/\\(.)/g, '$1');
    // One token per physical line (a URL scan must not run over the `\` and line break); each
    // but the last goes on in the next, and continuation lines start after their indentation.
    for (let piece = valueStart; piece < end; ) {
      const pieceEnd = lineEnd(text, piece);
      const isContinued = pieceEnd < end;
      const literal = token('string', piece, isContinued ? pieceEnd - 1 : pieceEnd);
      if (isContinued) literal.isContinued = true;
      if (literal.end > literal.start || isContinued) tokens.push(literal);
      piece = nextLineStart(text, pieceEnd);
      piece += /^[ \t\f]*/.exec(text.slice(piece, end))![0].length;
    }
    settings.push({ key, parents: [], start, end, value: text.slice(valueStart, end) });
    i = nextLineStart(text, end);
  }
  return { tokens, settings };
}
