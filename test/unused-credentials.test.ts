import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

const CRM = 'https://crm.zoho.com/crm/private/json/Leads/getRecords';

function notes(source: string, options: { annotate?: boolean; filePath?: string } = {}): string[] {
  const result = migrateSource(source, { filePath: options.filePath ?? 'src/crm.js', ...(options.annotate ? { annotate: true } : {}) });
  expect(result.changed).toBe(true);
  return result.remaining.filter((finding) => finding.severity === 'note').map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
}

describe('legacy credentials the migration made unused (notes)', () => {
  it('names the constants that held the apikey and ticket, and the environment variables they read', () => {
    const source = [
      'const API_KEY = process.env.ZOHO_API_KEY;',
      "const TICKET = process.env.ZOHO_TICKET || '';",
      `export const url = '${CRM}?apikey=' + API_KEY + '&ticket=' + TICKET;`,
      '',
    ].join('\n');
    expect(notes(source)).toEqual([
      '1:1 API_KEY held the Zoho apikey (process.env.ZOHO_API_KEY) and is unused after the migration; remove it and retire ZOHO_API_KEY',
      '2:1 TICKET held the Zoho ticket (process.env.ZOHO_TICKET) and is unused after the migration; remove it and retire ZOHO_TICKET',
    ]);
  });

  it('says nothing about a variable that is still used', () => {
    const source = ['const API_KEY = process.env.ZOHO_API_KEY;', `export const url = (t) => '${CRM}?apikey=' + API_KEY + '&ticket=' + t;`, 'log(API_KEY.length);', ''].join('\n');
    expect(notes(source)).toEqual(['2:21 t held the Zoho ticket and is unused after the migration; remove it']);
  });

  it('reports a direct environment read that was the last one in the file, at the rewritten request', () => {
    const once = `function leads(t) {\n  return '${CRM}?apikey=' + process.env.ZOHO_API_KEY + '&ticket=' + encodeURIComponent(t);\n}\n`;
    expect(notes(once)).toEqual([
      '1:16 t held the Zoho ticket and is unused after the migration; remove it',
      '2:10 The migration removed the last read of process.env.ZOHO_API_KEY (the Zoho apikey) in this file; retire ZOHO_API_KEY once no other code reads it',
    ]);
    const readAgain = `${once}const key = process.env.ZOHO_API_KEY;\n`;
    expect(notes(readAgain).filter((note) => note.includes('ZOHO_API_KEY'))).toEqual([]);
  });

  it('tells callback parameters of the same name apart', () => {
    const source = [
      'getTicket(function (err, ticket) {',
      `  get('${CRM}?apikey=' + KEY + '&ticket=' + ticket);`,
      '});',
      'getTicket(function (err, ticket) {',
      `  get('${CRM}?apikey=' + KEY + '&ticket=' + ticket);`,
      '  audit(ticket);',
      '});',
      '',
    ].join('\n');
    expect(notes(source)).toEqual(['1:26 ticket held the Zoho ticket and is unused after the migration; remove it']);
  });

  it('covers destructured imports, CRLF and a BOM', () => {
    const source = `\uFEFFconst { apiKey, ticket } = require('./creds');\r\nmodule.exports = '${CRM}?apikey=' + apiKey + '&ticket=' + ticket;\r\n`;
    expect(notes(source)).toEqual([
      '1:9 apiKey held the Zoho apikey and is unused after the migration; remove it',
      '1:17 ticket held the Zoho ticket and is unused after the migration; remove it',
    ]);
  });

  it('keeps its lines right when --annotate adds marker comments above', () => {
    const source = [
      'let cachedTicket = null;',
      'const API_KEY = process.env.ZOHO_API_KEY;',
      `export const url = (t) => '${CRM}?apikey=' + API_KEY + '&ticket=' + t;`,
      '',
    ].join('\n');
    expect(notes(source, { annotate: true })).toEqual([
      '3:1 API_KEY held the Zoho apikey (process.env.ZOHO_API_KEY) and is unused after the migration; remove it and retire ZOHO_API_KEY',
      '4:21 t held the Zoho ticket and is unused after the migration; remove it',
    ]);
  });

  it('finds them in a Vue script block, at their place in the file', () => {
    const source = [
      '<template><p>{{ url }}</p></template>',
      '<script setup>',
      'const API_KEY = process.env.ZOHO_API_KEY;',
      `const url = '${CRM}?apikey=' + API_KEY;`,
      '</script>',
      '',
    ].join('\n');
    expect(notes(source, { filePath: 'src/Leads.vue' })).toEqual([
      '3:1 API_KEY held the Zoho apikey (process.env.ZOHO_API_KEY) and is unused after the migration; remove it and retire ZOHO_API_KEY',
    ]);
  });

  it('is a migrate note only: check reports nothing of the kind', () => {
    const source = `const API_KEY = process.env.ZOHO_API_KEY;\nexport const url = '${CRM}?apikey=' + API_KEY;\n`;
    expect(analyzeSource(source, { filePath: 'src/crm.js' }).findings.filter((finding) => finding.severity === 'note')).toEqual([]);
  });
});
