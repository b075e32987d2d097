import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HTTP_CLIENT_GLOBALS, HTTP_CLIENTS } from '../src/core/removal/side-effects.js';
import { REQUEST_SHAPES } from '../src/core/shapes/index.js';
import { migrateAndRemove } from './helpers/remove-project.js';

// The removal's client list is derived from the request shapes; this pins that it cannot drift
// back into a list of its own that misses a client the shapes learn.
describe('the ticket removal knows every HTTP client the request shapes know', () => {
  const declared = REQUEST_SHAPES.flatMap((shape) => (shape.clientModules ?? []).map((specifier) => ({ shape: shape.id, specifier })));

  it('has clients declared by the shapes', () => {
    expect(declared.length).toBeGreaterThan(0);
  });

  it.each(declared)('$shape: $specifier', ({ specifier }) => {
    expect(HTTP_CLIENTS.has(specifier)).toBe(true);
    if (isBuiltin(specifier)) expect(HTTP_CLIENTS.has(specifier.startsWith('node:') ? specifier : `node:${specifier}`)).toBe(true);
  });

  it('holds nothing no shape declares, save the node: form of a built-in', () => {
    const specifiers = new Set(declared.map(({ specifier }) => specifier));
    for (const client of HTTP_CLIENTS) expect(specifiers.has(client) || (client.startsWith('node:') && specifiers.has(client.slice('node:'.length))), client).toBe(true);
  });

  it('covers the clients the old hand-kept list had, and the ones it missed', () => {
    for (const client of ['http', 'https', 'node:http', 'node:https', 'request', 'axios', 'superagent', 'got', 'node-fetch', 'needle', 'restler']) expect(HTTP_CLIENTS.has(client), client).toBe(true);
    for (const client of ['request-promise', 'cross-fetch', 'undici', 'jquery']) expect(HTTP_CLIENTS.has(client), client).toBe(true);
  });

  it('does not count a query-string builder as a client: it sends nothing', () => {
    for (const builder of ['qs', 'querystring', 'query-string']) expect(HTTP_CLIENTS.has(builder), builder).toBe(false);
  });
});

describe('the ticket removal knows every global client the request shapes call', () => {
  const declared = REQUEST_SHAPES.flatMap((shape) => (shape.clientGlobals ?? []).map((name) => ({ shape: shape.id, name })));

  it('is exactly the globals the shapes declare', () => {
    expect([...HTTP_CLIENT_GLOBALS].sort()).toEqual([...new Set(declared.map(({ name }) => name))].sort());
  });

  it('covers the globals the old hand-kept checks had, and the ones they missed', () => {
    for (const name of ['fetch', 'XMLHttpRequest', '$', 'jQuery']) expect(HTTP_CLIENT_GLOBALS.has(name), name).toBe(true);
    for (const name of ['superagent', 'axios']) expect(HTTP_CLIENT_GLOBALS.has(name), name).toBe(true);
  });

  it('does not count a query-string builder or a URL container as a client', () => {
    for (const name of ['URLSearchParams', 'querystring', 'Ajax']) expect(HTTP_CLIENT_GLOBALS.has(name), name).toBe(false);
  });

  const login = (send: string, extra = '') => [
    'var cache = { ticket: null };',
    'function login(callback) {',
    "  var url = 'https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=' + process.env.ZOHO_USER + '&PASSWORD=' + process.env.ZOHO_PASSWORD;",
    `  ${send}(url).end(function (err, res) { cache.ticket = /TICKET=(\\w+)/.exec(res.text)[1]; callback(null, cache.ticket); });`,
    '}',
    'function getTicket(callback) {',
    extra,
    '  if (cache.ticket) return callback(null, cache.ticket);',
    '  login(callback);',
    '}',
    'function listLeads(callback) {',
    '  getTicket(function (err, ticket) {',
    "    superagent.get('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + process.env.ZOHO_API_KEY + '&ticket=' + ticket).end(callback);",
    '  });',
    '}',
    'module.exports = { listLeads: listLeads };',
    '',
  ].join('\n');

  it('removes a ticket login sent with the global superagent (a browser build, no require)', () => {
    const result = migrateAndRemove({ 'leads.js': login('superagent.get') }).get('leads.js')!;
    expect(result.removed.length).toBeGreaterThan(0);
    expect(result.text).not.toContain('accounts.zoho.com');
    expect(result.text).toContain("superagent.get('https://crm.zoho.com/crm/private/json/Leads/getRecords?authtoken=");
  });

  it('keeps the ticket code when the global superagent also sends another request from it', () => {
    const result = migrateAndRemove({ 'leads.js': login('superagent.get', "  superagent.post('https://status.example.com/ticket-used').end(function () {});") }).get('leads.js')!;
    expect(result.removed).toEqual([]);
    expect(result.text).toBe(result.migrated);
  });
});
