import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './helpers/golden.js';
import { copyProject } from './helpers/projects.js';
import { runMain } from './helpers/run-main.js';

/** GitHub renders raw HTML in comments (then sanitises it); html: true parses it the same way. */
const markdown = new MarkdownIt({ html: true });

// The literal apikey in fixtures/projects/report/src/crm/leads.js: masked in every format.
const SECRET = '4e8c1f9d2a7b6035c9e1d8f7a2b4c6e0';

describe('report goldens (the CLI on a copy of fixtures/projects/report)', () => {
  it.each([
    ['markdown', 'report.md'],
    ['json', 'report.json'],
  ])('--format %s matches fixtures/reports/%s', async (format, golden) => {
    const dir = copyProject('report');
    const result = await runMain(['report', '--format', format], dir);
    expect(result.stderr).toBe('');
    // Manual work remains (a file that does not parse, an unprovable request): exit 1, as migrate would.
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain(SECRET);
    expectGolden(golden, result.stdout);
  });

  it('markdown is the default format', async () => {
    const dir = copyProject('report');
    expect((await runMain(['report'], dir)).stdout).toBe((await runMain(['report', '--format', 'markdown'], dir)).stdout);
  });

  it('the markdown renders as intended: tables, one <details> per changed file, closed fences', async () => {
    const dir = copyProject('report');
    const html = markdown.render((await runMain(['report'], dir)).stdout);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
    expect(html.match(/<code class="language-diff">/g)).toHaveLength(2);
    expect(html).toContain('<h2>Manual work (5)</h2>');
    expect(html).toContain('<h2>Files to change (2)</h2>');
    // Everything after the last diff is outside any code block.
    expect(html.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('the json carries each changed file diff and masked code excerpts', async () => {
    const dir = copyProject('report');
    const json = JSON.parse((await runMain(['report', '--format', 'json'], dir)).stdout);
    expect(json.command).toBe('report');
    expect(json.summary).toEqual({ filesScanned: 5, filesWithFindings: 4, findings: 8, fixable: 4, filesChanged: 2, errors: 0, suppressed: 0 });
    const leads = json.files.find((file: { file: string }) => file.file === 'src/crm/leads.js');
    expect(leads).toMatchObject({ status: 'changed' });
    expect(leads.diff).toContain("+var BACKUP_URL = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN");
    const credential = json.findings.find((finding: { ruleId: string }) => finding.ruleId === 'hardcoded-credential');
    expect(credential.excerpt).toEqual({
      startLine: 10,
      lines: ["var BACKUP_URL = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=****&ticket=' + ticket;"],
      omittedLines: 0,
    });
  });
});
