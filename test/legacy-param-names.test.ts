import { describe, expect, it } from 'vitest';
import { hasApiKeyAndTicket, legacyParamNames, namesAlternation, perServiceTable } from '../src/core/zoho/legacy-param-names.js';
import { ZOHO_SERVICES } from '../src/core/zoho/services.js';

describe('the legacy parameter names come from the service table', () => {
  it('are apikey, ticket and ZOHO_API_KEY for the built-in table, each once', () => {
    expect(legacyParamNames()).toEqual({ apiKey: ['apikey', 'ZOHO_API_KEY'], ticket: ['ticket'], all: ['apikey', 'ticket', 'ZOHO_API_KEY'] });
  });

  it('follow a configured table: a service that drops its apikey drops the name when no other service has it', () => {
    const services = ZOHO_SERVICES.map((service) => ({ ...service, apiKeyParams: service.id === 'reports' ? service.apiKeyParams : [] }));
    expect(legacyParamNames(services).all).toEqual(['ticket', 'ZOHO_API_KEY']);
  });

  it('tell a pair of an API key and a ticket, in any case, from either alone', () => {
    expect(hasApiKeyAndTicket(['APIKEY', 'Ticket'])).toBe(true);
    expect(hasApiKeyAndTicket(['zoho_api_key', 'ticket', 'newFormat'])).toBe(true);
    expect(hasApiKeyAndTicket(['ticket', 'ticket'])).toBe(false);
    expect(hasApiKeyAndTicket(['apikey', 'authtoken'])).toBe(false);
    const noReports = ZOHO_SERVICES.filter((service) => service.id !== 'reports');
    expect(hasApiKeyAndTicket(['ZOHO_API_KEY', 'ticket'], noReports)).toBe(false);
  });

  it('make an alternation that matches the names only, and nothing when there are none', () => {
    const names = new RegExp(`^(?:${namesAlternation(['apikey', 'a.b'])})$`);
    expect(['apikey', 'a.b'].map((name) => names.test(name))).toEqual([true, true]);
    expect(names.test('axb')).toBe(false);
    expect(new RegExp(namesAlternation([])).test('')).toBe(false);
  });

  it('build a value once per table', () => {
    let builds = 0;
    const pattern = perServiceTable(({ all }) => (builds++, new RegExp(namesAlternation(all))));
    expect(pattern()).toBe(pattern(ZOHO_SERVICES));
    expect(builds).toBe(1);
  });
});
