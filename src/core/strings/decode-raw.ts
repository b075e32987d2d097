/** One cooked character of a string or template literal and the source it was written as. */
export interface RawChar {
  /** Cooked text: one character, or two for an astral escape like \u{1F600}. */
  ch: string;
  start: number;
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * Decodes the raw text between the quotes (or a template chunk) into cooked characters, keeping
 * for each the source range it came from, so a position in the value maps back to the file even
 * across escapes. Line continuations produce no character.
 */
export function decodeRaw(raw: string, base: number): RawChar[] {
  const chars: RawChar[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const c = raw[i]!;
    if (c !== '\\') {
      // Keep surrogate pairs together so a character is never split by an edit.
      const code = raw.charCodeAt(i);
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length ? 2 : 1;
      chars.push({ ch: raw.slice(i, i + width), start: base + i, end: base + i + width });
      i += width;
      continue;
    }
    const next = raw[i + 1] ?? '';
    let ch = '';
    if (next === '\r' && raw[i + 2] === '\n') i += 3;
    else if (next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') i += 2;
    else if (next === 'x') {
      ch = String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (next === 'u' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i + 3);
      ch = String.fromCodePoint(parseInt(raw.slice(i + 3, close), 16));
      i = close + 1;
    } else if (next === 'u') {
      ch = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (/[0-7]/.test(next) && !(next === '0' && !/[0-9]/.test(raw[i + 2] ?? ''))) {
      // Legacy octal escape (sloppy-mode scripts only).
      const octal = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
      const value = parseInt(octal, 8) > 255 ? octal.slice(0, 2) : octal;
      ch = String.fromCharCode(parseInt(value, 8));
      i += 1 + value.length;
    } else {
      ch = SIMPLE_ESCAPES[next] ?? next;
      i += 2;
    }
    if (ch !== '') chars.push({ ch, start: base + start, end: base + i });
  }
  return chars;
}
