import type { Node } from '@babel/types';
import { calleeName, memberPath, staticPropertyName } from '../ast/node-utils.js';
import { subtreeNodes } from '../ast/subtree.js';
import { enclosingNamedFunction } from './construct.js';
import { isWeeklyPeriod } from './durations.js';
import type { LifecycleContext, LifecycleHit } from './lifecycle-context.js';

const RELATIONAL = new Set(['<', '<=', '>', '>=']);
/**
 * A stored time: `issuedAt`, `ticketTime`, `obtained`, `expiresAt`, `loginDate`, and in camel case
 * `ticketExpires`, `ticketIssuedAt` (the words in any case; `_at`/`At` only as a suffix).
 */
const TIME_WORD = /issued|obtained|created|fetched|generated|login|expir|stamp|time|date/i;
const TIME_SUFFIX = /_at$|At$/;

function isTimeName(name: string | undefined): boolean {
  return name !== undefined && (TIME_WORD.test(name) || TIME_SUFFIX.test(name));
}

/** `Date.now()`, `new Date()`, `+new Date`, `new Date().getTime()`, `moment()`, `dayjs()`. */
function isNow(node: Node): boolean {
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name === 'Date' && node.arguments.length === 0;
  if (node.type !== 'CallExpression') return false;
  const name = calleeName(node);
  return name === 'Date.now' || name === 'performance.now' || ((name === 'moment' || name === 'dayjs') && node.arguments.length === 0);
}

const PART_TYPES = new Set(['Identifier', 'MemberExpression', 'BinaryExpression', 'NumericLiteral', 'CallExpression', 'NewExpression', 'StringLiteral']);

function descendants(node: Node): Node[] {
  return subtreeNodes(node).filter((part) => PART_TYPES.has(part.type));
}

function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return staticPropertyName(node.property, node.computed);
  if (node.type === 'StringLiteral') return node.value;
  return undefined;
}

/** The statement around a comparison (an `if`, a `return`), where its subject is named. */
function statementAround(node: Node, lifecycle: LifecycleContext): Node {
  for (const ancestor of lifecycle.core.index.ancestors(node)) {
    if (ancestor.type.endsWith('Statement') || ancestor.type === 'VariableDeclaration') return ancestor;
  }
  return node;
}

/** Does the code around speak of the ticket: `current.ticket`, `ticketIssuedAt`, inside `getTicket`? */
function isAboutTicket(node: Node, lifecycle: LifecycleContext): boolean {
  const statement = statementAround(node, lifecycle);
  const subject = statement.type === 'IfStatement' ? statement.test : statement;
  if (descendants(subject).some((part) => /ticket/i.test(nameOf(part) ?? ''))) return true;
  if (/ticket/i.test(enclosingNamedFunction(node, lifecycle.core.index)?.name ?? '')) return true;
  const assigned = lifecycle.core.index.parentOf(node);
  if (assigned?.type === 'AssignmentExpression' && /ticket/i.test(memberPath(assigned.left)?.join('.') ?? '')) return true;
  if (assigned?.type === 'VariableDeclarator' && assigned.id.type === 'Identifier' && /ticket/i.test(assigned.id.name)) return true;
  return false;
}

/**
 * Expiry checks against a stored issue time: `Date.now() - issuedAt < WEEK - HOUR`,
 * `now > ticketExpiresAt`, and the expiry computed when a ticket is stored
 * (`ticketExpiresAt = Date.now() + 7 * DAY`). A 7-day period or a ticket-named time, next to
 * the ticket itself: a check on a weekly report's last run is not one.
 */
export function findExpiryChecks(lifecycle: LifecycleContext): LifecycleHit[] {
  if (!lifecycle.isTicketContext) return [];
  const hits: LifecycleHit[] = [];
  for (const binary of lifecycle.core.index.ofType('BinaryExpression')) {
    const isComparison = RELATIONAL.has(binary.operator);
    const isExpiryTime = binary.operator === '+' && !isComparison;
    if (!isComparison && !isExpiryTime) continue;
    if (isExpiryTime && lifecycle.core.index.parentOf(binary)?.type === 'BinaryExpression') continue;
    const parts = descendants(binary);
    const hasNow = parts.some(isNow);
    const times = parts.filter((part) => isTimeName(nameOf(part)));
    if (!hasNow && times.length === 0) continue;
    const hasPeriod = parts.some((part) => part.type !== 'StringLiteral' && isWeeklyPeriod(part, lifecycle.core));
    const hasTicketTime = times.some((part) => /ticket/i.test(nameOf(part) ?? ''));
    if (isExpiryTime && !hasPeriod) continue;
    if ((hasPeriod || hasTicketTime) && isAboutTicket(binary, lifecycle)) hits.push({ ruleId: 'ticket-regeneration', messageId: 'expiry', anchor: binary });
  }
  return hits;
}
