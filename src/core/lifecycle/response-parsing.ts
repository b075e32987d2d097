import type { Node } from '@babel/types';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';

/**
 * The ticket login answers with `KEY=value` lines (DESIGN §1):
 * GETUSERNAME=null / WARNING=null / PASS_EXPIRY=-1 / TICKET=<32 hex> / RESULT=TRUE (or CAUSE=...).
 * Uppercase on purpose: a lowercase `ticket=` is a query parameter (Zoho's own, or a CAS ticket).
 */
const TICKET_KEY = /(?:^|[^A-Za-z0-9_?&])TICKET[^A-Za-z0-9_&?]{0,6}=|^TICKET=/;
const RESULT_KEY = /(?:^|[^A-Za-z0-9_])(?:RESULT=(?:TRUE|FALSE)?|CAUSE=)/;
const TICKET_FIELD = 'TICKET';

function isUrlText(text: string): boolean {
  return /:\/\/|[?&]TICKET=/.test(text);
}

/**
 * Code that reads the login answer: a regular expression (`/TICKET=(\w+)/`), `indexOf`,
 * `split('\n')` and a `TICKET=` prefix, `substring`/`slice` past it, or a `key === 'TICKET'` test.
 * `TICKET=` is Zoho's when the file mentions Zoho or also checks `RESULT=`/`CAUSE=`; those two
 * alone count only beside a ticket login or a `TICKET=` parse.
 */
export function findResponseParsing(lifecycle: LifecycleContext): LifecycleHit[] {
  const context = lifecycle.core;
  const { index } = context;
  const tickets: Node[] = [];
  const results: Node[] = [];
  const fields: Node[] = [];

  for (const regex of index.ofType('RegExpLiteral')) {
    if (TICKET_KEY.test(regex.pattern)) tickets.push(regex);
    else if (RESULT_KEY.test(regex.pattern)) results.push(regex);
  }
  for (const { root, text } of lifecycle.strings()) {
    if (isUrlText(text)) continue;
    if (TICKET_KEY.test(text)) tickets.push(root);
    else if (RESULT_KEY.test(text)) results.push(root);
  }
  // `key === 'TICKET'`, `case 'TICKET':` after splitting lines on '='. A `cfg.TICKET` read is not parsing.
  for (const binary of index.ofType('BinaryExpression')) {
    if (!['===', '==', '!==', '!='].includes(binary.operator)) continue;
    if ([binary.left, binary.right].some((side) => side.type === 'StringLiteral' && side.value === TICKET_FIELD)) fields.push(binary);
  }
  for (const switchCase of index.ofType('SwitchCase')) {
    if (switchCase.test?.type === 'StringLiteral' && switchCase.test.value === TICKET_FIELD) fields.push(switchCase.test);
  }

  const isTicketParse = (tickets.length > 0 || fields.length > 0) && (context.mentionsZoho || results.length > 0 || lifecycle.hasTicketCode);
  if (!isTicketParse) return [];
  return [...tickets, ...fields, ...results].map((anchor) => ({ ruleId: 'ticket-generation', messageId: 'response', anchor }));
}
