import type { Node } from '@babel/types';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';

/** Zoho's answer to a request with an expired ticket: code 4834, "Invalid Ticket Id" (DESIGN §1). */
const INVALID_TICKET = /invalid\s*ticket\s*id/i;
const EXPIRED_CODE = /(?:^|\D)4834(?:\D|$)/;

/** Is this the expired-ticket code, spelled as a number, a string or a constant (`INVALID_TICKET`)? */
export function isExpiredTicketCode(node: Node, lifecycle: LifecycleContext): boolean {
  const value = lifecycle.core.evaluator.evaluate(node);
  return value === 4834 || value === '4834';
}

/** `code === 4834`, `case INVALID_TICKET:`, `[4834, 4500].includes(code)`. */
function codeTests(lifecycle: LifecycleContext): Node[] {
  const { index } = lifecycle.core;
  const found: Node[] = [];
  for (const binary of index.ofType('BinaryExpression')) {
    if (!['===', '==', '!==', '!='].includes(binary.operator) || binary.left.type === 'PrivateName') continue;
    if (isExpiredTicketCode(binary.left, lifecycle) || isExpiredTicketCode(binary.right, lifecycle)) found.push(binary);
  }
  for (const switchCase of index.ofType('SwitchCase')) if (switchCase.test && isExpiredTicketCode(switchCase.test, lifecycle)) found.push(switchCase.test);
  for (const array of index.ofType('ArrayExpression')) {
    if (array.elements.some((element) => element && element.type !== 'SpreadElement' && isExpiredTicketCode(element, lifecycle))) found.push(array);
  }
  return found;
}

/** The branch that handles it: the `if` or `case` testing for the error, else the expression itself. */
function handlerOf(node: Node, lifecycle: LifecycleContext): Node {
  let previous = node;
  for (const ancestor of lifecycle.core.index.ancestors(node)) {
    if ((ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression') && ancestor.test === previous) return ancestor;
    if (ancestor.type === 'SwitchCase' && ancestor.test === previous) return ancestor;
    if (ancestor.type.endsWith('Statement') || ancestor.type.endsWith('Function') || ancestor.type === 'ArrowFunctionExpression') return node;
    previous = ancestor;
  }
  return node;
}

/**
 * Retries on an expired ticket: a test for "Invalid Ticket Id" (Zoho's own words, proof on their
 * own) or for error 4834 (in a file about Zoho tickets), and the branch that logs in again.
 */
export function findRetries(lifecycle: LifecycleContext): LifecycleHit[] {
  const { index } = lifecycle.core;
  const evidence: Node[] = [];
  const codes: Node[] = [];
  for (const regex of index.ofType('RegExpLiteral')) {
    if (INVALID_TICKET.test(regex.pattern)) evidence.push(regex);
    else if (EXPIRED_CODE.test(regex.pattern)) codes.push(regex);
  }
  for (const { root, text } of lifecycle.strings()) {
    if (INVALID_TICKET.test(text)) evidence.push(root);
    else if (EXPIRED_CODE.test(text) && text.length < 40) codes.push(root);
  }
  // Error 4834 is Zoho's expired ticket in a file about Zoho tickets (one that says "Invalid Ticket Id" is).
  if (lifecycle.isTicketContext || evidence.length > 0) evidence.push(...codes, ...codeTests(lifecycle));
  return evidence.map((node) => ({ ruleId: 'ticket-regeneration', messageId: 'retry', anchor: handlerOf(node, lifecycle) }));
}
