import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedModule, generatedModules, inlinedPart } from '../scripts/report-client-modules.js';
import { reportScript } from '../src/reporters/report/html-client-script.js';

const CLIENT_DIR = path.resolve(import.meta.dirname, '../src/reporters/report/client');

describe('the HTML report client script (src/reporters/report/client)', () => {
  it('inlines each file without its developer header: what follows the first blank line', () => {
    expect(inlinedPart('x.js', '// @ts-check\n/** Header. */\n/** @typedef {string} T */\n\nvar a = 1;\n')).toBe('\nvar a = 1;\n');
    expect(() => inlinedPart('x.js', 'var a = 1;\n\nvar b = 2;\n')).toThrow(/x\.js/);
  });

  it('has a generated module for each client file, up to date (npm run client-script rewrites them)', () => {
    const expected = generatedModules(CLIENT_DIR);
    expect([...expected.keys()]).toEqual(['app-js.ts', 'diff-js.ts']);
    expect(readdirSync(CLIENT_DIR).filter((name) => name.endsWith('-js.ts')).sort()).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect(readFileSync(path.join(CLIENT_DIR, file), 'utf8'), `${file} is stale: npm run client-script`).toBe(text);
  });

  it('carries a file byte for byte through its module: backslashes, backticks and ${ included', () => {
    const tricky = '// @ts-check\n/** Header. */\n\nvar re = /\\d+`/;\nvar s = "${x}" + \'\\\\\';\n';
    const source = generatedModule('x.js', tricky);
    expect(source).toContain('edit x.js, not this');
    expect(new Function(source.replace('export const SCRIPT =', 'return'))()).toBe(inlinedPart('x.js', tricky));
  });

  it('is one strict function holding diff.js then app.js, without their headers, and parses', () => {
    const script = reportScript();
    expect(script.startsWith("(function () {\n'use strict';\n\nvar BACKTICK")).toBe(true);
    expect(script.indexOf('function tokenize(')).toBeLessThan(script.indexOf('var DATA ='));
    expect(script).not.toContain('@ts-check');
    expect(script).not.toContain('@typedef');
    expect(() => new Function(script)).not.toThrow();
    const parts = ['diff.js', 'app.js'].map((file) => inlinedPart(file, readFileSync(path.join(CLIENT_DIR, file), 'utf8')));
    expect(script).toBe(`(function () {\n'use strict';\n${parts.join('\n')}\n})();\n`);
  });

  it('the app reads the report data island and marks the page ready (what the browser test waits for)', () => {
    const app = readFileSync(new URL('../src/reporters/report/client/app.js', import.meta.url), 'utf8');
    expect(app).toContain("document.getElementById('report-data')");
    expect(reportScript()).toContain("document.body.setAttribute('data-ready', 'true');\n\n})();\n");
  });
});
