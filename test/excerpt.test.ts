import { describe, expect, it } from 'vitest';
import { excerptLines, MAX_EXCERPT_LINE_CHARS, MAX_EXCERPT_LINES } from '../src/core/source/excerpt.js';

describe('excerptLines', () => {
  it('counts lines the way findings do: LF, CRLF, CR, U+2028, a BOM not counted', () => {
    const text = '\uFEFFone\r\ntwo\rthree\u2028four\nfive';
    expect(excerptLines(text, 2, 4, [])).toEqual({ startLine: 2, lines: ['two', 'three', 'four'], omittedLines: 0 });
    expect(excerptLines(text, 5, 5, [])).toEqual({ startLine: 5, lines: ['five'], omittedLines: 0 });
  });

  it('masks credentials, before cutting a long line, so no part of one shows', () => {
    const secret = '0123456789abcdef0123456789abcdef';
    const line = `${'x'.repeat(MAX_EXCERPT_LINE_CHARS - 10)}apikey=${secret}`;
    const [shown] = excerptLines(`${line}\n`, 1, 1, [secret]).lines;
    expect(shown).toBe(`${'x'.repeat(MAX_EXCERPT_LINE_CHARS - 10)}apikey=***…`);
    expect(excerptLines(`a = '${secret}';\n`, 1, 1, [secret]).lines).toEqual(["a = '****';"]);
  });

  it('shows the first lines of a long construct and counts the rest', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    const excerpt = excerptLines(text, 5, 25, []);
    expect(excerpt.lines).toHaveLength(MAX_EXCERPT_LINES);
    expect(excerpt.lines[0]).toBe('line 5');
    expect(excerpt.omittedLines).toBe(21 - MAX_EXCERPT_LINES);
  });

  it('a point on a blank line (an error at the end of a file) shows the code before it', () => {
    expect(excerptLines('ok();\nfunction (\n', 3, 3, [])).toEqual({ startLine: 2, lines: ['function (', ''], omittedLines: 0 });
  });

  it('clamps line numbers outside the text', () => {
    expect(excerptLines('only\n', 9, 12, [])).toEqual({ startLine: 1, lines: ['only', ''], omittedLines: 0 });
  });
});
