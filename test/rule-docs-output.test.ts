import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/core/findings.js';
import { copyProject, REPO_ROOT } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

describe('outputs point at the rule pages', () => {
  it('text: one line per reported rule naming its page, a path that exists', async () => {
    const dir = copyProject('basic', { git: true });
    const run = await runMain(['check'], dir);
    const section = run.stdout.split('What each rule means and how to fix it by hand:\n')[1]!.split('\n\n')[0]!;
    const lines = section.split('\n');
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(['legacy-auth-params', 'hardcoded-credential', 'parse-error']);
    for (const line of lines) {
      const page = line.trim().split(/\s+/)[1]!;
      expect(page).toBe(path.join(REPO_ROOT, 'docs/rules', `${line.trim().split(/\s+/)[0]}.md`));
      expect(existsSync(page)).toBe(true);
    }
    // The summary line stays the last line.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^check: /);
  });

  it('SARIF: each rule carries its page as Markdown help, names it in the text help, and links the published copy of this version', async () => {
    const run = await runMain(['check', '--format', 'sarif'], copyProject('basic', { git: true }));
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as { id: string; help: { text: string; markdown: string }; helpUri?: string }[];
    expect(rules.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    for (const rule of rules) {
      expect(rule.help.markdown).toBe(readFileSync(path.join(REPO_ROOT, 'docs/rules', `${rule.id}.md`), 'utf8'));
      expect(rule.help.text).toContain(`Documentation: docs/rules/${rule.id}.md in the zoho-authtoken-codemod package.`);
      const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(rule.helpUri).toBe(`https://unpkg.com/zoho-authtoken-codemod@${version}/docs/rules/${rule.id}.md`);
    }
  });
});
