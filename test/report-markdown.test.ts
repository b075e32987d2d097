import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, fencedBlock } from '../src/reporters/report/markdown-syntax.js';
import { DEFAULT_MARKDOWN_LIMITS, renderMarkdownReport } from '../src/reporters/report/markdown.js';
import type { FileResult, RunResult } from '../src/run-result.js';
import { summarize } from '../src/runner/result.js';

const markdown = new MarkdownIt({ html: true });

/** The text a reader sees: markdown rendered, tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const NASTY = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '*not emphasis* _nor this_ __init__ `tick` ``two`` [link](javascript:alert(1)) ![img](x)',
  '| a | b | \\| c',
  '# not a heading',
  '1. not a list',
  '> not a quote',
  '&amp; &lt; stays literal',
  '~~not struck~~ and a \\ backslash',
];

describe('markdown syntax helpers (checked with a real CommonMark parser)', () => {
  it.each(NASTY)('escapeMarkdown(%j) renders as the same text and no markup', (text) => {
    const html = markdown.render(`Before ${escapeMarkdown(text)}`);
    expect(visibleText(html)).toBe(`Before ${text}`);
    expect(html).not.toMatch(/<(script|img|a|em|strong|del|h1|ol|blockquote)\b/);
  });

  it.each(NASTY)('a line starting with escapeMarkdown(%j) is still a paragraph', (text) => {
    const html = markdown.render(escapeMarkdown(text));
    expect(html.startsWith('<p>')).toBe(true);
    expect(visibleText(html)).toBe(text);
  });

  it.each(NASTY.concat(['`starts with a tick', 'ends with a tick`']))('codeSpan(%j) shows the text literally', (text) => {
    const html = markdown.render(`x ${codeSpan(text)}`);
    expect(html).toMatch(/^<p>x <code>.*<\/code><\/p>\n$/s);
    expect(visibleText(html)).toBe(`x ${text}`);
  });

  it('codeSpan keeps spaces at both ends', () => {
    expect(markdown.render(codeSpan(' padded '))).toBe('<p><code> padded </code></p>\n');
  });

  it('codeSpan in a table cell keeps the row together', () => {
    const html = markdown.render(`| a | b |\n|---|---|\n| ${codeSpan('x | y', { inTable: true })} | 2 |\n`);
    expect(html).toContain('<td><code>x | y</code></td>');
    expect(html).toContain('<td>2</td>');
  });

  it('fencedBlock survives code that contains fences', () => {
    const code = 'a\n```\nb\n````\nc';
    const html = markdown.render(`${fencedBlock(code, 'js')}\n\nafter`);
    expect(html).toContain(`<code class="language-js">${code.replace(/\n/g, '\n')}\n</code>`);
    expect(html).toContain('<p>after</p>');
  });
});

function bigResult(files: number): RunResult {
  const results: FileResult[] = [];
  for (let n = 0; n < files; n++) {
    const file = `src/module-${String(n).padStart(3, '0')}.js`;
    const lines = Array.from({ length: 40 }, (_, i) => ` line ${i}`);
    const diff = `--- a/${file}\n+++ b/${file}\n@@ -1,41 +1,41 @@\n-old apikey line\n+new authtoken line\n${lines.join('\n')}\n`;
    const finding = { ruleId: 'legacy-auth-params' as const, severity: 'error' as const, file, line: 1, column: 1, endLine: 1, endColumn: 10, message: 'Zoho CRM request sends apikey and ticket', fixable: true, fingerprint: 'f' };
    const manual = { ...finding, line: 30, fixable: false, message: 'could not be proven', excerpt: { startLine: 30, lines: ['const u = base + "?apikey=" + k;'], omittedLines: 0 } };
    results.push({ file, status: 'changed', diff, findings: [finding, manual], remaining: [manual], secrets: [] });
  }
  return { command: 'report', isDryRun: true, tokenExpr: 'process.env.ZOHO_CRM_AUTHTOKEN', scope: 'crmapi', files: results, summary: summarize(results, 'report') };
}

describe('markdown truncation', () => {
  const context = { isColor: false, commandLine: 'npx zoho-authtoken-codemod report src', migrateCommandLine: 'npx zoho-authtoken-codemod migrate src' };

  it('stays under the GitHub comment limit and says where the full report is', () => {
    const text = renderMarkdownReport(bigResult(400), context);
    expect(text.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_LIMITS.maxChars);
    expect(text).toMatch(/more changed files not shown: this report is cut to fit a pull-request comment/);
    expect(text).toContain('`npx zoho-authtoken-codemod report src --format html --output zoho-authtoken-report.html`');
    // The summary is never cut.
    expect(text).toContain('| 400 | 400 | 800 | 400 | 400 | 0 |');
    // What is shown is still well-formed: every <details> is closed.
    const html = markdown.render(text);
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
  });

  it('explains "Left for a human" only when it counts more than the findings migrate cannot fix', () => {
    const explanation = /\*Left for a human\* is what remains after `migrate`/;
    // 800 findings, 400 fixable, 400 left: the columns add up.
    expect(renderMarkdownReport(bigResult(2), context)).not.toMatch(explanation);
    // A note on a variable the rewrite leaves unused appears only in what remains.
    const result = bigResult(2);
    const note = { ...result.files[0]!.findings[0]!, severity: 'note' as const, fixable: false, message: 'ticket is unused after the migration' };
    result.files[0]!.remaining = [...result.files[0]!.remaining, note];
    result.summary = summarize(result.files, 'report');
    expect(renderMarkdownReport(result, context)).toMatch(explanation);
  });

  it('cuts manual work last: items first, diffs after', () => {
    const text = renderMarkdownReport(bigResult(400), context, { maxChars: 20_000, maxDiffLines: 300 });
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/more manual items not shown/);
    expect(text).toMatch(/400 more changed files not shown/);
  });

  it('cuts one huge diff to its first lines', () => {
    const text = renderMarkdownReport(bigResult(1), context, { maxChars: 60_000, maxDiffLines: 10 });
    expect(text).toContain('_… 35 more diff lines in the HTML or JSON report._');
  });

  it('a small report is not cut', () => {
    const text = renderMarkdownReport(bigResult(3), context);
    expect(text).not.toContain('not shown');
    expect(text).toContain('npx zoho-authtoken-codemod migrate src');
  });
});
