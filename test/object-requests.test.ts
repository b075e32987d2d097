import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

const CRM = "const CRM = 'https://crm.zoho.com/crm/private/json';\nconst axios = require('axios');\n";

function legacy(source: string, filePath = 'sample.js') {
  return analyzeSource(source, { filePath }).findings.filter((finding) => finding.ruleId === 'legacy-auth-params');
}

function migrated(source: string, options: { filePath?: string; tokenExpr?: string; scope?: string } = {}): string {
  const result = migrateSource(source, { filePath: options.filePath ?? 'sample.js', ...options });
  expect(result.refusedReason).toBeUndefined();
  return result.output;
}

describe('dynamic and unprovable parameters: reported, never rewritten', () => {
  it.each([
    [
      'names taken from an array',
      CRM + "function a(creds) {\n  const params = {};\n  ['apikey', 'ticket'].forEach((name) => { params[name] = creds[name]; });\n  return axios.get(CRM + '/Leads/getRecords', { params });\n}\n",
      /names taken from an array: write the parameter names out literally .* authtoken=<token> and scope=crmapi/,
    ],
    [
      'a computed key',
      CRM + "const KEY = 'apikey';\nfunction b(k, t) {\n  return axios.get(CRM + '/Leads/getRecords', { params: { [KEY]: k, ticket: t } });\n}\n",
      /a computed key \("apikey"\): write the parameter names out literally/,
    ],
    [
      'name/value pairs',
      CRM + "function d(k, t) {\n  return fetch(CRM + '/Leads/getRecords?' + new URLSearchParams([['apikey', k], ['ticket', t]]));\n}\n",
      /name\/value pairs in an array/,
    ],
    [
      'a name held in a variable',
      CRM + "const NAME = 'ticket';\nfunction e(k, t) {\n  const p = new URLSearchParams();\n  p.append('apikey', k);\n  p.append(NAME, t);\n  return fetch(CRM + '/Leads/getRecords?' + p);\n}\n",
      /a name held in a variable \("ticket"\)/,
    ],
    [
      'a nested member',
      CRM + "const request = require('request');\nfunction f(k, callback) {\n  var options = { uri: CRM + '/Tasks/getRecords', qs: { id: 1 } };\n  options.qs.apikey = k;\n  request(options, callback);\n}\n",
      /Zoho CRM request sends apikey, but it is set on a nested object \(options\.qs\.apikey\); rewrite it by hand/,
    ],
    [
      "an axios interceptor that sets members of the request's params",
      CRM + "const zoho = axios.create({ baseURL: CRM });\nzoho.interceptors.request.use(function (config) {\n  config.params = config.params || {};\n  config.params.apikey = process.env.ZOHO_API_KEY;\n  config.params.ticket = session.ticket;\n  return config;\n});\n",
      /Zoho CRM request sends ticket, but it is set on a nested object \(config\.params\.ticket\); rewrite it by hand/,
    ],
    [
      'an interceptor of the global axios, which every request goes through',
      CRM + "axios.interceptors.request.use((config) => {\n  config.params = { ...config.params, apikey: process.env.ZOHO_API_KEY, ticket: session.ticket };\n  return config;\n});\n",
      /apikey and ticket sent to an endpoint that could not be proven to be Zoho/,
    ],
    [
      'a helper nobody in the file calls',
      "// Zoho CRM helpers\nexport function zohoParams(k, t) {\n  return { apikey: k, ticket: t };\n}\n",
      /apikey and ticket sent to an endpoint that could not be proven to be Zoho; if this is a Zoho request, replace them with authtoken=<token> and scope=crmapi by hand/,
    ],
    [
      'a declared type that names the keys',
      CRM.replace("const axios = require('axios');", "import axios from 'axios';") +
        "interface Legacy { apikey: string; ticket: string }\nexport function g(k: string, t: string) {\n  const params: Legacy = { apikey: k, ticket: t };\n  return axios.get(CRM + '/Leads/getRecords', { params });\n}\n",
      /but their declared type \(Legacy, line 5\) names them too; rewrite it by hand/,
    ],
    [
      'a parameter read back',
      CRM + "function h(k, t) {\n  const params = { apikey: k, ticket: t };\n  console.log(params.ticket);\n  return axios.get(CRM + '/Leads/getRecords', { params });\n}\n",
      /but params\.ticket is read at line 5; rewrite it by hand/,
    ],
    [
      'parameters sent to Zoho and to another host',
      CRM + "const AUTH = { apikey: process.env.K, ticket: process.env.T };\naxios.get(CRM + '/Leads/getRecords', { params: AUTH });\naxios.get('https://api.example.com/v1/items', { params: AUTH });\n",
      /the same parameters are also sent to api\.example\.com; rewrite it by hand/,
    ],
  ])('%s', (_, source, message) => {
    const filePath = /interface/.test(source) ? 'sample.ts' : 'sample.js';
    const findings = legacy(source, filePath);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => !finding.fixable && !finding.edits)).toBe(true);
    expect(findings.map((finding) => finding.message).join('\n')).toMatch(message);
    expect(migrateSource(source, { filePath }).changed).toBe(false);
  });

  it.each([
    ['in the URL string', "request.get(CRM + '/Leads/getRecords?apikey=' + k, { qs: { ticket: t } }, cb);\n"],
    ['in a URL variable', "var url = CRM + '/Leads/getRecords?apikey=' + k;\nrequest({ url: url, qs: { ticket: t } }, cb);\n"],
    ['appended to a URL variable', "var url = CRM + '/Leads/getRecords';\nurl += '?apikey=' + k;\nrequest({ url: url, qs: { ticket: t } }, cb);\n"],
  ])('leaves a request with one parameter %s and the other in its options to a human', (_, body) => {
    const source = CRM + "var request = require('request');\n" + body;
    const findings = legacy(source);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/sends apikey, but an object sent with the same request sets parameters too/),
      expect.stringMatching(/sends ticket, but the same URL also spells apikey\/ticket in its text/),
    ]);
    expect(migrateSource(source, { filePath: 'sample.js' }).changed).toBe(false);
  });

  it('leaves parameters that are destructured back out to a human', () => {
    const source = CRM + "function d(creds) {\n  var params = { apikey: creds.k, ticket: creds.t };\n  var { ticket } = params;\n  return axios.get(CRM + '/Leads/getRecords', { params });\n}\n";
    expect(legacy(source).map((finding) => finding.message)).toEqual([expect.stringMatching(/\{ ticket \} = params reads them back at line 5/)]);
  });

  it('stays silent on look-alikes that are not legacy Zoho auth', () => {
    // No Zoho in the file and only one of the two names: an ordinary `ticket` field.
    expect(legacy("export function payload(t) {\n  return { ticket: t, seat: '12A' };\n}\n")).toEqual([]);
    // A help-desk ticket object is not a credential, whatever the file mentions.
    expect(legacy("// crm.zoho.com\nexport const body = { ticket: { subject: 'x' } };\n")).toEqual([]);
  });

  it('reports both halves of a URL whose object and text each carry one parameter, and rewrites neither', () => {
    const source = CRM + "const qs = require('qs');\nfunction c(k, t) {\n  return CRM + '/Leads/getRecords?' + qs.stringify({ apikey: k }) + '&ticket=' + t;\n}\n";
    const findings = legacy(source);
    expect(findings).toHaveLength(2);
    expect(findings.every((finding) => !finding.fixable)).toBe(true);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/sends ticket, but an object sent with the same request sets parameters too/),
      expect.stringMatching(/sends apikey, but the same URL also spells apikey\/ticket in its text/),
    ]);
  });
});

describe('object rewrites', () => {
  it('masks a literal credential and reports it where it is written', () => {
    const source = CRM + "axios.get(CRM + '/Leads/getRecords', { params: { apikey: '9f86d081884c7d659a2feaa0c55ad015', ticket: t } });\n";
    const analysis = analyzeSource(source, { filePath: 'sample.js' });
    const credential = analysis.findings.find((finding) => finding.ruleId === 'hardcoded-credential');
    expect(credential?.message).toBe('Hard-coded Zoho apikey value (****(32 chars)); keep credentials out of source');
    expect(analysis.secrets).toContain('9f86d081884c7d659a2feaa0c55ad015');
    expect(migrated(source)).not.toContain('9f86d081884c7d659a2feaa0c55ad015');
  });

  it('uses --token-expr and --scope', () => {
    const source = CRM + "axios.get(CRM + '/Leads/getRecords', { params: { apikey: k, ticket: t } });\n";
    expect(migrated(source, { tokenExpr: 'config.zoho.token', scope: 'ZohoCRM/crmapi' })).toContain(
      "{ params: { authtoken: config.zoho.token, scope: 'ZohoCRM/crmapi' } }",
    );
  });

  it('gives Zoho Reports its own key name and no scope', () => {
    const source = "const axios = require('axios');\naxios.get('https://reportsapi.zoho.com/api/owner/db/table', { params: { ZOHO_ACTION: 'EXPORT', ZOHO_API_KEY: k, ticket: t } });\n";
    expect(migrated(source)).toContain("{ params: { ZOHO_ACTION: 'EXPORT', authtoken: process.env.ZOHO_CRM_AUTHTOKEN } }");
  });

  it('keeps an existing scope and adds none', () => {
    const source = CRM + "axios.get(CRM + '/Leads/getRecords', { params: { scope: 'crmapi', apikey: k, ticket: t } });\n";
    expect(migrated(source)).toContain("{ params: { scope: 'crmapi', authtoken: process.env.ZOHO_CRM_AUTHTOKEN } }");
  });

  it('plans a defaults object and the call objects it is spread into as one request each', () => {
    const source = CRM + "const AUTH = { apikey: process.env.K };\naxios.get(CRM + '/Leads/getRecords', { params: { ...AUTH, ticket: t1 } });\naxios.get(CRM + '/Contacts/getRecords', { params: { ...AUTH, ticket: t2, newFormat: 1 } });\n";
    expect(migrated(source)).toBe(
      CRM +
        "const AUTH = { authtoken: process.env.ZOHO_CRM_AUTHTOKEN, scope: 'crmapi' };\naxios.get(CRM + '/Leads/getRecords', { params: { ...AUTH } });\naxios.get(CRM + '/Contacts/getRecords', { params: { ...AUTH, newFormat: 1 } });\n",
    );
  });

  it('keeps the layout of multi-line objects: lines, trailing commas and comments', () => {
    const source =
      CRM +
      "axios.get(CRM + '/Leads/getRecords', {\n  params: {\n    newFormat: 1,\n    apikey: key // the org key\n  }\n});\n" +
      "axios.get(CRM + '/Contacts/getRecords', {\n  params: {\n    scope: 'crmapi',\n    apikey: key, // the org key\n    // and the weekly ticket\n    ticket: t\n  }\n});\n" +
      "axios.get(CRM + '/Deals/getRecords', {\n  params: {\n    apikey: key,\n    ticket: t,\n  },\n});\n";
    expect(migrated(source)).toBe(
      CRM +
        "axios.get(CRM + '/Leads/getRecords', {\n  params: {\n    newFormat: 1,\n    authtoken: process.env.ZOHO_CRM_AUTHTOKEN, // the org key\n    scope: 'crmapi'\n  }\n});\n" +
        "axios.get(CRM + '/Contacts/getRecords', {\n  params: {\n    scope: 'crmapi',\n    authtoken: process.env.ZOHO_CRM_AUTHTOKEN // the org key\n    // and the weekly ticket\n  }\n});\n" +
        "axios.get(CRM + '/Deals/getRecords', {\n  params: {\n    authtoken: process.env.ZOHO_CRM_AUTHTOKEN,\n    scope: 'crmapi',\n  },\n});\n",
    );
  });

  it('adds the scope statement after the authtoken one, indented like it', () => {
    const source = CRM + "function f(k) {\n  const p = new URLSearchParams();\n  p.append('apikey', k);\n  return fetch(CRM + '/Leads/getRecords?' + p);\n}\n";
    expect(migrated(source)).toContain("  p.append('authtoken', process.env.ZOHO_CRM_AUTHTOKEN);\n  p.append('scope', 'crmapi');\n  return");
  });

  it('follows a helper that fills the parameters it is given', () => {
    const source = CRM + "function addAuth(p) {\n  p.apikey = process.env.K;\n  p.ticket = process.env.T;\n}\nfunction leads() {\n  const q = { newFormat: 1 };\n  addAuth(q);\n  return axios.get(CRM + '/Leads/getRecords', { params: q });\n}\n";
    expect(migrated(source)).toContain("  p.authtoken = process.env.ZOHO_CRM_AUTHTOKEN;\n  p.scope = 'crmapi';\n}");
  });
});
