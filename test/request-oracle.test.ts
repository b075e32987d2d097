import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { SHAPE_CLIENT_MODULES } from './oracle/clients/generic-client.js';
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

describe('request oracle: the generic stand-in, for a client a shape names and no stand-in knows', () => {
  // request-promise is in the request shape's clientModules and has no stand-in of its own.
  const input = `var rp = require('request-promise');
exports.leads = function (k, t) {
  return rp({ uri: 'https://crm.zoho.com/crm/private/json/Leads/getRecords?newFormat=1', qs: { apikey: k, ticket: t, fromIndex: 1 }, json: true }).then(function (body) { return body; });
};
exports.notes = function (k, t, done) {
  rp.get('https://crm.zoho.com/crm/private/json/Notes/getRecords?apikey=' + k + '&ticket=' + t + '&toIndex=5', done);
};`;
  const RIGHT = input
    .replace('qs: { apikey: k, ticket: t, fromIndex: 1 }', "qs: { authtoken: process.env.ZOHO_CRM_AUTHTOKEN, scope: 'crmapi', fromIndex: 1 }")
    .replace("?apikey=' + k + '&ticket=' + t + '&toIndex=5'", "?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=crmapi&toIndex=5'");
  const cases: Array<[string, string, string[]]> = [
    ['the right rewrite', RIGHT, []],
    ['a lost parameter in an option object', RIGHT.replace(", fromIndex: 1 }", ' }'), ['the query parameters other than the credentials changed']],
    ['a lost parameter in the URL', RIGHT.replace('&toIndex=5', ''), ['the query parameters other than the credentials changed']],
    ['a changed option', RIGHT.replace('json: true', 'json: false'), ['the query parameters other than the credentials changed']],
    ['a ticket kept beside the token', RIGHT.replace("fromIndex: 1 }", 'fromIndex: 1, ticket: t }'), ['the output still sends apikey/ticket']],
    ['another verb', RIGHT.replace('rp.get(', 'rp.post('), ['client, method or endpoint changed']],
  ];

  it('serves request-promise, which no dedicated stand-in knows', () => {
    expect(SHAPE_CLIENT_MODULES.has('request-promise')).toBe(true);
    expect(RIGHT).not.toMatch(/apikey|ticket:/);
  });

  it('records every value the call was given, in the order written, the URL query first', async () => {
    const [leads] = (await runModule(input, 'case.js')).requests;
    expect(leads!.query).toEqual([['newFormat', '1'], ['apikey', '<k>'], ['ticket', '<t>'], ['fromIndex', '1'], ['json', 'true']]);
  });

  it.each(cases)('%s', async (_, output, problems) => {
    const before = await runModule(input, 'case.js');
    const after = await runModule(output, 'case.js');
    expect(before.errors).toEqual([]);
    expect(before.requests.map((request) => `${request.client} ${request.method} ${request.endpoint}`)).toEqual([
      'request-promise GET https://crm.zoho.com/crm/private/json/Leads/getRecords',
      'request-promise.get GET https://crm.zoho.com/crm/private/json/Notes/getRecords',
    ]);
    expect(compareRuns(before, after, false).map((difference) => difference.problem)).toEqual(problems);
  });

  it('leaves a module that no shape names without a stand-in: the run reports it', async () => {
    const run = await runModule("var pad = require('left-pad');\nexports.f = function () { return pad('a', 2); };", 'case.js');
    expect(run.errors).toEqual(["oracle: no stand-in for require('left-pad')"]);
  });
});
