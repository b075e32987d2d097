import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import type { ModuleResolver } from '../src/core/scope/evaluate.js';

// The project index (another module) answers through the Evaluator; a stub stands in for it here.
const resolver: ModuleResolver = {
  resolveExport(_from, specifier, exportName) {
    if (specifier !== './config') return undefined;
    const config = { CRM_URL: 'https://crm.zoho.com/crm/private/json', zohoAuth: { apikey: 'k', ticket: 't' } };
    return exportName === '*' || exportName === 'default' ? config : config[exportName as keyof typeof config];
  },
};

describe('object requests and constants of other modules', () => {
  it('proves an object Zoho through a base URL imported from another module', () => {
    const source = "import axios from 'axios';\nimport { CRM_URL } from './config';\naxios.get(CRM_URL + '/Leads/getRecords', { params: { apikey: k, ticket: t } });\n";
    const findings = analyzeSource(source, { filePath: 'leads.js', moduleResolver: resolver }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.fixable])).toEqual([['legacy-auth-params', true]]);
    expect(analyzeSource(source, { filePath: 'leads.js' }).findings.every((finding) => !finding.fixable)).toBe(true);
  });

  it('leaves an object whose apikey and ticket are spread in from another module to a human', () => {
    const source = "import axios from 'axios';\nimport config from './config';\naxios.get(config.CRM_URL + '/Leads/getRecords', { params: { ...config.zohoAuth, newFormat: 1 } });\n";
    expect(source).not.toMatch(/apikey|ticket/);
    const findings = analyzeSource(source, { filePath: 'leads.js', moduleResolver: resolver }).findings;
    expect(findings.map((finding) => finding.message)).toEqual([
      'Zoho CRM request sends apikey and ticket, but the parameters come from a constant defined in another module; rewrite it by hand',
    ]);
  });
});
