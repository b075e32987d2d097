import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';
import { polyglotLanguageOf } from '../src/core/polyglot/index.js';
import { formatGolden, listScannerFixtures } from './helpers/scanner-golden.js';

const root = path.resolve(import.meta.dirname, '../fixtures/scanner');
const fixtures = listScannerFixtures(root);

/** Keys that look like credentials but are not Zoho's: a fixture that names one must never report it. */
const NOT_ZOHO_KEYS = /STRIPE|SENDGRID|GITHUB|AWS_SECRET|Twilio|twilio|PagerDuty|Slack|mailgun|jira|event_ticket|HelpdeskTicket|ZOHO_DESK|zoho_desk/;

describe('polyglot scanner fixtures', () => {
  it('covers every language family this tool scans', () => {
    const languages = new Set(fixtures.map((fixture) => polyglotLanguageOf(fixture.file)));
    expect([...languages].sort()).toEqual(['csharp', 'env', 'go', 'java', 'json', 'php', 'properties', 'python', 'ruby', 'vbnet', 'xml', 'yaml']);
  });

  describe.each(fixtures)('$name', (fixture) => {
    const text = readFileSync(fixture.file, 'utf8');
    const analysis = analyzeSource(text, { filePath: path.basename(fixture.file) });

    it('reports the expected findings, at the expected lines and columns', () => {
      expect(existsSync(fixture.golden), `${fixture.golden} exists`).toBe(true);
      expect(formatGolden(text, analysis.findings)).toBe(readFileSync(fixture.golden, 'utf8'));
    });

    // PHP, Python and Ruby are parsed and rewritten (test/polyglot-migrate.test.ts); the rest is report-only.
    const isRewritten = ['php', 'python', 'ruby'].includes(polyglotLanguageOf(fixture.file) ?? '');
    it.skipIf(isRewritten)('never offers a fix, and migrate leaves the file alone', () => {
      expect(analysis.findings.filter((finding) => finding.fixable || finding.edits)).toEqual([]);
      const migration = migrateSource(text, { filePath: path.basename(fixture.file) });
      expect(migration.changed).toBe(false);
      expect(migration.output).toBe(text);
    });

    it.runIf(isRewritten)('migrate leaves nothing fixable and nothing it could not parse', () => {
      const migration = migrateSource(text, { filePath: path.basename(fixture.file) });
      expect(migration.refusedReason).toBeUndefined();
      expect(migration.remaining.filter((finding) => finding.fixable)).toEqual([]);
    });

    it('reports nothing for credential-looking keys that are not Zoho\'s', () => {
      const reported = analysis.findings.map((finding) => text.slice(finding.range.start, finding.range.end));
      expect(reported.filter((snippet) => NOT_ZOHO_KEYS.test(snippet))).toEqual([]);
    });

    it('masks every literal credential it reports', () => {
      for (const finding of analysis.findings.filter((f) => f.ruleId === 'hardcoded-credential')) {
        expect(analysis.secrets).toContain(text.slice(finding.range.start, finding.range.end));
      }
      for (const finding of analysis.findings) for (const secret of analysis.secrets) expect(finding.message).not.toContain(secret);
    });
  });

  it('reports a legacy URL that is only in a comment as a note, in every language with comments', () => {
    const withComments = fixtures.filter((fixture) => !fixture.file.endsWith('.json') && !fixture.file.endsWith('beans.xml'));
    for (const fixture of withComments) {
      const text = readFileSync(fixture.file, 'utf8');
      const notes = analyzeSource(text, { filePath: path.basename(fixture.file) }).findings.filter((f) => f.severity === 'note');
      expect(notes.length, fixture.name).toBeGreaterThan(0);
      for (const note of notes) expect(note.ruleId, fixture.name).toBe('legacy-auth-params');
    }
  });

  it('reports apikey and ticket map keys only as a pair, near each other, in a file whose code names Zoho', () => {
    const keys = (source: string, file: string) => analyzeSource(source, { filePath: file }).findings.map((finding) => `${finding.line}:${source.slice(finding.range.start, finding.range.end)}`);
    // Zoho named only in a comment: a help desk with another vendor's key.
    expect(keys("<?php\n// unlike our Zoho code\n$p = array('ticket' => $id, 'apikey' => $k);\n", 'desk.php')).toEqual([]);
    // One of the pair alone.
    expect(keys("<?php\n$q = http_build_query(array('apikey' => $k, 'zoho' => 1));\n", 'one.php')).toEqual([]);
    // The pair far apart: a Zoho apikey, and a help-desk ticket twenty lines below.
    const far = `ZOHO = "https://crm.zoho.com"\nx = {"apikey": k}\n${'\n'.repeat(20)}y = {"ticket": t}\n`;
    expect(keys(far, 'far.py')).toEqual([]);
    expect(keys('ZOHO = "https://crm.zoho.com"\nx = {"apikey": k,\n     "ticket": t}\n', 'near.py')).toEqual(['2:"apikey"', '3:"ticket"']);
  });

  it('honours suppression comments written in the language\'s own comments', () => {
    const url = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=K&ticket=T';
    const python = `# zoho-authtoken-ignore-next-line archived sample\nOLD = "${url}"\nNEW = "${url}"\n`;
    const analysis = analyzeSource(python, { filePath: 'jobs/sync.py' });
    expect(analysis.suppressed).toBe(1);
    expect(analysis.findings.map((finding) => finding.line)).toEqual([3]);
    const stale = analyzeSource(`' zoho-authtoken-ignore-next-line\nDim x = 1\n`, { filePath: 'a.vb' });
    expect(stale.findings.map((finding) => finding.ruleId)).toEqual(['unused-suppression']);
    const whole = analyzeSource(`# zoho-authtoken-ignore-file\nZOHO_TICKET=abc\n`, { filePath: '.env.example' });
    expect(whole).toMatchObject({ findings: [], suppressed: 1 });
  });
});
