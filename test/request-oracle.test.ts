import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { compareRuns } from './oracle/equivalence.js';
import { notExecutableReason } from './oracle/not-executable.js';
import { runModule } from './oracle/run-module.js';

const root = path.resolve(import.meta.dirname, '../fixtures/transforms');
const pairs = listFixturePairs(root).map((pair) => ({ ...pair, skip: notExecutableReason(pair.name) }));

/** A request left with its apikey/ticket is fine only where the analysis said why (an error finding that is not fixable) or was told to (a suppression). */
function isRefusalExplained(source: string, filePath: string): boolean {
  const analysis = analyzeSource(source, { filePath });
  return analysis.suppressed > 0 || analysis.findings.some((finding) => finding.severity === 'error' && !finding.fixable);
}

describe('request oracle: every fixture pair sends the same requests but for the credentials', () => {
  it('runs most pairs', () => {
    expect(pairs.filter((pair) => !pair.skip).length).toBeGreaterThan(100);
  });

  describe.each(pairs.filter((pair) => !pair.skip))('$name', (pair) => {
    it('sends the same requests, migrated', async () => {
      const input = readFileSync(pair.input, 'utf8');
      const output = readFileSync(pair.output, 'utf8');
      const before = await runModule(input, pair.filePath);
      const after = await runModule(output, pair.filePath);
      const differences = compareRuns(before, after, isRefusalExplained(input, pair.filePath));
      expect(differences).toEqual([]);
      if (input !== output) expect(before.requests.length, 'a rewritten pair makes requests the oracle can see').toBeGreaterThan(0);
    });
  });
});

describe('request oracle: it fails on every kind of wrong rewrite', () => {
  const input = `var request = require('request');
exports.leads = function (k, t, extra, done) {
  request.get('https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&apikey=' + k + '&ticket=' + t + extra, done);
};`;
  const rewrite = (body: string) => input.replace(/'https:[^,]*extra/, body);
  const TOKEN = 'process.env.ZOHO_CRM_AUTHTOKEN';
  const cases: Array<[string, string, string | undefined]> = [
    ['the right rewrite', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&authtoken=' + ${TOKEN} + '&scope=crmapi' + extra`, undefined],
    ['a lost parameter after the ticket', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&authtoken=' + ${TOKEN} + '&scope=crmapi'`, 'the query parameters other than the credentials changed'],
    ['a ticket kept beside the token', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&authtoken=' + ${TOKEN} + '&scope=crmapi&ticket=' + t + extra`, 'the output still sends apikey/ticket'],
    ['a changed parameter value', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=2&authtoken=' + ${TOKEN} + '&scope=crmapi' + extra`, 'the query parameters other than the credentials changed'],
    ['a missing scope', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&authtoken=' + ${TOKEN} + extra`, 'expected scope crmapi, got []'],
    ['the wrong token', `'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1&authtoken=' + k + '&scope=crmapi' + extra`, 'expected one authtoken=oracle-authtoken, got [["authtoken","<k>"]]'],
    ['another endpoint', `'https://crm.zoho.com/crm/private/xml/Leads/getRecords?newFormat=1&authtoken=' + ${TOKEN} + '&scope=crmapi' + extra`, 'client, method or endpoint changed'],
  ];
  it.each(cases)('%s', async (_, body, problem) => {
    const before = await runModule(input, 'case.js');
    const after = await runModule(rewrite(body), 'case.js');
    expect(before.requests).toHaveLength(1);
    expect(compareRuns(before, after, false).map((difference) => difference.problem)).toEqual(problem ? [problem] : []);
  });

  it('fails on an unrewritten legacy request that no finding explains, and on a lost request', async () => {
    const before = await runModule(input, 'case.js');
    expect(compareRuns(before, before, false).map((d) => d.problem)).toEqual(['a CRM request still sends legacy parameters and no finding says why']);
    expect(compareRuns(before, before, true)).toEqual([]);
    expect(compareRuns(before, { requests: [], errors: [] }, true).map((d) => d.problem)).toEqual(['the output does not send this request']);
  });
});
