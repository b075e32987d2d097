import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { FileFindings } from '../src/core/file-findings.js';
import type { RuleSettings } from '../src/core/options.js';

/**
 * Every language's drafts become findings through one pipeline (src/core/file-findings.ts): a
 * suppression aimed at a rule turned off, and what a finding carries besides its message, are the
 * same in JavaScript, in a page's scripts and markup, and in the other languages.
 */
const CRM = 'https://crm.zoho.com/crm/private/json/Leads/getRecords';
const LOGIN = 'https://accounts.zoho.com/login?LOGIN_ID=a&PASSWORD=b&FROM_AGENT=true';
const IGNORE = 'zoho-authtoken-ignore-next-line';

const js = `const key = process.env.K;\n// ${IGNORE}\nfetch('${CRM}?apikey=' + key + '&ticket=' + ticket);\nfunction login() { return fetch('${LOGIN}'); }\n`;
const SOURCES: Record<string, string> = {
  'a.js': js,
  'a.html': `<p>\n<!-- ${IGNORE} -->\n<a href="${CRM}?apikey=k&amp;ticket=t">old</a>\n</p>\n<script>\n${js}</script>\n`,
  'a.py': `key = os.environ['K']\n# ${IGNORE}\nrequests.get("${CRM}?apikey=" + key + "&ticket=" + ticket)\ndef login():\n    return requests.post("${LOGIN}")\n`,
  'a.yaml': `# ${IGNORE}\nurl: ${CRM}?apikey=\${KEY}&ticket=\${TICKET}\n`,
};

function outcome(file: string, rules: RuleSettings) {
  const analysis = analyzeSource(SOURCES[file]!, { filePath: file, rules });
  return { rules: analysis.findings.map((finding) => finding.ruleId), suppressed: analysis.suppressed };
}

describe('one draft-to-finding pipeline', () => {
  it.each(Object.keys(SOURCES))('%s: a suppression aimed at a rule turned off still counts as used', (file) => {
    const on = outcome(file, {});
    const off = outcome(file, { 'legacy-auth-params': 'off' });
    expect(on.rules).not.toContain('unused-suppression');
    expect(off.rules).not.toContain('unused-suppression');
    expect(off.rules).not.toContain('legacy-auth-params');
    // Turning the rule off changes nothing else: the comment silenced the same findings.
    expect(off.suppressed).toBe(on.suppressed);
    expect(off.suppressed).toBeGreaterThan(0);
  });

  it('a page: a markup comment aimed at a script finding of a rule turned off counts as used', () => {
    const page = `<!-- ${IGNORE} -->\n<script>fetch('${CRM}?apikey=' + key + '&ticket=' + ticket);</script>\n`;
    const analysis = (rules: RuleSettings) => analyzeSource(page, { filePath: 'a.html', rules });
    expect(analysis({}).findings.map((finding) => finding.ruleId)).toEqual([]);
    expect(analysis({ 'legacy-auth-params': 'off' })).toMatchObject({ findings: [], suppressed: analysis({}).suppressed });
  });

  it('the same stale directive is reported alike in JavaScript and YAML', () => {
    const stale = (file: string, source: string) => analyzeSource(source, { filePath: file }).findings.map((finding) => [finding.line, finding.ruleId, finding.message]);
    expect(stale('a.js', `// ${IGNORE}\nconst a = 1;\n`)).toEqual(stale('a.yaml', `# ${IGNORE}\na: 1\n`));
  });

  it('a draft keeps its edits, removed credentials and annotation, whichever reader adds it (BOM-aware)', () => {
    const text = 'x = "apikey=1"\n';
    const findings = new FileFindings(text, 1, 'a.py', {});
    findings.addDraft({
      ruleId: 'legacy-auth-params',
      messageId: 'fixable',
      data: { service: 'CRM', params: 'apikey', scope: 'crmapi' },
      start: 4,
      end: 14,
      fixable: true,
      edits: [{ start: 5, end: 13, text: 'authtoken=1' }],
      removes: [{ param: 'apikey', declaration: { name: 'key', start: 0 } }],
      annotation: 'zoho-authtoken: remove: marker',
    });
    const [finding] = findings.finish().findings;
    expect(finding).toMatchObject({
      range: { start: 5, end: 15 },
      edits: [{ start: 6, end: 14 }],
      removes: [{ param: 'apikey', declaration: { name: 'key', start: 1 } }],
      annotation: 'zoho-authtoken: remove: marker',
    });
  });

  it.each(['a.js', 'a.html', 'a.py'])('%s: ticket code keeps its annotation; a JavaScript fix keeps what it removes', (file) => {
    const source = SOURCES[file]!.replace(new RegExp(`.*${IGNORE}.*\\n`, 'g'), '');
    const findings = analyzeSource(source, { filePath: file }).findings;
    expect(findings.find((finding) => finding.ruleId === 'ticket-generation')?.annotation).toMatch(/^zoho-authtoken: remove:/);
    if (file !== 'a.py') expect(findings.find((finding) => finding.fixable)?.removes).toEqual([expect.objectContaining({ param: 'apikey' })]);
  });
});
