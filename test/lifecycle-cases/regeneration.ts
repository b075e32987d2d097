import { code, REGEN, type Case } from './case.js';

/** Ticket regeneration (issue 4 §2, second bullet), each with the lines a reader deletes. */
export const REGENERATION_CASES: Case[] = [
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
    name: 'recursive setTimeout on a local function inside a class: the refresh call and the timer statement',
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
    expected: [
      [REGEN, 4, 4],
      [REGEN, 5, 5],
    ],
  },
  {
    name: 'a refresh at startup inside a callback, and an await of it before an API call: each call statement',
    source: code`
      // zoho
      app.listen(3000, function () {
        console.log('listening');
        refreshTicket();
        setInterval(refreshTicket, WEEK_MS);
      });
      async function leads() {
        await refreshTicket();
        return fetch('https://crm.zoho.com/crm/private/json/Leads/getRecords?fromIndex=1');
      }
    `,
    expected: [
      [REGEN, 4, 4],
      [REGEN, 5, 5],
      [REGEN, 8, 8],
    ],
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
    name: 'expiry check on a camelCase field of a client class (this.ticketExpires): the if statement',
    source: code`
      export class ZohoClient {
        async getLeads(): Promise<Response> {
          if (!this.ticket || Date.now() > this.ticketExpires) await this.refreshTicket();
          return fetch('https://crm.zoho.com/crm/private/json/Leads/getRecords?fromIndex=1');
        }
      }
    `,
    expected: [[REGEN, 3, 3]],
    file: 'src/zoho/client.ts',
  },
  {
    name: 'a retry that clears a cached ticket inside an API call: the retry only, never the API call around it',
    source: code`
      // zoho
      const request = require('request');
      function leads(cb) {
        request.get({ url: 'https://crm.zoho.com/crm/private/json/Leads/getRecords', qs: { authtoken: TOKEN, scope: 'crmapi' } }, (e, r, body) => {
          if (body && body.indexOf('4834') !== -1) { redis.del('zoho:ticket'); return leads(cb); }
          cb(e, body);
        });
      }
    `,
    expected: [[REGEN, 5, 5]],
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
