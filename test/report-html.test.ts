import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../src/reporters/report/escape-html.js';
import { runCli } from './helpers/projects.js';
import { xssProject } from './helpers/xss-project.js';

function inlineBlocks(html: string, tag: 'script' | 'style'): { attributes: string; body: string }[] {
  return [...html.matchAll(new RegExp(`<${tag}([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => ({ attributes: match[1]!, body: match[2]! }));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('HTML report, as text (the browser test checks it rendered)', () => {
  // A token expression is code the user typed: it reaches the page too.
  const tokenExpr = 'cfg["</script><b>"]';
  const dir = xssProject();
  const result = runCli(['report', '--format', 'html', '--token-expr', tokenExpr], dir);
  const html = result.stdout;

  it('is one self-contained page: two inline scripts (data, code), one inline style, no URL that loads anything', () => {
    expect(result.stderr).toBe('');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const scripts = inlineBlocks(html, 'script');
    expect(scripts.map((script) => script.attributes)).toEqual([' type="application/json" id="report-data"', '']);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    // The data island holds the scanned code, `src=` and all; the markup and code around it load nothing.
    const markup = html.replace(scripts[0]!.body, '');
    expect(markup).not.toMatch(/\b(src|href|srcset|action)\s*=/i);
    expect(markup).not.toMatch(/@import|url\(|fetch\(|XMLHttpRequest|import\(/i);
  });

  it('embeds the plan as inert JSON that reads back intact, markup included', () => {
    const data = inlineBlocks(html, 'script')[0]!.body;
    expect(data).not.toMatch(/[<>]/);
    const plan = JSON.parse(data);
    expect(plan.tokenExpr).toBe(tokenExpr);
    const files = plan.changes.map((change: { file: string }) => change.file);
    expect(files).toEqual(['src/<img src=x onerror="window.__pwned = 3">.js', 'src/evil.js']);
    expect(plan.changes[1].diff).toContain("</script><script>window.__pwned = 'script'</script>");
    expect(plan.manual[0].excerpt.lines[0]).toContain('</script><svg onload="window.__pwned = 2">');
  });

  it('escapes source text and options wherever it is written into the markup', () => {
    const outsideData = html.replace(inlineBlocks(html, 'script')[0]!.body, '');
    expect(outsideData).not.toContain('<b>');
    expect(outsideData).toContain('<code>cfg[&quot;&lt;/script&gt;&lt;b&gt;&quot;]</code>');
    expect(outsideData).not.toMatch(/<(img|svg)\b/);
  });

  it('allows only its own script and style, by hash (an injected one would be refused)', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    const code = inlineBlocks(html, 'script')[1]!.body;
    const style = inlineBlocks(html, 'style')[0]!.body;
    expect(csp).toBe(`default-src 'none'; script-src ${sha256(code)}; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'`);
  });

  it("the page's script is valid JavaScript", () => {
    expect(() => new Function(inlineBlocks(html, 'script')[1]!.body)).not.toThrow();
  });
});

describe('jsonForScript', () => {
  it.each(['</script>', '<!--', ']]>', '\u2028\u2029', '&amp;', "'\"\\"])('%j reads back unchanged and cannot end a script element', (text) => {
    const embedded = jsonForScript({ text });
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual({ text });
  });
});
