/**
 * Offsets to 1-based lines and columns. Line terminators are the ones JavaScript (and Babel's
 * `loc`) counts: LF, CRLF, CR, U+2028 and U+2029, so our positions agree with the parser's.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    /** Characters before `text` in the file (a BOM): offsets given to `position` include them. */
    private readonly offsetBase = 0,
  ) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const local = Math.max(0, Math.min(offset - this.offsetBase, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= local) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: local - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** Offset (including the base) of the first character of a 1-based line. */
  lineStart(line: number): number {
    return (this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0) + this.offsetBase;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
