/**
 * What a language tokenizer hands the scanner: the string literals and comments of a file (code
 * in between is not a token), and for config formats the settings it holds. Offsets index the
 * text as given.
 */

export type TokenKind = 'string' | 'comment';

export interface TextToken {
  kind: TokenKind;
  /** The whole token, quotes or comment markers included. */
  start: number;
  end: number;
  /** The text inside the quotes or after the comment marker. */
  innerStart: number;
  innerEnd: number;
  /** The value goes on in the next token (a `.properties` line continuation). */
  isContinued?: boolean;
}

/** `key = value` in a config file, or a constant, variable or map key in code. */
export interface Setting {
  /** The key as written (without `$`/`@` sigils), and the keys it is nested under, outermost first. */
  key: string;
  parents: readonly string[];
  /** From the key to the end of the value (the key alone when the value is not a literal). */
  start: number;
  end: number;
  /** The literal value as written, without quotes. */
  value?: string;
}

export interface TokenizedText {
  tokens: TextToken[];
  settings: Setting[];
}

export function token(kind: TokenKind, start: number, end: number, innerStart = start, innerEnd = end): TextToken {
  return { kind, start, end, innerStart, innerEnd };
}

/** Index of the line break that ends the line holding `i` (or the end of the text). */
export function lineEnd(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return text.length;
}

/** Index just past the next line break after `i` (or the end of the text). */
export function nextLineStart(text: string, i: number): number {
  const end = lineEnd(text, i);
  if (end >= text.length) return end;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/** Index just past `close` at or after `from`; the end of the text when it never comes. */
export function skipPast(text: string, from: number, close: string): number {
  const found = text.indexOf(close, from);
  return found < 0 ? text.length : found + close.length;
}

export interface QuoteRules {
  /** A backslash escapes the next character. */
  isEscaped?: boolean;
  /** A doubled quote stands for one (VB, C# verbatim, SQL, YAML single quotes). */
  isDoubled?: boolean;
  /** May run over line breaks; else an unterminated literal ends at the end of its line. */
  isMultiline?: boolean;
}

/**
 * The end (just past the closing quote) of a literal whose opening quote ends at `from`.
 * Unterminated literals end at the end of the line (or text), so one typo never swallows a file.
 */
export function skipQuoted(text: string, from: number, quote: string, rules: QuoteRules): number {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (rules.isEscaped && c === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(quote, i)) {
      if (rules.isDoubled && text.startsWith(quote, i + quote.length)) {
        i += quote.length * 2;
        continue;
      }
      return i + quote.length;
    }
    if (!rules.isMultiline && (c === '\n' || c === '\r')) return i;
    i++;
  }
  return text.length;
}

/** A quoted token: `start` at the opening quote of length `openLength`, closing quote `quote`. */
export function quotedToken(text: string, start: number, openLength: number, quote: string, rules: QuoteRules): TextToken {
  const end = skipQuoted(text, start + openLength, quote, rules);
  const isClosed = end - quote.length >= start + openLength && text.startsWith(quote, end - quote.length);
  return token('string', start, end, start + openLength, isClosed ? end - quote.length : end);
}

export function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}

/** Comment tokens as the comment list `suppressions.ts` reads (`value` is the text inside). */
export function commentsOf(text: string, tokens: readonly TextToken[]): Array<{ value: string; start: number; end: number }> {
  return tokens.filter((t) => t.kind === 'comment').map((t) => ({ value: text.slice(t.innerStart, t.innerEnd), start: t.start, end: t.end }));
}
