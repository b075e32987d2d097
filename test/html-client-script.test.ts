import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlinedPart, reportScript } from '../src/reporters/report/html-client-script.js';

describe('the HTML report client script (src/reporters/report/client)', () => {
  it('inlines each file without its developer header: what follows the first blank line', () => {
    expect(inlinedPart('x.js', '// @ts-check\n/** Header. */\n/** @typedef {string} T */\n\nvar a = 1;\n')).toBe('\nvar a = 1;\n');
    expect(() => inlinedPart('x.js', 'var a = 1;\n\nvar b = 2;\n')).toThrow(/x\.js/);
  });

  it('is one strict function holding diff.js then app.js, without their headers, and parses', () => {
    const script = reportScript();
    expect(script.startsWith("(function () {\n'use strict';\n\nvar BACKTICK")).toBe(true);
    expect(script.indexOf('function tokenize(')).toBeLessThan(script.indexOf('var DATA ='));
    expect(script).not.toContain('@ts-check');
    expect(script).not.toContain('@typedef');
    expect(() => new Function(script)).not.toThrow();
  });

  it('the app reads the report data island and marks the page ready (what the browser test waits for)', () => {
    const app = readFileSync(new URL('../src/reporters/report/client/app.js', import.meta.url), 'utf8');
    expect(app).toContain("document.getElementById('report-data')");
    expect(reportScript()).toContain("document.body.setAttribute('data-ready', 'true');\n\n})();\n");
  });
});
