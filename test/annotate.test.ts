import { describe, expect, it } from 'vitest';
import { migrateSource } from '../src/core/migrate-source.js';

const REGEN = '// zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken';
const GEN = '// zoho-authtoken: remove: Zoho ticket login/logout is obsolete with an authtoken';

function annotate(source: string, filePath = 'lib/zoho/session.js'): string {
  const result = migrateSource(source, { filePath, annotate: true });
  expect(result.refusedReason).toBeUndefined();
  return result.output;
}

describe('migrate --annotate', () => {
  it('puts one marker above each flagged construct, with its indentation, and nothing more on a second run', () => {
    const source = [
      '// Zoho session',
      'class Session {',
      '  start() {',
      '    setInterval(() => this.refreshTicket(), WEEK);',
      '  }',
      '}',
      '',
      'function logout(ticket) {',
      "\treturn https.get('https://accounts.zoho.com/logout?FROM_AGENT=true&ticket=' + ticket);",
      '}',
      '',
    ].join('\n');
    const once = annotate(source);
    expect(once).toBe(
      [
        '// Zoho session',
        'class Session {',
        '  start() {',
        `    ${REGEN}`,
        '    setInterval(() => this.refreshTicket(), WEEK);',
        '  }',
        '}',
        '',
        GEN,
        'function logout(ticket) {',
        "\treturn https.get('https://accounts.zoho.com/logout?FROM_AGENT=true&ticket=' + ticket);",
        '}',
        '',
      ].join('\n'),
    );
    const twice = migrateSource(once, { filePath: 'lib/zoho/session.js', annotate: true });
    expect(twice.changed).toBe(false);
    expect(twice.output).toBe(once);
  });

  it('keeps CRLF line endings, tabs and a BOM', () => {
    const source = "\uFEFFvar ticketCache = {};\r\n\tsetInterval(refreshTicket, 604800000);\r\n// zoho\r\n";
    expect(annotate(source)).toBe(`\uFEFF${REGEN}\r\nvar ticketCache = {};\r\n\t${REGEN}\r\n\tsetInterval(refreshTicket, 604800000);\r\n// zoho\r\n`);
  });

  it('marks a construct that shares its line with other code right before it, as a block comment', () => {
    const source = "const s = `zoho\nsession`; setInterval(refreshTicket, 604800000);\n";
    const once = annotate(source);
    expect(once).toBe("const s = `zoho\nsession`; /* zoho-authtoken: remove: 7-day ticket regeneration is obsolete with an authtoken */ setInterval(refreshTicket, 604800000);\n");
    expect(annotate(once)).toBe(once);
  });

  it('goes between a doc comment and its function, and marks nested ticket code once', () => {
    const source = [
      '/** Logs in to Zoho and returns the ticket. */',
      'function getTicket(cb) {',
      "  https.get('https://accounts.zoho.com/login?FROM_AGENT=true&LOGIN_ID=' + u + '&PASSWORD=' + p, function (res) {",
      '    cb(/TICKET=(\\w+)/.exec(res.body)[1]);',
      '  });',
      '}',
      '',
    ].join('\n');
    expect(annotate(source).split('\n').slice(0, 3)).toEqual(['/** Logs in to Zoho and returns the ticket. */', GEN, 'function getTicket(cb) {']);
    expect(annotate(source).match(/zoho-authtoken: remove:/g)).toHaveLength(1);
  });

  it('marks ticket code in a Vue script block, never in its markup; Python with its own comment', () => {
    const vue = [
      '<template>',
      '  <a href="https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=me&PASSWORD=pw">log in</a>',
      '</template>',
      '<script>',
      "import session from './zoho-session';",
      'export default {',
      '  mounted() {',
      '    setInterval(() => session.refreshTicket(), 604800000);',
      '  },',
      '};',
      '</script>',
      '',
    ].join('\n');
    const result = migrateSource(vue, { filePath: 'src/Session.vue', annotate: true });
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('ticket-')).map((finding) => finding.line)).toEqual([2, 8]);
    expect(result.output).toBe(vue.replace('    setInterval', `    ${REGEN}\n    setInterval`));

    // Python is parsed now: its ticket code gets a marker in its own comment syntax (test/polyglot-ticket-code.test.ts).
    const python = "LOGIN = 'https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=%s&PASSWORD=%s'\n";
    const scanned = migrateSource(python, { filePath: 'zoho/session.py', annotate: true });
    expect(scanned.findings.map((finding) => finding.ruleId)).toContain('ticket-generation');
    expect(scanned.output).toBe(`${GEN.replace(/^\/\/ /, '# ')}\n${python}`);
  });

  it('takes the configured comment text (annotateComment), and still adds nothing on a second run', () => {
    const source = '// zoho\nsetInterval(refreshTicket, 604800000);\n';
    const options = { filePath: 'lib/zoho/session.js', annotate: true, annotateComment: 'legacy Zoho ticket code: delete after the rollout' };
    const once = migrateSource(source, options).output;
    expect(once).toBe('// zoho\n// zoho-authtoken: remove: legacy Zoho ticket code: delete after the rollout\nsetInterval(refreshTicket, 604800000);\n');
    expect(migrateSource(once, options).changed).toBe(false);
  });

  it('rewrites the requests and annotates in one run; without --annotate nothing is marked', () => {
    const source = [
      'var CRM = "https://crm.zoho.com/crm/private/xml";',
      'var current = { ticket: null, issuedAt: 0 };',
      'function leads(key, ticket) {',
      '  return CRM + "/Leads/getRecords?apikey=" + key + "&ticket=" + ticket;',
      '}',
      '',
    ].join('\n');
    const plain = migrateSource(source, { filePath: 'lib/zoho/leads.js' });
    expect(plain.output).not.toContain('zoho-authtoken: remove');
    expect(annotate(source, 'lib/zoho/leads.js')).toBe(plain.output.replace('var current', `${REGEN}\nvar current`));
  });
});
