import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

const URL_A = "'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + key + '&ticket=' + ticket";
const URL_B = "'https://crm.zoho.com/crm/private/xml/Contacts/getRecords?apikey=' + key + '&ticket=' + ticket";

function analyze(source: string, filePath = 'src/a.js') {
  return analyzeSource(source, { filePath });
}

function rules(source: string, filePath?: string): string[] {
  return analyze(source, filePath).findings.map((finding) => `${finding.line}:${finding.ruleId}`);
}

describe('inline suppressions', () => {
  it('ignore-next-line silences the findings that start on the next line only', () => {
    const source = `// zoho-authtoken-ignore-next-line the mirror is retired with the importer\nconst a = ${URL_A};\nconst b = ${URL_B};\n`;
    const analysis = analyze(source);
    expect(analysis.findings.map((finding) => `${finding.line}:${finding.ruleId}`)).toEqual(['3:legacy-auth-params']);
    expect(analysis.suppressed).toBe(1);
  });

  it('works as a block comment, in JSX, and with a colon before the reason', () => {
    expect(rules(`/* zoho-authtoken-ignore-next-line */\nconst a = ${URL_A};\n`)).toEqual([]);
    expect(rules(`/** zoho-authtoken-ignore-next-line: kept for the docs */\nconst a = ${URL_A};\n`)).toEqual([]);
    const jsx = `const x = (\n  <p>\n    {/* zoho-authtoken-ignore-next-line */}\n    <a href={${URL_A}}>old</a>\n  </p>\n);\n`;
    expect(rules(jsx, 'src/a.jsx')).toEqual([]);
  });

  it('is only a directive at the start of a real comment', () => {
    const inString = `const doc = '// zoho-authtoken-ignore-next-line';\nconst a = ${URL_A};\n`;
    expect(rules(inString)).toEqual(['2:legacy-auth-params']);
    const inProse = `// see zoho-authtoken-ignore-next-line in the README\nconst a = ${URL_A};\n`;
    expect(rules(inProse)).toEqual(['2:legacy-auth-params']);
    const longerWord = `// zoho-authtoken-ignore-next-lines\nconst a = ${URL_A};\n`;
    expect(rules(longerWord)).toEqual(['2:legacy-auth-params']);
  });

  it('ignore-file silences every finding of the file, wherever it stands', () => {
    const source = `const a = ${URL_A};\n/* zoho-authtoken-ignore-file */\nconst b = ${URL_B};\n`;
    const analysis = analyze(source);
    expect(analysis.findings).toEqual([]);
    expect(analysis.suppressed).toBe(2);
  });

  it('a directive that silences nothing is a note, never an error', () => {
    const stale = analyze(`// zoho-authtoken-ignore-next-line fixed long ago\nconst a = 1;\nconst b = ${URL_B};\n`);
    expect(stale.findings.map((finding) => [finding.line, finding.column, finding.ruleId, finding.severity])).toEqual([
      [1, 1, 'unused-suppression', 'note'],
      [3, 11, 'legacy-auth-params', 'error'],
    ]);
    expect(stale.findings[0]!.message).toBe('zoho-authtoken-ignore-next-line suppresses nothing on line 2; delete it');
    const staleFile = analyze('/* zoho-authtoken-ignore-file */\nexport const zohoUrl = "https://crm.zoho.com";\n');
    expect(staleFile.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['unused-suppression', 'zoho-authtoken-ignore-file suppresses nothing in this file; delete it'],
    ]);
    expect(staleFile.suppressed).toBe(0);
  });

  it('in a file that does not parse, directives are found in the text', () => {
    const broken = `/* zoho-authtoken-ignore-file */\nconst a = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=k&ticket=t';\nfunction (\n`;
    const analysis = analyze(broken);
    expect(analysis.parseError).toBeDefined();
    expect(analysis.findings).toEqual([]);
    expect(analysis.suppressed).toBe(2);
    // Without a syntax tree nothing proves a next-line directive stale: no note.
    const nextLine = `// zoho-authtoken-ignore-next-line\nconst ok = 1;\nfunction (\n`;
    expect(rules(nextLine)).toEqual(['3:parse-error']);
  });

  it('adding a suppression leaves the fingerprints of the other findings as they were', () => {
    const plain = analyze(`const a = ${URL_A};\nconst b = ${URL_B};\nconst c = ${URL_A};\n`);
    const suppressed = analyze(`// zoho-authtoken-ignore-next-line\nconst a = ${URL_A};\nconst b = ${URL_B};\nconst c = ${URL_A};\n`);
    expect(suppressed.findings.map((finding) => finding.fingerprint)).toEqual(plain.findings.slice(1).map((finding) => finding.fingerprint));
  });

  it('migrate leaves suppressed code exactly as it is', () => {
    const source = `// zoho-authtoken-ignore-next-line\nconst a = ${URL_A};\nconst b = ${URL_B};\n`;
    const result = migrateSource(source, { filePath: 'src/a.js' });
    expect(result.changed).toBe(true);
    expect(result.suppressed).toBe(1);
    expect(result.output.split('\n')[1]).toBe(`const a = ${URL_A};`);
    expect(result.output.split('\n')[2]).toContain('authtoken=');
    expect(result.remaining).toEqual([]);
  });
});
