/**
 * Writing untrusted text (file names, messages, source code) into GitHub-flavoured markdown so
 * that it reads back as the same text: no markup, no HTML, no broken tables or fences.
 * https://github.github.com/gfm/
 */

/**
 * Prose: punctuation that starts inline markup is backslash-escaped (GFM §6.1 allows that for any
 * ASCII punctuation), `<` and `&` become entities, a leading character that would start a block
 * (heading, list, quote) is escaped, and line breaks become spaces so one value stays one line.
 * Other punctuation stays, so the raw markdown still reads well.
 */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*[\]|~!]/g, (char) => `\\${char}`)
    // An underscore inside a word never starts emphasis (GFM §6.2): only the others are escaped.
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  return inline.replace(/^([#+\-=>]|\d+(?=[.)]))/, (lead) => (/^\d/.test(lead) ? `${lead}\\` : `\\${lead}`));
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * A code span shows its content literally; its delimiter is one backtick longer than any run
 * inside (GFM §6.3). In a table cell `|` still ends the cell, so it is escaped there (GFM §4.10).
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let content = text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ');
  if (options.inTable) content = content.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestRun(content, '`') + 1);
  // The parser strips one space from each end when both ends have one (GFM §6.3): pad to keep them.
  const isSpaced = content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '';
  const pad = content.startsWith('`') || content.endsWith('`') || isSpaced ? ' ' : '';
  return `${ticks}${pad}${content}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run in the code (GFM §4.5). */
export function fencedBlock(code: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`;
}

/** The info string GitHub highlights a file's code with. */
export function languageOf(file: string): string {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'ts' || extension === 'mts' || extension === 'cts') return 'ts';
  if (extension === 'tsx') return 'tsx';
  if (extension === 'jsx') return 'jsx';
  return 'js';
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
