import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

/**
 * Source text as written (`'\n'` stays two characters; only \` and \${ are unescaped), without the
 * first newline and the common indentation, so cases read as the files they stand for.
 */
function code(strings: TemplateStringsArray): string {
  const raw = strings.raw.join('').replace(/\\(`|\$\{)/g, '$1').replace(/^\n/, '');
  const indent = Math.min(...raw.split('\n').filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return raw
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

type Expected = [rule: 'ticket-generation' | 'ticket-regeneration', startLine: number, endLine: number];

interface Case {
  name: string;
  source: string;
  expected: Expected[];
  file?: string;
}

function lifecycleFindings(source: string, file = 'src/zoho/session.js'): Expected[] {
  return analyzeSource(source, { filePath: file })
    .findings.filter((finding) => finding.ruleId === 'ticket-generation' || finding.ruleId === 'ticket-regeneration')
    .map((finding) => [finding.ruleId as Expected[0], finding.line, finding.endLine]);
}

const GEN = 'ticket-generation' as const;
const REGEN = 'ticket-regeneration' as const;

/** Every bullet of issue 4 §2, each with the lines a reader deletes. */
const positives: Case[] = [
  {
    name: 'login URL in one string, GET with https, TICKET=/RESULT= parsed by regex and indexOf: the login function',
    source: code`
      var https = require('https');

      function login(user, password, callback) {
        https.get('https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=' + user + '&PASSWORD=' + password, function (res) {
          var body = '';
          res.on('data', function (chunk) { body += chunk; });
          res.on('end', function () {
            var match = /TICKET=(\w+)/.exec(body);
            callback(body.indexOf('RESULT=TRUE') === -1 ? new Error(body) : null, match && match[1]);
          });
        });
      }
    `,
    expected: [[GEN, 3, 12]],
  },
  {
    name: 'login URL in a template literal, axios, another data centre: the async arrow function',
    source: code`
      import axios from 'axios';

      export const getZohoTicket = async (user: string, password: string): Promise<string> => {
        const res = await axios.get(\`https://accounts.zoho.eu/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=\${user}&PASSWORD=\${password}\`);
        return res.data.split('\n').find((line: string) => line.startsWith('TICKET=')).slice(7);
      };
    `,
    file: 'src/session.ts',
    expected: [[GEN, 3, 6]],
  },
  {
    name: 'login URL concatenated from a constant: the constant and the function',
    source: code`
      const LOGIN_URL = 'https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true';

      function authenticate(user, password, cb) {
        request.get(LOGIN_URL + '&LOGIN_ID=' + encodeURIComponent(user) + '&PASSWORD=' + encodeURIComponent(password), cb);
      }
    `,
    expected: [
      [GEN, 1, 1],
      [GEN, 3, 5],
    ],
  },
  {
    name: 'POST with a form object (request): the function',
    source: code`
      const request = require('request');

      function fetchTicket(user, password, cb) {
        request.post({
          url: 'https://accounts.zoho.com/login',
          form: { LOGIN_ID: user, PASSWORD: password, FROM_AGENT: 'true', servicename: 'ZohoCRM' },
        }, cb);
      }
    `,
    expected: [[GEN, 3, 8]],
  },
  {
    name: 'POST with URLSearchParams.append and fetch: the function',
    source: code`
      export async function obtainTicket(user, password) {
        const body = new URLSearchParams();
        body.append('LOGIN_ID', user);
        body.append('PASSWORD', password);
        const res = await fetch('https://accounts.zoho.com/login', { method: 'POST', body });
        return res.text();
      }
    `,
    expected: [[GEN, 1, 7]],
  },
  {
    name: 'params object with qs.stringify, URL from elsewhere, inside a function that stays: the statement',
    source: code`
      import { ZOHO_LOGIN } from './config';

      export async function init(app) {
        app.ticket = parse(await axios.post(ZOHO_LOGIN, qs.stringify({ LOGIN_ID: USER, PASSWORD: PASS, FROM_AGENT: true })));
        app.listen(3000);
      }
    `,
    expected: [[GEN, 4, 4]],
  },
  {
    name: 'https.request options with host and path: the statement',
    source: code`
      function start() {
        const req = https.request({
          hostname: 'accounts.zoho.com',
          path: '/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=' + encodeURIComponent(user) + '&PASSWORD=' + encodeURIComponent(pw),
          method: 'POST',
        }, onAnswer);
        req.end();
      }
    `,
    expected: [[GEN, 2, 6]],
  },
  {
    name: "response parsed with split('\\n'), indexOf and substring, in its own function",
    source: code`
      // Zoho answers with KEY=value lines.
      function parseLoginAnswer(body) {
        var lines = body.split('\n');
        var ticket = null;
        for (var i = 0; i < lines.length; i++) {
          if (lines[i].indexOf('TICKET=') === 0) ticket = lines[i].substring('TICKET='.length);
          if (lines[i] === 'RESULT=FALSE') throw new Error(lines[i + 1]);
        }
        return ticket;
      }
    `,
    expected: [[GEN, 2, 10]],
  },
  {
    name: "response parsed key by key (split('='), key === 'TICKET') in a generic function: the statements",
    source: code`
      // Answer of accounts.zoho.com
      function readAnswer(text) {
        const fields = {};
        for (const line of text.split('\n')) {
          const [key, value] = line.split('=');
          if (key === 'TICKET') fields.ticket = value;
          if (key === 'CAUSE') fields.cause = value;
        }
        return fields;
      }
    `,
    expected: [[GEN, 6, 6]],
  },
  {
    name: 'response parsed with indexOf and slice: the statement',
    source: code`
      // zoho crm client
      function handle(body) {
        const at = body.indexOf('TICKET=') + 7;
        return body.slice(at, at + 32);
      }
    `,
    expected: [[GEN, 3, 3]],
  },
  {
    name: 'logout URL: the function',
    source: code`
      function logout(ticket) {
        return https.get('https://accounts.zoho.com/logout?FROM_AGENT=true&ticket=' + ticket);
      }
    `,
    expected: [[GEN, 1, 3]],
  },
  {
    name: 'getTicket wrapping login, and the module-level cache: all three',
    source: code`
      let cached = { ticket: null };

      function login(cb) {
        https.get(ZOHO_ACCOUNTS + '/login?FROM_AGENT=true&LOGIN_ID=' + USER + '&PASSWORD=' + PASS, cb);
      }

      function getTicket(cb) {
        if (cached.ticket) return cb(null, cached.ticket);
        login(cb);
      }
    `,
    expected: [
      [REGEN, 1, 1],
      [GEN, 3, 5],
      [GEN, 7, 10],
    ],
  },
  {
    name: 'setInterval calling a ticket function, 7 * 24 * 60 * 60 * 1000: the timer call',
    source: code`
      const { refreshTicket } = require('./zoho/session');

      setInterval(refreshTicket, 7 * 24 * 60 * 60 * 1000);
    `,
    expected: [[REGEN, 3, 3]],
  },
  {
    name: 'recursive setTimeout, 604800000 minus a margin: the scheduling function and its first call',
    source: code`
      const zoho = require('./zoho');

      function scheduleRenewal() {
        setTimeout(function () {
          zoho.renewTicket();
          scheduleRenewal();
        }, 604800000 - 3600000);
      }

      scheduleRenewal();
    `,
    expected: [
      [REGEN, 3, 8],
      [REGEN, 10, 10],
    ],
  },
  {
    name: 'recursive setTimeout on a local function inside a class: the timer statement',
    source: code`
      class ZohoClient {
        start() {
          const tick = () => {
            this.refreshTicket();
            this.timer = setTimeout(tick, 6 * 24 * 3600 * 1000);
          };
          tick();
          this.ready = true;
        }
      }
    `,
    file: 'src/zoho-client.ts',
    expected: [[REGEN, 5, 5]],
  },
  {
    name: 'node-cron schedule running a ticket function: the statement',
    source: code`
      const cron = require('node-cron');
      const zoho = require('./zoho');

      cron.schedule('0 3 * * 1', () => {
        zoho.refreshTicket();
      });
    `,
    expected: [[REGEN, 4, 6]],
  },
  {
    name: 'cron CronJob running getTicket: the statement',
    source: code`
      import { CronJob } from 'cron';
      import * as session from './lib/zoho/session';

      const job = new CronJob('0 0 * * 0', () => session.getTicket(() => {}), null, true);
    `,
    expected: [[REGEN, 4, 4]],
  },
  {
    name: 'expiry check against a stored issue time, 604800000 ms: the if statement',
    source: code`
      // zoho session store
      function check(store, done) {
        if (store.ticket && Date.now() - store.issuedAt > 604800000) {
          store.ticket = null;
        }
        done();
      }
    `,
    expected: [[REGEN, 3, 5]],
  },
  {
    name: 'expiry check, 7 * DAY: the if statement',
    source: code`
      // zoho
      const DAY = 24 * 60 * 60 * 1000;
      function check(state) {
        if (!state.ticket || Date.now() - state.since >= 7 * DAY) state.ticket = null;
        return state;
      }
    `,
    expected: [[REGEN, 4, 4]],
  },
  {
    name: 'expiry check, a WEEK constant (used nowhere else): the check and the constant',
    source: code`
      // zoho
      const WEEK = 7 * 24 * 3600 * 1000;
      function check(issued) {
        if (Date.now() - ticketIssuedAt > WEEK) ticketIssuedAt = 0;
        return issued;
      }
    `,
    expected: [
      [REGEN, 2, 2],
      [REGEN, 4, 4],
    ],
  },
  {
    name: 'expiry check, one week minus a safety margin in named constants: the check and the week',
    source: code`
      // zoho
      const ONE_WEEK_MS = 604800000;
      const SAFETY_MARGIN = 60 * 60 * 1000;
      function isUsable(session) {
        const usable = session.ticketTime + ONE_WEEK_MS - SAFETY_MARGIN > Date.now();
        return usable;
      }
    `,
    expected: [
      [REGEN, 2, 2],
      [REGEN, 5, 5],
    ],
  },
  {
    name: 'expiry check in seconds, 604800: the if statement',
    source: code`
      // zoho
      async function load(row) {
        if (nowSeconds() - row.ticket_issued > 604800) {
          return null;
        }
        return row;
      }
    `,
    expected: [[REGEN, 3, 5]],
  },
  {
    name: 'expiry time computed when the ticket is stored: the statement',
    source: code`
      // zoho
      function remember(t) {
        state.value = t;
        ticketExpiresAt = Date.now() + 7 * 24 * 60 * 60 * 1000;
      }
    `,
    expected: [[REGEN, 4, 4]],
  },
  {
    name: 'ticket caches: a Map, a file, a database row, a Redis key',
    source: code`
      // Zoho CRM session handling
      const ticketCache = new Map();
      const TICKET_FILE = path.join(__dirname, '.zoho-ticket');

      function save(ticket) {
        fs.writeFileSync(TICKET_FILE, ticket);
        db.query('UPDATE zoho_session SET ticket = ?, issued_at = ? WHERE id = 1', [ticket, Date.now()]);
        redis.set('zoho:ticket', ticket, 'EX', 604800);
        return ticket;
      }
    `,
    expected: [
      [REGEN, 2, 2],
      [REGEN, 3, 3],
      [REGEN, 6, 6],
      [REGEN, 7, 7],
      [REGEN, 8, 8],
    ],
  },
  {
    name: 'a module variable given the ticket later: the declaration',
    source: code`
      // zoho
      let cachedTicket;
      export async function refresh() {
        cachedTicket = await fetchTicket();
        return cachedTicket;
      }
    `,
    expected: [
      [REGEN, 2, 2],
      [REGEN, 3, 6],
    ],
  },
  {
    name: 'a class field holding the ticket: the field',
    source: code`
      export class ZohoApi {
        private ticket: string | null = null;
        constructor(private readonly base: string) {}
      }
    `,
    file: 'src/zoho-api.ts',
    expected: [[REGEN, 2, 2]],
  },
  {
    name: 'retry on error 4834 inside a request callback: the if statement, not the request',
    source: code`
      const CRM = 'https://crm.zoho.com/crm/private/xml';

      function listLeads(callback) {
        request.get(CRM + '/Leads/getRecords?authtoken=' + token, function (err, res, body) {
          if (body.indexOf('<code>4834</code>') !== -1) {
            return relogin(function () { listLeads(callback); });
          }
          callback(err, body);
        });
      }
    `,
    file: 'src/zoho/leads.js',
    expected: [[REGEN, 5, 7]],
  },
  {
    name: 'retry on "Invalid Ticket Id" in a catch block: the if statement',
    source: code`
      async function call(fn) {
        try {
          return await fn();
        } catch (err) {
          if (/Invalid Ticket Id/i.test(err.message)) {
            await session.refreshTicket();
            return fn();
          }
          throw err;
        }
      }
    `,
    file: 'src/crm.js',
    expected: [[REGEN, 5, 8]],
  },
  {
    name: 'retry on a named 4834 constant in a switch: the case and the constant',
    source: code`
      // zoho
      const INVALID_TICKET = 4834;
      function onError(code, retry) {
        switch (code) {
          case INVALID_TICKET:
            return login(retry);
          default:
            throw new Error(String(code));
        }
      }
    `,
    expected: [
      [REGEN, 2, 2],
      [REGEN, 5, 6],
    ],
  },
];

/** Every look-alike the issue names: never flagged. */
const negatives: Case[] = [
  {
    name: 'a weekly job that has nothing to do with tickets (in a Zoho file)',
    source: code`
      const cron = require('node-cron');
      const leads = require('./zoho/leads');
      const WEEK = 7 * 24 * 60 * 60 * 1000;

      setInterval(sendWeeklyReport, WEEK);
      cron.schedule('0 9 * * 1', () => leads.syncAll());
      if (Date.now() - lastReportAt > WEEK) sendWeeklyReport();
    `,
    expected: [],
  },
  {
    name: 'a browser redirect to the Zoho sign-in page',
    source: code`
      app.get('/login', (req, res) => {
        res.redirect('https://accounts.zoho.com/login?servicename=ZohoCRM&serviceurl=' + encodeURIComponent(req.query.back));
      });
      function signIn() {
        window.location.href = 'https://accounts.zoho.com/signin?servicename=ZohoCRM';
      }
    `,
    expected: [],
  },
  {
    name: 'Zoho Desk tickets: API, cache, weekly sync, age check',
    source: code`
      const DESK = 'https://desk.zoho.com/api/v1';
      const ticketCache = new Map();
      const WEEK = 7 * 24 * 60 * 60 * 1000;

      function getTicket(id) {
        return axios.get(DESK + '/tickets/' + id, { headers: { orgId: ORG } });
      }
      setInterval(() => getTicket(lastId), WEEK);
      for (const ticket of ticketCache.values()) {
        if (Date.now() - ticket.createdTime > WEEK) closeTicket(ticket.id);
      }
    `,
    expected: [],
  },
  {
    name: 'CAS single sign-on tickets',
    source: code`
      const ticketCache = new Map();
      function validate(req) {
        const ticket = /[?&]ticket=([^&]+)/.exec(req.url)[1];
        return axios.get('https://cas.example.edu/cas/serviceValidate?service=' + SERVICE + '&ticket=' + ticket);
      }
      setInterval(() => ticketCache.clear(), 7 * 24 * 60 * 60 * 1000);
    `,
    expected: [],
  },
  {
    name: 'OAuth refresh code on accounts.zoho.com',
    source: code`
      let accessToken = null;
      let tokenExpiresAt = 0;

      async function refreshAccessToken() {
        const res = await axios.post('https://accounts.zoho.com/oauth/v2/token?refresh_token=' + REFRESH + '&grant_type=refresh_token&client_id=' + ID);
        accessToken = res.data.access_token;
        tokenExpiresAt = Date.now() + res.data.expires_in * 1000;
      }
      setInterval(refreshAccessToken, 55 * 60 * 1000);
      if (Date.now() > tokenExpiresAt - 60000) refreshAccessToken();
    `,
    expected: [],
  },
  {
    name: 'creating the authtoken once, and reading AUTHTOKEN=',
    source: code`
      // Run once by hand: https://accounts.zoho.com/apiauthtoken/nb/create?SCOPE=ZohoCRM/crmapi&EMAIL_ID=me&PASSWORD=pw
      const token = /AUTHTOKEN=(\w+)/.exec(answer)[1];
    `,
    expected: [],
  },
  {
    name: 'event tickets and a login form of another site',
    source: code`
      const tickets = await events.buyTickets(order);
      setInterval(() => refreshTickets(order), 7 * 24 * 60 * 60 * 1000);
      await fetch('https://shop.example.com/login', { method: 'POST', body: JSON.stringify({ LOGIN_ID: user, PASSWORD: pw }) });
    `,
    expected: [],
  },
  {
    name: 'a request helper that asks for a ticket before each call (business code, even named refresh*)',
    source: code`
      // zoho
      function refreshLeads(cb) {
        session.getTicket(function (err, ticket) {
          request.get(BASE + '/Leads/getRecords?apikey=' + KEY + '&ticket=' + ticket, cb);
        });
      }
    `,
    expected: [],
  },
  {
    name: 'a ticket read from configuration, request defaults, a component prop: not caches',
    source: code`
      // zoho
      var ZOHO_TICKET = window.ZOHO_TICKET;
      const ZOHO_DEFAULTS = { apikey: process.env.ZOHO_API_KEY, ticket: process.env.ZOHO_TICKET, newFormat: 1 };
      export let ticket;
      export const url = CRM + '?ticket=' + ZOHO_TICKET;
    `,
    expected: [],
  },
  {
    name: 'query parameters set by name are not a ticket cache',
    source: code`
      // zoho
      function notesOf(ticket) {
        const url = new URL(NOTES_URL);
        url.searchParams.set('ticket', ticket);
        params.set('ticket', ticket);
        return url;
      }
    `,
    expected: [],
  },
  {
    name: 'a login at the top level whose callback does real work is not deleted',
    source: code`
      const session = require('./zoho/session');
      session.getTicket(function (err) {
        if (err) throw err;
        app.listen(3000);
      });
    `,
    expected: [],
  },
];

describe('ticket lifecycle rules (table)', () => {
  it.each(positives)('flags $name', ({ source, expected, file }) => {
    expect(lifecycleFindings(source, file)).toEqual(expected);
  });

  it.each(negatives)('does not flag $name', ({ source, file }) => {
    expect(lifecycleFindings(source, file)).toEqual([]);
  });

  it('covers every bullet of the issue', () => {
    expect(positives.length).toBeGreaterThanOrEqual(25);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
  });

  it('does not also report a TICKET= parse as an unprovable ticket parameter', () => {
    const source = positives.find((c) => c.name.startsWith("response parsed with split('\\n')"))!.source;
    const findings = analyzeSource(source, { filePath: 'src/zoho/session.js' }).findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['ticket-generation']);
  });

  it.each(positives)('migrate never deletes or rewrites it: $name', ({ source, file }) => {
    const result = migrateSource(source, { filePath: file ?? 'src/zoho/session.js' });
    expect(result.output).toBe(source);
    expect(result.remaining.filter((finding) => finding.ruleId.startsWith('ticket-')).length).toBeGreaterThan(0);
  });
});
