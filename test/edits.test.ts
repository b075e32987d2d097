import { describe, expect, it } from 'vitest';
import { applyEditGroups, applyEdits, detectEol } from '../src/core/edits.js';

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    const result = applyEdits('abcdef', [
      { start: 4, end: 5, text: 'E' },
      { start: 0, end: 1, text: 'A' },
    ]);
    expect(result.output).toBe('AbcdEf');
    expect(result.applied).toEqual([0, 1]);
  });

  it('refuses an overlapping edit and reports it', () => {
    const result = applyEdits('abcdef', [
      { start: 1, end: 4, text: 'X' },
      { start: 3, end: 5, text: 'Y' },
    ]);
    expect(result.output).toBe('aXef');
    expect(result.skipped).toEqual([1]);
  });

  it('refuses two different insertions at one point, accepts an identical duplicate', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }]).skipped).toEqual([1]);
    const same = applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'x' }]);
    expect(same.output).toBe('axb');
    expect(same.skipped).toEqual([]);
  });

  it('allows an insertion at the boundary of a replacement', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'B' }, { start: 2, end: 2, text: '+' }]).output).toBe('aB+c');
  });

  it('applies a group all or nothing', () => {
    const result = applyEditGroups('abcdef', [
      [{ start: 0, end: 1, text: 'A' }],
      [{ start: 5, end: 6, text: 'F' }, { start: 0, end: 2, text: 'clash' }],
    ]);
    expect(result.output).toBe('Abcdef');
    expect(result.skipped).toEqual([1]);
  });

  it('refuses out-of-range edits instead of corrupting the text', () => {
    expect(applyEdits('abc', [{ start: 2, end: 9, text: 'x' }]).skipped).toEqual([0]);
    expect(applyEdits('abc', [{ start: 2, end: 1, text: 'x' }]).skipped).toEqual([0]);
  });

  it('keeps a BOM and CRLF endings and writes inserted lines with the file EOL', () => {
    const source = '\uFEFFline1\r\nline2\r\n';
    const result = applyEdits(source, [{ start: 8, end: 8, text: '// note\n' }]);
    expect(result.output).toBe('\uFEFFline1\r\n// note\r\nline2\r\n');
    expect(detectEol('a\rb')).toBe('\r');
    expect(detectEol('no newline')).toBe('\n');
  });
});
