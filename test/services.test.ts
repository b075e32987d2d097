import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';
import { classifyRequestText } from '../src/core/zoho/endpoint.js';
import { ConfigError } from '../src/config/errors.js';
import { parseConfig } from '../src/config/parse-config.js';
import { ZOHO_SERVICES } from '../src/core/zoho/services.js';

const label = (text: string, services = ZOHO_SERVICES) => {
  const endpoint = classifyRequestText(text, services);
  return !endpoint ? 'none' : endpoint.kind === 'service' ? `service:${endpoint.service.id}` : endpoint.kind;
};

describe('the service table: host and path pick the service and its scope', () => {
  it.each([
    ['https://support.zoho.com/api/json/requests/getrecords', 'service:support'],
    ['https://support.zoho.eu/api/xml/requests/getrecords', 'service:support'],
    ['http://creator.zoho.com/api/xml/read/apikey=K&ticket=T', 'service:creator'],
    ['https://creator.zoho.com/api/json/app/view/Report', 'service:creator'],
    ['https://invoice.zoho.com/api/view/invoices', 'service:invoice'],
    ['https://reportsapi.zoho.com/api/me@example.com/DB/Table', 'service:reports'],
    ['https://recruit.zoho.in/ats/private/xml/Candidates/getRecords', 'service:recruit'],
    ['https://support.zoho.com/home', 'unknown-zoho'],
    ['https://desk.zoho.com/api/v1/tickets', 'modern'],
    ['https://www.zohoapis.com/crm/v2/Leads', 'modern'],
    ['https://books.zoho.com/api/v3/invoices', 'unknown-zoho'],
  ])('%s is %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('uses --scope for CRM only; every other service keeps its own scope', () => {
    const source = `const a = 'https://recruit.zoho.com/ats/private/json/Candidates/getRecords?apikey=' + k + '&ticket=' + t;\n` +
      `const b = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n`;
    const output = migrateSource(source, { filePath: 'a.js', scope: 'ZohoCRM/crmapi' }).output;
    expect(output).toContain("+ '&scope=recruitapi'");
    expect(output).toContain("+ '&scope=ZohoCRM/crmapi'");
  });

  it('reports a Zoho host the table does not know as non-fixable, never with the CRM scope', () => {
    const source = `fetch('https://projects.zoho.com/portal/acme/api/private/json/tasks?apikey=' + k + '&ticket=' + t);\n`;
    const [finding] = analyzeSource(source, { filePath: 'a.js' }).findings;
    expect(finding).toMatchObject({ ruleId: 'legacy-auth-params', severity: 'error', fixable: false });
    expect(finding!.message).toContain('projects.zoho.com is not a Zoho API of the apikey/ticket era this tool knows');
    expect(finding!.message).not.toContain('crmapi');
  });

  it('rewrites path-style parameters only for Creator, which took them that way', () => {
    const source = `const u = 'https://crm.zoho.com/crm/private/json/Leads/getRecords/apikey=' + k + '&ticket=' + t;\n`;
    const [finding] = analyzeSource(source, { filePath: 'a.js' }).findings;
    expect(finding).toMatchObject({ ruleId: 'legacy-auth-params', fixable: false });
    expect(finding!.message).toContain('written in the URL path, which CRM never accepted');
  });

  it('leaves an Invoice request alone once it has its token: the apikey stays there', () => {
    const source = "const u = 'https://invoice.zoho.com/api/invoices/?authtoken=' + token + '&scope=invoiceapi&apikey=' + apikey;\n";
    expect(analyzeSource(source, { filePath: 'a.js' }).findings).toEqual([]);
  });
});

describe('the service table of the configuration (the one validator: the config schema)', () => {
  const tableOf = (services: unknown) => parseConfig({ services }).services!;

  it('changes a built-in service by id and adds a new one', () => {
    const services = tableOf([
      { id: 'support', scope: 'ZohoSupport/supportapi' },
      { id: 'projects', name: 'Projects', hostLabels: ['projects'], apiPath: '^/portal/[^/]+/api/private/', scope: 'projectsapi', apiKeyParams: ['apikey'], ticketParams: ['ticket'] },
    ]);
    expect(services.find((service) => service.id === 'support')!.scope).toBe('ZohoSupport/supportapi');
    expect(services).toHaveLength(ZOHO_SERVICES.length + 1);
    const source = `fetch('https://projects.zoho.com/portal/acme/api/private/json/tasks?apikey=' + k + '&ticket=' + t);\n`;
    const output = migrateSource(source, { filePath: 'a.js', services }).output;
    expect(output).toBe("fetch('https://projects.zoho.com/portal/acme/api/private/json/tasks?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=projectsapi');\n");
    // The built-in table is untouched.
    expect(ZOHO_SERVICES.find((service) => service.id === 'support')!.scope).toBe('supportapi');
  });

  it('lets a service take its legacy parameters in the path (hasPathStyleParams)', () => {
    const entry = { id: 'sheet', name: 'Sheet', hostLabels: ['sheet'], apiPath: '^/api/', scope: 'sheetapi', apiKeyParams: ['apikey'], ticketParams: ['ticket'] };
    const source = `fetch('https://sheet.zoho.com/api/xml/read/apikey=' + k + '&ticket=' + t);\n`;
    const rewrite = (services: unknown) => migrateSource(source, { filePath: 'a.js', services: tableOf(services) }).output;
    expect(rewrite([{ ...entry, hasPathStyleParams: true }])).toBe("fetch('https://sheet.zoho.com/api/xml/read?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=sheetapi');\n");
    expect(rewrite([entry])).toBe(source);
  });

  it.each([
    [[{ id: 'crm', scope: 'crm api' }], /services\[0\]\.scope: the scope "crm api" must be/],
    [[{ id: 'crm', colour: 'red' }], /services\[0\]\.colour: unknown key/],
    [[{ id: 'crm', apiPath: '/crm/' }], /services\[0\]\.apiPath: expected a regular expression anchored at the start/],
    [[{ id: 'crm', apiPath: '^/crm/(' }], /services\[0\]\.apiPath: not a valid regular expression/],
    [[{ id: 'crm', apiKeyParams: ['api_key'] }], /services\[0\]\.apiKeyParams\[0\]: expected one of "apikey", "ZOHO_API_KEY"/],
    [[{ id: 'crm', hostLabels: ['crm.zoho.com'] }], /services\[0\]\.hostLabels\[0\]: expected a host label/],
    [[{ id: 'crm', hasPathStyleParams: 'yes' }], /services\[0\]\.hasPathStyleParams: expected/],
    [[{ id: 'projects', scope: 'projectsapi' }], /services\[0\]: "projects" is not a built-in service \(.*\), so it needs name, hostLabels, apiPath, apiKeyParams, ticketParams$/],
    [[{ id: 'crm' }, { id: 'crm' }], /services\[1\]: id: "crm" appears twice/],
    [[{ id: 'CRM!' }], /services\[0\]\.id: expected a lower-case id/],
  ])('rejects %j with a one-line problem naming the field', (services, problem) => {
    expect(() => parseConfig({ services })).toThrow(ConfigError);
    expect(() => parseConfig({ services })).toThrow(problem);
  });
});
