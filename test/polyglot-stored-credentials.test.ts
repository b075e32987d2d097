import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

/**
 * A variable that reads the legacy API key from storage is an error while the file still sends a
 * legacy credential. Once nothing outside ticket code does, it is dead storage: a note on migrate's
 * output (the rewrite just removed the credentials it fed) and nothing in a later `check`, as in
 * JavaScript, where the variables a rewrite leaves unused are noted by migrate only. A literal value
 * (a committed secret) stays an error either way.
 */
const URL = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords';
type Finding = { ruleId: string; line: number; severity: string; message: string };
const describeAll = (findings: readonly Finding[]) =>
  findings.filter((finding) => finding.ruleId === 'legacy-auth-params').map((finding) => `${finding.line} ${finding.severity} ${finding.message.split(' ').slice(1, 3).join(' ')}`);
const summary = (source: string, filePath: string) => describeAll(analyzeSource(source, { filePath }).findings);

describe.each([
  ['a.php', "<?php\n$zoho_apikey = get_option('zoho_apikey');\n", "<?php\n$zoho_apikey = 'abc123';\n", `$u = '${URL}?apikey=' . $zoho_apikey;\n`, "$u = 'https://api.example.com/?ticket=' . $t;\n"],
  ['a.py', "import os\nZOHO_API_KEY = os.environ['ZOHO_API_KEY']\n", "ZOHO_API_KEY = 'abc123'\n", `u = '${URL}?apikey=' + ZOHO_API_KEY\n`, "requests.get(url, params={'apikey': k})\n"],
  ['a.rb', "ZOHO_API_KEY = ENV['ZOHO_API_KEY']\n", "ZOHO_API_KEY = 'abc123'\n", `u = '${URL}?apikey=' + ZOHO_API_KEY\n`, 'HTTParty.get(url, query: { ticket: t })\n'],
])('%s', (filePath, stored, literal, zohoRequest, otherRequest) => {
  const storedLine = filePath === 'a.rb' ? 1 : 2;

  it('check: a stored key in a file that sends no legacy credential is dead storage, not a finding', () => {
    expect(summary(stored, filePath)).toEqual([]);
  });

  it('migrate: once the rewrite removed the last request that sent it, the stored key is a note on the output', () => {
    const result = migrateSource(stored + zohoRequest, { filePath });
    expect(result.changed).toBe(true);
    expect(describeAll(result.findings)).toContain(`${storedLine} error holds the`);
    expect(describeAll(result.remaining)).toEqual([`${storedLine} note reads the`]);
    // The output, checked afresh, fails on nothing: the note belongs to the migration only.
    expect(summary(result.output, filePath)).toEqual([]);
  });

  it('while a request (Zoho or not) still sends a legacy credential, it stays an error', () => {
    for (const request of [zohoRequest, otherRequest]) {
      const findings = summary(stored + request, filePath);
      expect(findings.filter((finding) => finding.includes('note'))).toEqual([]);
      expect(findings.some((finding) => finding.includes('error holds the'))).toBe(true);
    }
  });

  it('a field of the object reads it too', () => {
    const field = filePath === 'a.php' ? "<?php\nclass C { function __construct() { $this->zoho_apikey = get_option('zoho_apikey'); } }\n" : filePath === 'a.py' ? "import os\nclass C:\n    def __init__(self):\n        self.zoho_api_key = os.environ['ZOHO_API_KEY']\n" : "class C\n  def initialize\n    @zoho_api_key = ENV['ZOHO_API_KEY']\n  end\nend\n";
    expect(summary(field, filePath)).toEqual([]);
    const withRequest = field + (filePath === 'a.php' ? `$u = '${URL}?apikey=' . $k;\n` : `u = '${URL}?apikey=' + k\n`);
    const remaining = describeAll(migrateSource(withRequest, { filePath }).remaining);
    expect(remaining.map((finding) => finding.split(' ').slice(1).join(' '))).toEqual(['note reads the']);
  });

  it('a literal value stays an error', () => {
    expect(summary(literal, filePath).filter((finding) => finding.includes('error holds the'))).toHaveLength(1);
  });
});
