import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';

const ticketRules = (source: string, filePath: string) =>
  analyzeSource(source, { filePath })
    .findings.filter((finding) => finding.ruleId === 'ticket-generation' || finding.ruleId === 'ticket-regeneration')
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message.split(':')[0]}`);

describe('ticket machinery in PHP, Python and Ruby', () => {
  it('flags a Python login with a dict of LOGIN_ID/PASSWORD, its caller, a timedelta(days=7) check and a 4834 retry, each whole', () => {
    const source = [
      'import requests',
      'from datetime import timedelta',
      '',
      'def login(user, password):',
      "    body = requests.post('https://accounts.zoho.eu/login', data={'LOGIN_ID': user, 'PASSWORD': password, 'FROM_AGENT': 'true'}).text",
      "    return body.split('TICKET=')[1].split()[0]",
      '',
      'def fresh(cache):',
      '    if cache.age > timedelta(days=7):',
      '        cache.ticket = login(cache.user, cache.password)',
      '',
      'def call(response):',
      "    if '4834' in response.text:",
      '        return True',
      '',
    ].join('\n');
    expect(ticketRules(source, 'zoho.py')).toEqual([
      '4:1 ticket-generation login wraps the Zoho ticket login',
      '9:5 ticket-regeneration Zoho ticket expiry check',
      '13:5 ticket-regeneration Retry on an expired Zoho ticket (error 4834, "Invalid Ticket Id")',
    ]);
  });

  it('flags a Ruby 7.days period constant and the logout', () => {
    const source = [
      'TICKET_TTL = 7.days',
      'def logout(ticket)',
      "  Net::HTTP.get(URI(\"https://accounts.zoho.com/logout?FROM_AGENT=true&ticket=#{ticket}\"))",
      'end',
      "def login; Net::HTTP.post_form(URI('https://accounts.zoho.com/login'), 'LOGIN_ID' => 'u', 'PASSWORD' => 'p'); end",
      '',
    ].join('\n');
    expect(ticketRules(source, 'zoho.rb')).toEqual([
      '1:1 ticket-regeneration 7-day ticket lifetime (TICKET_TTL)',
      '2:1 ticket-generation Zoho ticket logout',
      '5:1 ticket-generation login wraps the Zoho ticket login',
    ]);
  });

  it('never flags a LOGIN_ID/PASSWORD form in a file that names neither Zoho nor a legacy parameter', () => {
    const source = ['def login(user, password):', "    return requests.post('https://intranet.example.com/auth', data={'LOGIN_ID': user, 'PASSWORD': password}).text", ''].join('\n');
    expect(ticketRules(source, 'intranet.py')).toEqual([]);
  });

  it("never flags help-desk or single-sign-on tickets: Zendesk, QuickBase's ticket + apptoken, CAS, Zoho Desk", () => {
    const quickbase = [
      '<?php',
      "$xml = file_get_contents('https://example.quickbase.com/db/main?a=API_Authenticate&username=u&password=p');",
      "preg_match('/<ticket>(.*)<\\/ticket>/', $xml, $m);",
      "file_put_contents('/tmp/qb_ticket', $m[1]);",
      "$expires = time() + 604800;",
      "$rows = file_get_contents('https://example.quickbase.com/db/abc?a=API_DoQuery&ticket=' . $m[1] . '&apptoken=' . $token);",
      '',
    ].join('\n');
    expect(ticketRules(quickbase, 'qb.php')).toEqual([]);
    const zendesk = "import requests\nTICKET_CACHE = {}\ndef ticket(id):\n    TICKET_CACHE[id] = requests.get('https://acme.zendesk.com/api/v2/tickets/%s.json' % id).json()\n    return TICKET_CACHE[id]\nTTL = 7 * 24 * 60 * 60\n";
    expect(ticketRules(zendesk, 'zendesk.py')).toEqual([]);
    const cas = "def validate(ticket)\n  Net::HTTP.get(URI(\"https://cas.example.edu/cas/serviceValidate?service=x&ticket=#{ticket}\"))\nend\nSESSION_TTL = 7.days\n";
    expect(ticketRules(cas, 'cas.rb')).toEqual([]);
    const desk = "<?php\n$r = file_get_contents('https://desk.zoho.com/api/v1/tickets?limit=10', false, $ctx);\nfile_put_contents('desk_tickets.json', $r);\n";
    expect(ticketRules(desk, 'desk.php')).toEqual([]);
  });
});

describe('migrate --annotate in PHP, Python and Ruby', () => {
  it("puts the language's own marker comment above each flagged construct, once", async () => {
    const { migrateSource } = await import('../src/core/migrate-source.js');
    const python = "def login(user, password):\n    return urllib2.urlopen('https://accounts.zoho.com/login?FROM_AGENT=true&LOGIN_ID=' + user + '&PASSWORD=' + password).read()\n";
    const once = migrateSource(python, { filePath: 'a.py', annotate: true }).output;
    expect(once).toBe('# zoho-authtoken: remove: Zoho ticket login/logout is obsolete with an authtoken\n' + python);
    expect(migrateSource(once, { filePath: 'a.py', annotate: true }).changed).toBe(false);
    const php = "<?php\nfunction zoho_login($u, $p) {\n    return file_get_contents('https://accounts.zoho.com/login?FROM_AGENT=true&LOGIN_ID=' . $u . '&PASSWORD=' . $p);\n}\n";
    expect(migrateSource(php, { filePath: 'a.php', annotate: true }).output).toContain('<?php\n// zoho-authtoken: remove: Zoho ticket login/logout is obsolete with an authtoken\nfunction zoho_login');
    const ruby = "TICKET_TTL = 7.days\ndef login\n  Net::HTTP.post_form(URI('https://accounts.zoho.com/login'), 'LOGIN_ID' => 'u', 'PASSWORD' => 'p')\nend\n";
    expect(migrateSource(ruby, { filePath: 'a.rb', annotate: true }).output.split('\n').filter((line) => line.startsWith('# zoho-authtoken: remove:'))).toHaveLength(2);
  });
});
