import type { AnalysisContext } from '../context.js';

/**
 * The quote the code around a range writes strings with: the majority among its own string
 * literals, else the file's, else a single quote. Built once per file; each call is a binary search.
 */
export function quotePreference(context: AnalysisContext): (range: { start: number; end: number }) => string {
  const literals = context.index.ofType('StringLiteral').map((literal) => ({ start: literal.start ?? 0, quote: context.text[literal.start ?? 0] }));
  const majority = (list: typeof literals) => {
    const double = list.filter((literal) => literal.quote === '"').length;
    const single = list.filter((literal) => literal.quote === "'").length;
    return single === double ? undefined : single > double ? "'" : '"';
  };
  const fileQuote = majority(literals) ?? "'";
  return (range) => {
    let low = 0;
    let high = literals.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (literals[middle]!.start < range.start) low = middle + 1;
      else high = middle;
    }
    let end = low;
    while (end < literals.length && literals[end]!.start < range.end) end++;
    return majority(literals.slice(low, end)) ?? fileQuote;
  };
}
