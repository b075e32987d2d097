import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { embeddedFormatOf } from '../src/core/embedded/index.js';
import { extractHtmlScripts } from '../src/core/embedded/html.js';
import type { ContainerParse } from '../src/core/embedded/script-block.js';
import { extractSvelteScripts } from '../src/core/embedded/svelte.js';
import { extractVueScripts } from '../src/core/embedded/vue.js';
import { migrateSource } from '../src/core/migrate-source.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';

const EXTRACT: Record<string, (text: string) => ContainerParse> = { vue: extractVueScripts, svelte: extractSvelteScripts, html: extractHtmlScripts };
const pairs = listFixturePairs(path.resolve(import.meta.dirname, '../fixtures/transforms')).filter((pair) => embeddedFormatOf(pair.filePath));

const LEADS = 'https://crm.zoho.com/crm/private/json/Leads/getRecords';

describe('scripts embedded in Vue, Svelte and HTML files', () => {
  it('has fixture pairs for Vue (options API, <script setup lang="ts">, two blocks), Svelte and HTML', () => {
    const names = pairs.map((pair) => pair.name);
    expect(names).toEqual(expect.arrayContaining(['embedded/options-api.vue', 'embedded/script-setup-ts.vue', 'embedded/two-blocks.vue', 'embedded/component.svelte', 'embedded/page.html']));
  });

  describe.each(pairs)('$name', (pair) => {
    it('edits only inside script blocks: every other byte is the same', () => {
      const input = readFileSync(pair.input, 'utf8');
      const output = readFileSync(pair.output, 'utf8');
      const extract = EXTRACT[embeddedFormatOf(pair.filePath)!]!;
      const before = extract(input);
      const after = extract(output);
      if (!before.ok || !after.ok) throw new Error('the fixture does not parse');
      expect(after.blocks.length).toBe(before.blocks.length);
      // Outside the blocks, input and output are the same text, piece by piece.
      const outside = (text: string, blocks: typeof before.blocks) => {
        const pieces: string[] = [];
        let cursor = 0;
        for (const block of blocks) {
          pieces.push(text.slice(cursor, block.start));
          cursor = block.end;
        }
        return [...pieces, text.slice(cursor)];
      };
      expect(outside(output, after.blocks)).toEqual(outside(input, before.blocks));
      for (const finding of analyzeSource(input, { filePath: pair.filePath }).findings) {
        for (const edit of finding.edits ?? []) {
          expect(before.blocks.some((block) => edit.start >= block.start && edit.end <= block.end), `${finding.message} edits inside a block`).toBe(true);
        }
      }
    });
  });

  it('reports lines and columns of the real file, a BOM and CRLF line endings included', () => {
    const source = `\uFEFF<template>\r\n  <p>x</p>\r\n</template>\r\n<script>\r\nexport const u = '${LEADS}?apikey=' + k + '&ticket=' + t;\r\n</script>\r\n`;
    const [finding] = analyzeSource(source, { filePath: 'src/Leads.vue' }).findings;
    expect(finding).toMatchObject({ ruleId: 'legacy-auth-params', line: 5, column: 18, fixable: true });
    expect(source.slice(finding!.range.start, finding!.range.start + 6)).toBe(`'https`);
    const migrated = migrateSource(source, { filePath: 'src/Leads.vue' });
    expect(migrated.output).toBe(source.replace(`?apikey=' + k + '&ticket=' + t`, `?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=crmapi'`));
  });

  it('gives the same construct in two blocks two fingerprints', () => {
    const block = `<script>\nvar u = '${LEADS}?apikey=' + k + '&ticket=' + t;\n</script>\n`;
    const findings = analyzeSource(`<!doctype html>\n${block}${block}`, { filePath: 'index.html' }).findings;
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(findings.map((finding) => finding.line)).toEqual([3, 6]);
  });

  it('skips script blocks that are not JavaScript, and reports legacy URLs in the markup without rewriting them', () => {
    const source = [
      '<script type="text/template"><a href="' + LEADS + '?apikey=K&ticket=T">x</a></script>',
      '<script type="importmap">{"imports": {}}</script>',
      '<a href="' + LEADS + '?apikey=K&amp;ticket=T">leads</a>',
      '<!-- ' + LEADS + '?apikey=K&ticket=T -->',
      '',
    ].join('\n');
    const analysis = analyzeSource(source, { filePath: 'page.htm' });
    expect(analysis.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.fixable}`)).toEqual(['1:39 error false', '3:10 error false', '4:6 note false']);
    expect(analysis.findings[0]!.message).toContain('in the page markup, outside any script');
    expect(migrateSource(source, { filePath: 'page.htm' }).changed).toBe(false);
  });

  it.each([
    ['a Vue component Vue rejects', 'Broken.vue', `<template><div></template>\n<script>\nvar u = '${LEADS}?apikey=' + k + '&ticket=' + t;\n</script>\n`],
    ['a Svelte component whose script does not parse', 'Broken.svelte', `<script lang="ts">\nlet u: = '${LEADS}?apikey=' + k + '&ticket=' + t;\n</script>\n`],
    ['a script block that does not parse', 'broken.html', `<script>\nvar u = '${LEADS}?apikey=' + k + '&ticket=' + t;;;)\n</script>\n`],
  ])('reports %s as a parse error, still finds the legacy URL, and never rewrites it', (_, filePath, source) => {
    const analysis = analyzeSource(source, { filePath });
    expect(analysis.parseError).toBeDefined();
    expect(analysis.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['parse-error', 'legacy-auth-params']));
    expect(analysis.findings.every((finding) => !finding.fixable)).toBe(true);
    const migrated = migrateSource(source, { filePath });
    expect(migrated.changed).toBe(false);
    expect(migrated.output).toBe(source);
  });

  it('refuses a rewrite whose inserted text would end the script block early', () => {
    const source = `<script>\nvar u = '${LEADS}?apikey=' + k + '&ticket=' + t;\n</script>\n`;
    const analysis = analyzeSource(source, { filePath: 'page.html', tokenExpr: "'</script><script>'" });
    expect(analysis.findings).toHaveLength(1);
    expect(analysis.findings[0]!.fixable).toBe(false);
    expect(migrateSource(source, { filePath: 'page.html', tokenExpr: "'</script><script>'" }).changed).toBe(false);
  });

  it('honours suppression comments in scripts and in the markup', () => {
    const url = `${LEADS}?apikey=K&ticket=T`;
    const source = `<!-- zoho-authtoken-ignore-next-line the docs page shows the old form -->\n<a href="${url}">old</a>\n<script>\n// zoho-authtoken-ignore-next-line\nvar u = '${url}';\nvar v = '${url}';\n</script>\n`;
    const analysis = analyzeSource(source, { filePath: 'docs.html' });
    expect(analysis.suppressed).toBe(2);
    expect(analysis.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.fixable}`)).toEqual(['6 legacy-auth-params true']);
  });
});
