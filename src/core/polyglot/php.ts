import { lineEnd, quotedToken, skipPast, token, type TextToken } from './tokens.js';

const OPEN_TAG = /<\?(?:php\b|=)?/gi;

/** HTML outside `<?php ... ?>`: its comments are comments, the rest is text a browser sees. */
function inlineHtml(text: string, start: number, end: number, tokens: TextToken[]): void {
  let i = start;
  while (i < end) {
    const open = text.indexOf('<!--', i);
    const commentStart = open < 0 || open >= end ? end : open;
    const piece = text.slice(i, commentStart);
    if (/\S/.test(piece)) tokens.push(token('string', i + /^\s*/.exec(piece)![0].length, commentStart - /\s*$/.exec(piece)![0].length));
    if (commentStart >= end) return;
    const close = text.indexOf('-->', commentStart + 4);
    const commentEnd = close < 0 || close + 3 > end ? end : close + 3;
    tokens.push(token('comment', commentStart, commentEnd, commentStart + 4, commentEnd === end && close < 0 ? end : commentEnd - 3));
    i = commentEnd;
  }
}

/**
 * `<<<ID` / `<<<"ID"` (heredoc) and `<<<'ID'` (nowdoc): the body runs to a line that starts
 * (after indentation, PHP 7.3+) with the identifier.
 */
function heredoc(text: string, start: number): TextToken | undefined {
  const head = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(text.slice(start, start + 200));
  if (!head) return undefined;
  const id = head[2]!;
  const bodyStart = start + head[0].length;
  const closer = new RegExp(`(^|\\n)[ \\t]*${id}(?![A-Za-z0-9_])`, 'g');
  closer.lastIndex = bodyStart - 1;
  const match = closer.exec(text);
  if (!match) return token('string', start, text.length, bodyStart, text.length);
  return token('string', start, match.index + match[0].length, bodyStart, Math.max(bodyStart, match.index));
}

/** A `//` or `#` comment ends at the line end, or before a `?>` that leaves PHP. */
function lineComment(text: string, start: number, markerLength: number): TextToken {
  const end = lineEnd(text, start);
  const close = text.slice(start, end).indexOf('?>');
  const stop = close >= 0 ? start + close : end;
  return token('comment', start, stop, start + markerLength, stop);
}

/** PHP: code between `<?php` (or `<?=`, `<?`) and `?>`, HTML around it. */
export function tokenizePhp(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let i = 0;
  while (i < text.length) {
    OPEN_TAG.lastIndex = i;
    const open = OPEN_TAG.exec(text);
    const codeStart = open ? open.index + open[0].length : text.length;
    inlineHtml(text, i, open ? open.index : text.length, tokens);
    i = codeStart;
    while (i < text.length) {
      const c = text[i]!;
      const next = text[i + 1];
      let found: TextToken | undefined;
      if (c === '?' && next === '>') {
        i += 2;
        break;
      }
      if ((c === '/' && next === '/') || (c === '#' && next !== '[')) found = lineComment(text, i, c === '#' ? 1 : 2);
      else if (c === '/' && next === '*') {
        const end = skipPast(text, i + 2, '*/');
        found = token('comment', i, end, i + 2, text.endsWith('*/', end) ? end - 2 : end);
      } else if (c === "'" || c === '"' || c === '`') found = quotedToken(text, i, 1, c, { isEscaped: true, isMultiline: true });
      else if (c === '<' && text.startsWith('<<<', i)) found = heredoc(text, i);
      if (found) {
        tokens.push(found);
        i = Math.max(found.end, i + 1);
      } else i++;
    }
  }
  return tokens;
}
