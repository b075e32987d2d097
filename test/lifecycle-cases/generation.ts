import { code, GEN, REGEN, type Case } from './case.js';

/** Ticket generation (issue 4 §2, first bullet), each with the lines a reader deletes. */
export const GENERATION_CASES: Case[] = [
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
];
