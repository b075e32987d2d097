import { lineEnd, skipPast, skipQuoted, token, type Setting, type TextToken, type TokenizedText } from './tokens.js';

interface Frame {
  isObject: boolean;
  /** The key this object or array is the value of. */
  name: string | undefined;
  /** Object: the key read and waiting for its value. */
  key?: { text: string; start: number };
  isAfterColon: boolean;
}

/**
 * JSON (and JSONC: `//` and `/* *\/` comments): every string is a token; a key whose value is a
 * string, number, boolean or null is a setting, nested under the keys of the objects around it.
 * Tolerant: malformed input yields what could be read, never an exception.
 */
export function tokenizeJson(text: string): TokenizedText {
  const tokens: TextToken[] = [];
  const settings: Setting[] = [];
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1];
  const parents = () => stack.map((frame) => frame.name).filter((name): name is string => name !== undefined);

  const takeValue = (end: number, value: string) => {
    const frame = top();
    if (!frame?.isObject || !frame.key || !frame.isAfterColon) return;
    settings.push({ key: frame.key.text, parents: parents(), start: frame.key.start, end, value });
    frame.key = undefined;
    frame.isAfterColon = false;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = lineEnd(text, i);
      tokens.push(token('comment', i, end, i + 2, end));
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = skipPast(text, i + 2, '*/');
      tokens.push(token('comment', i, end, i + 2, text.endsWith('*/', end) ? end - 2 : end));
      i = end;
    } else if (c === '"') {
      const end = skipQuoted(text, i + 1, '"', { isEscaped: true });
      const inner = text.slice(i + 1, text[end - 1] === '"' && end - 1 > i ? end - 1 : end);
      tokens.push(token('string', i, end, i + 1, i + 1 + inner.length));
      const frame = top();
      if (frame?.isObject && !frame.isAfterColon) frame.key = { text: inner, start: i };
      else takeValue(end, inner);
      i = end;
    } else if (c === ':') {
      const frame = top();
      if (frame?.isObject && frame.key) frame.isAfterColon = true;
      i++;
    } else if (c === '{' || c === '[') {
      const frame = top();
      // An object in an array is nested under the array's key, which the array frame already gives.
      const name = frame?.isObject && frame.isAfterColon ? frame.key?.text : undefined;
      if (frame?.isObject) {
        frame.key = undefined;
        frame.isAfterColon = false;
      }
      stack.push({ isObject: c === '{', name, isAfterColon: false });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const frame = top();
      if (frame) {
        frame.key = undefined;
        frame.isAfterColon = false;
      }
      i++;
    } else if (/[-0-9a-z]/i.test(c)) {
      const literal = /^[-+0-9A-Za-z.]+/.exec(text.slice(i, i + 64))![0];
      takeValue(i + literal.length, literal);
      i += literal.length;
    } else i++;
  }
  return { tokens, settings };
}
