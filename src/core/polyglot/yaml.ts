import { lineEnd, nextLineStart, skipQuoted, token, type Setting, type TextToken, type TokenizedText } from './tokens.js';

// A key: quoted, or plain text up to a `:` followed by a space or the line end.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;
const SEQUENCE_ITEM = /^-[ \t]+/;
const PROPERTIES = /^(?:[&!][^\s]*[ \t]+)*/;

function unquoteKey(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

/** A ` #` comment on the rest of a line, outside quotes already consumed. */
function trailingComment(text: string, from: number, end: number, tokens: TextToken[]): number {
  const match = /(^|[ \t])#/.exec(text.slice(from, end));
  if (!match) return end;
  const start = from + match.index + match[1]!.length;
  tokens.push(token('comment', start, end, start + 1, end));
  return start;
}

/** The indentation of the next line with content (not blank, not a comment); -1 at the end. */
function nextContentIndent(text: string, from: number): number {
  for (let line = from; line < text.length; line = nextLineStart(text, line)) {
    const content = text.slice(line, lineEnd(text, line));
    const indent = /^[ \t]*/.exec(content)![0].length;
    if (indent < content.length && content[indent] !== '#') return indent;
  }
  return -1;
}

/**
 * YAML, line by line: `#` comments, `key: value` mappings nested by indentation (and under `- `
 * sequence items), plain, quoted and block (`|`, `>`) scalars. Flow collections (`{...}`,
 * `[...]`) are scanned as text. Enough to find settings and URLs; not a YAML loader.
 */
export function tokenizeYaml(text: string): TokenizedText {
  const tokens: TextToken[] = [];
  const settings: Setting[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  let i = 0;
  while (i < text.length) {
    const end = lineEnd(text, i);
    let indent = /^[ \t]*/.exec(text.slice(i, end))![0].length;
    let start = i + indent;
    if (start >= end) {
      i = nextLineStart(text, i);
      continue;
    }
    if (text[start] === '#') {
      tokens.push(token('comment', start, end, start + 1, end));
      i = nextLineStart(text, i);
      continue;
    }
    if (indent === 0 && /^(---|\.\.\.)([ \t]|$)|^%/.test(text.slice(start, end))) {
      stack.length = 0;
      i = nextLineStart(text, i);
      continue;
    }
    for (let item = SEQUENCE_ITEM.exec(text.slice(start, end)); item; item = SEQUENCE_ITEM.exec(text.slice(start, end))) {
      start += item[0].length;
      indent += item[0].length;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const key = KEY.exec(text.slice(start, end));
    let valueStart = key ? start + key[0].length : start;
    valueStart += /^[ \t]*/.exec(text.slice(valueStart, end))![0].length;
    valueStart += PROPERTIES.exec(text.slice(valueStart, end))![0].length;
    const first = text[valueStart];
    let valueEnd = end;
    let next = nextLineStart(text, i);
    let value: TextToken | undefined;
    if (first === '|' || first === '>') {
      // A block scalar: the more-indented (or blank) lines that follow.
      trailingComment(text, valueStart, end, tokens);
      let line = next;
      let last = end;
      while (line < text.length) {
        const lineText = text.slice(line, lineEnd(text, line));
        if (/\S/.test(lineText) && /^[ \t]*/.exec(lineText)![0].length <= indent) break;
        if (/\S/.test(lineText)) last = lineEnd(text, line);
        line = nextLineStart(text, line);
      }
      if (last > end) value = token('string', next, last);
      valueEnd = last;
      next = line;
    } else if (first === '"' || first === "'") {
      valueEnd = skipQuoted(text, valueStart + 1, first, first === '"' ? { isEscaped: true, isMultiline: true } : { isDoubled: true, isMultiline: true });
      value = token('string', valueStart, valueEnd, valueStart + 1, text[valueEnd - 1] === first && valueEnd - 1 > valueStart ? valueEnd - 1 : valueEnd);
      trailingComment(text, valueEnd, lineEnd(text, valueEnd), tokens);
      next = nextLineStart(text, valueEnd);
    } else if (first !== undefined && valueStart < end) {
      valueEnd = trailingComment(text, valueStart, end, tokens);
      while (valueEnd > valueStart && /[ \t]/.test(text[valueEnd - 1]!)) valueEnd--;
      if (valueEnd > valueStart) value = token('string', valueStart, valueEnd);
    }
    if (value) tokens.push(value);
    if (key) {
      const name = unquoteKey(key[1]!);
      const isFlow = first === '{' || first === '[';
      const isEmpty = !value && first !== '|' && first !== '>';
      // `key:` with nothing under it is a setting with no value; with lines under it, a mapping.
      if (isEmpty && nextContentIndent(text, next) > indent) stack.push({ indent, key: name });
      else if (!isFlow) {
        settings.push({ key: name, parents: stack.map((entry) => entry.key), start, end: valueEnd, value: value ? text.slice(value.innerStart, value.innerEnd) : '' });
      }
    }
    i = next;
  }
  return { tokens, settings };
}
