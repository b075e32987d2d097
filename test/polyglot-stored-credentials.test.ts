import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';

/**
 * A variable that reads the legacy API key from storage is an error while the file still sends a
 * legacy credential, and a note once nothing outside ticket code does; a literal value (a committed
 * secret) stays an error either way.
 */
const URL = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords';
const summary = (source: string, filePath: string) =>
  analyzeSource(source, { filePath }).findings.filter((finding) => finding.ruleId === 'legacy-auth-params').map((finding) => `${finding.line} ${finding.severity} ${finding.message.split(' ').slice(1, 3).join(' ')}`);

describe.each([
  ['a.php', "<?php\n$zoho_apikey = get_option('zoho_apikey');\n", "<?php\n$zoho_apikey = 'abc123';\n", `$u = '${URL}?apikey=' . $k;\n`, "$u = 'https://api.example.com/?ticket=' . $t;\n"],
  ['a.py', "import os\nZOHO_API_KEY = os.environ['ZOHO_API_KEY']\n", "ZOHO_API_KEY = 'abc123'\n", `u = '${URL}?authtoken=' + os.environ['ZOHO_CRM_AUTHTOKEN'] + '&scope=crmapi' + '&apikey=' + k\n`, "requests.get(url, params={'apikey': k})\n"],
  ['a.rb', "ZOHO_API_KEY = ENV['ZOHO_API_KEY']\n", "ZOHO_API_KEY = 'abc123'\n", `u = '${URL}?apikey=' + k\n`, 'HTTParty.get(url, query: { ticket: t })\n'],
])('%s', (filePath, stored, literal, zohoRequest, otherRequest) => {
  it('a stored key in a file that sends no legacy credential is a note', () => {
    expect(summary(stored, filePath)).toEqual(['2 note reads the'.replace('2', filePath === 'a.rb' ? '1' : '2')]);
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
    expect(summary(field, filePath).map((finding) => finding.split(' ').slice(1).join(' '))).toEqual(['note reads the']);
  });

  it('a literal value stays an error', () => {
    expect(summary(literal, filePath).filter((finding) => finding.includes('error holds the'))).toHaveLength(1);
  });
});
