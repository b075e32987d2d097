import { describe, expect, it } from 'vitest';
import { migrateAndRemove } from './helpers/remove-project.js';

const SESSION = `var https = require('https');
var current = null;

function login(callback) {
  https.get('https://accounts.zoho.com/login?FROM_AGENT=true&LOGIN_ID=' + process.env.ZOHO_USER + '&PASSWORD=' + process.env.ZOHO_PASSWORD, function (res) {
    res.on('data', function (chunk) { current = /TICKET=(\\w+)/.exec(String(chunk))[1]; });
    res.on('end', function () { callback(null, current); });
  });
}

function getTicket(callback) {
  if (current) return callback(null, current);
  login(callback);
}

module.exports = { getTicket: getTicket };
`;

const LEADS = `var request = require('request');
var session = require('./session');

function listLeads(callback) {
  session.getTicket(function (err, ticket) {
    if (err) return callback(err);
    request.get('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + process.env.ZOHO_API_KEY + '&ticket=' + ticket, function (error, res, body) {
      callback(error, body);
    });
  });
}

module.exports = { listLeads: listLeads };
`;

describe('--remove-ticket-code across modules', () => {
  it('removes the session module once its last importer no longer calls it', () => {
    const result = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS });
    expect(result.get('lib/session.js')!.text).toBe('');
    expect(result.get('lib/leads.js')!.text).not.toMatch(/session/);
  });

  it('keeps getTicket and the login behind it while another module still uses the ticket', () => {
    const status = `var session = require('./session');\n\nfunction isLoggedIn(callback) {\n  session.getTicket(function (err, ticket) { callback(err, Boolean(ticket)); });\n}\n\nmodule.exports = { isLoggedIn: isLoggedIn };\n`;
    const result = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS, 'lib/status.js': status });
    expect(result.get('lib/session.js')!.text).toBe(SESSION);
    expect(result.get('lib/status.js')!.text).toBe(status);
    expect(result.get('lib/session.js')!.kept.map((kept) => kept.reason).join('\n')).toMatch(/getTicket is exported, and a module of the scanned tree imports it/);
    // The wrapper that only waited for the ticket goes all the same.
    expect(result.get('lib/leads.js')!.text).not.toMatch(/getTicket/);
  });

  it('keeps every export of a module an importer uses whole (passed on, spread, indexed)', () => {
    const opaque = `var session = require('./session');\nmodule.exports = function expose() { return session; };\n`;
    const result = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS, 'lib/expose.js': opaque });
    expect(result.get('lib/session.js')!.text).toBe(SESSION);
  });

  it('keeps what a file that does not parse may import', () => {
    const broken = `var session = require('./session');\nsession.getTicket(function (err, t) {\n`;
    const result = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS, 'lib/broken.js': broken });
    expect(result.get('lib/session.js')!.text).toBe(SESSION);
    expect(result.get('lib/broken.js')!.text).toBe(broken);
  });

  it('keeps a package entry point’s exports unless =exports', () => {
    const kept = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS }, 'on', ['lib/session.js']);
    expect(kept.get('lib/session.js')!.text).toBe(SESSION);
    const removed = migrateAndRemove({ 'lib/session.js': SESSION, 'lib/leads.js': LEADS }, 'exports', ['lib/session.js']);
    expect(removed.get('lib/session.js')!.text).toBe('');
  });

  it('follows ES modules: named imports and exported functions', () => {
    const session = SESSION.replace("var https = require('https');", "import https from 'https';").replace('function getTicket', 'export function getTicket').replace('module.exports = { getTicket: getTicket };\n', '');
    const leads = LEADS.replace("var request = require('request');\nvar session = require('./session');", "import request from 'request';\nimport { getTicket } from './session.js';").replace('session.getTicket', 'getTicket').replace('module.exports = { listLeads: listLeads };', 'export { listLeads };');
    const result = migrateAndRemove({ 'lib/session.js': session, 'lib/leads.js': leads });
    expect(result.get('lib/leads.js')!.text).not.toMatch(/getTicket/);
    expect(result.get('lib/session.js')!.text).toBe('');
  });
});
