import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { namesLegacyZohoApi } from '../src/core/zoho/legacy-api-text.js';
import { ZOHO_SERVICES, type ZohoService } from '../src/core/zoho/services.js';

// The pattern object-requests.ts hard-coded before it was derived from the table.
const HARD_CODED = /\b(crm|recruit|support|creator|invoice|reportsapi)\.zoho\.|\/(crm|ats)\/private\//i;

const PEOPLE: ZohoService = { id: 'people', name: 'People', hostLabels: ['people'], apiPath: /^\/people\/private\/(xml|json)(\/|$)/i, scope: 'peopleapi', apiKeyParams: ['apikey'], ticketParams: ['ticket'] };

describe('namesLegacyZohoApi: a legacy Zoho API named in the text, from the resolved services', () => {
  const samples = [
    "const CRM = 'https://crm.zoho.com/crm/private/json';",
    "fetch('http://recruit.zoho.eu/ats/private/xml/Candidates/getRecords')",
    "const base = 'https://reportsapi.zoho.com/api/';",
    "proxy('/crm/private/json/Leads/getRecords')",
    "proxy('/ats/private/xml/JobOpenings')",
    "const DESK = 'https://desk.zoho.com/api/v1/tickets';",
    "const EVENTS = 'https://api.events.example.com/ticket';",
    "support.zoho.com and creator.zoho.com and invoice.zoho.in",
  ];

  it.each(samples)('agrees with the old hard-coded pattern for the built-in table: %s', (text) => {
    expect(namesLegacyZohoApi(text, ZOHO_SERVICES)).toBe(HARD_CODED.test(text));
  });

  it('counts a service added in configuration, by host and by private path', () => {
    const services = [...ZOHO_SERVICES, PEOPLE];
    expect(namesLegacyZohoApi("const P = 'https://people.zoho.com/';", services)).toBe(true);
    expect(namesLegacyZohoApi("proxy('/people/private/json/forms')", services)).toBe(true);
    expect(namesLegacyZohoApi("const P = 'https://people.zoho.com/';", ZOHO_SERVICES)).toBe(false);
  });

  it('raises a lone ticket key to a finding in a file that names the configured service', () => {
    const source = "const URL = 'https://people.zoho.com/people/private/json/forms';\nsend(other, { ticket: t });\n";
    const without = analyzeSource(source, { filePath: 'a.js' }).findings.filter((finding) => finding.ruleId === 'legacy-auth-params');
    const withPeople = analyzeSource(source, { filePath: 'a.js', services: [...ZOHO_SERVICES, PEOPLE] }).findings.filter((finding) => finding.ruleId === 'legacy-auth-params');
    expect(without).toEqual([]);
    expect(withPeople.length).toBeGreaterThan(0);
  });
});
