import { code, type Case } from './case.js';

/** Every look-alike the issue names, and the near misses found on the way: never flagged. */
export const LOOK_ALIKE_CASES: Case[] = [
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
