import type { RuleMessage } from '../../rules.js';
import { accountsPageIn } from '../../zoho/services.js';
import { calleeText, descendants, isWithin, namedChildren, textOf } from './grammar.js';
import type { ParsedContext } from './parsed-context.js';
import type { SyntaxNode } from './syntax-tree.js';

/**
 * The ticket machinery of PHP, Python and Ruby code, flagged for deletion with the range of the
 * whole construct (DESIGN §4): the login to accounts.zoho.* and the functions that wrap it, the
 * logout, parsing of the `TICKET=` answer, and, in a file that has such code, 7-day expiry
 * periods and checks, ticket caches and retries on error 4834. A help-desk ticket (Zoho Desk,
 * Zendesk, CAS, QuickBase) never logs in to accounts.zoho.*, so it never opens this door.
 */

const LOGIN_KEYS = /^(LOGIN_ID|PASSWORD|FROM_AGENT)$/;
const TICKET_ANSWER = /\bTICKET=|\bRESULT=(TRUE|FALSE)\b/;
const SEVEN_DAYS = new Set([604800, 604800000, 168]);
const WEEK_TEXT = /^['"]\+\s*(7\s*days?|1\s*week)['"]$/i;
const INVALID_TICKET = /\b4834\b|Invalid Ticket Id/i;
const CACHE_CALLS = /(^|[.>:])(file_put_contents|file_get_contents|fopen|fwrite|file|unserialize|open|write|read|set|get|setex|add|query|execute|exec|prepare|update_option|get_option|set_transient|get_transient|variable_set|variable_get|Rails\.cache\.(read|write|fetch)|File\.(write|read|open)|YAML\.load_file|pickle\.(dump|load)|json\.(dump|load))$/i;

const FUNCTION_TYPES = new Set(['function_definition', 'method_declaration', 'method', 'singleton_method']);
const BLOCK_TYPES = new Set(['program', 'compound_statement', 'declaration_list', 'module', 'block', 'body_statement', 'then', 'else', 'do', 'begin', 'method', 'singleton_method', 'class', 'do_block', 'block_body', 'class_definition', 'else_clause', 'elif_clause']);
const IF_TYPES = new Set(['if_statement', 'if', 'unless', 'if_modifier', 'unless_modifier', 'conditional_expression', 'conditional']);

interface Flag {
  node: SyntaxNode;
  draft: RuleMessage;
}

export function reportTicketCode(context: ParsedContext): void {
  const { text, tree } = context;
  const flags: Flag[] = [];
  const isFlagged = (node: SyntaxNode) => flags.some((flag) => isWithin(node, flag.node));
  const wrappers = new Set<string>();
  const generation = (node: SyntaxNode, messageId: 'login' | 'logout' | 'response') => {
    const fn = enclosingFunction(node);
    if (fn) {
      if (isFlagged(fn)) return;
      const name = functionName(fn, text);
      // Whoever calls the login wrapper is after a ticket; a logout or an answer parser is not that.
      const isLogin = messageId === 'login' && name !== undefined;
      if (isLogin) wrappers.add(name);
      flags.push({ node: fn, draft: { ruleId: 'ticket-generation', messageId: isLogin ? 'wrapper' : messageId, data: { name: name ?? '' } } });
      return;
    }
    const statement = enclosingStatement(node);
    if (!isFlagged(statement)) flags.push({ node: statement, draft: { ruleId: 'ticket-generation', messageId } });
  };

  const all = [...descendants(tree)];
  for (const node of all) {
    if (isStringLike(node, context)) {
      const page = accountsPageIn(context.values.evaluate(node));
      if (page) generation(node, page);
      else if (TICKET_ANSWER.test(textOf(node, text))) generation(node, 'response');
    } else if (context.grammar.mapTypes.has(node.type)) {
      const keys = namedChildren(node).map((pair) => pair.fields.get('key') ?? namedChildren(pair)[0]).filter((key): key is SyntaxNode => key !== undefined);
      const names = keys.map((key) => textOf(key, text).replace(/^[:'"]|['":]$/g, ''));
      if (names.filter((name) => LOGIN_KEYS.test(name)).length >= 2) generation(node, 'login');
    }
  }
  if (flags.length === 0) return;

  // Calls to the wrappers, and the 7-day, cache and 4834 code around a ticket login.
  for (const node of all) {
    if (isFlagged(node)) continue;
    if (context.grammar.callTypes.has(node.type)) {
      const callee = calleeText(node, text).split(/[.>:]/).pop() ?? '';
      if (wrappers.has(callee)) {
        flags.push({ node: enclosingStatement(node), draft: { ruleId: 'ticket-generation', messageId: 'call', data: { name: callee } } });
        continue;
      }
      if (isRenewalSchedule(node, wrappers, context)) {
        const statement = enclosingStatement(node);
        const check = statement.parent && enclosingIf(statement.parent);
        flags.push({ node: check && /ticket/i.test(textOf(check, text)) && !isFlagged(check) ? check : statement, draft: { ruleId: 'ticket-regeneration', messageId: 'cron' } });
        continue;
      }
      if (isTicketCache(node, context)) {
        flags.push({ node: enclosingStatement(node), draft: { ruleId: 'ticket-regeneration', messageId: 'cache' } });
        continue;
      }
    }
    // Ruby calls a method without parentheses: `fresh = login` reads as an identifier.
    if (context.grammar.language === 'ruby' && node.type === 'identifier' && wrappers.has(textOf(node, text)) && node.parent?.fields.get('name') !== node && !FUNCTION_TYPES.has(node.parent?.type ?? '')) {
      flags.push({ node: enclosingStatement(node), draft: { ruleId: 'ticket-generation', messageId: 'call', data: { name: textOf(node, text) } } });
      continue;
    }
    if (isTicketStoreName(node, context)) {
      flags.push({ node: enclosingStatement(node), draft: { ruleId: 'ticket-regeneration', messageId: 'cache' } });
      continue;
    }
    if (isSevenDays(node, context)) {
      const check = enclosingIf(node);
      if (check) flags.push({ node: check, draft: { ruleId: 'ticket-regeneration', messageId: 'expiry' } });
      else {
        const statement = enclosingStatement(node);
        flags.push({ node: statement, draft: { ruleId: 'ticket-regeneration', messageId: 'period', data: { name: assignedName(statement, context) ?? textOf(node, text) } } });
      }
      continue;
    }
    if ((node.type === 'integer' || isStringLike(node, context)) && INVALID_TICKET.test(textOf(node, text)) && accountsPageIn(textOf(node, text)) !== 'login') {
      const check = enclosingIf(node) ?? enclosingStatement(node);
      flags.push({ node: check, draft: { ruleId: 'ticket-regeneration', messageId: 'retry' } });
    }
  }
  for (const flag of withCacheFunctions(flags)) {
    const ruleId = flag.draft.ruleId as 'ticket-generation' | 'ticket-regeneration';
    context.report({ ...flag.draft, start: flag.node.start, end: flag.node.end, fixable: false, annotation: context.annotationFor(ruleId) });
  }
}

/**
 * A function that both obtains a ticket (calls the login wrapper) and keeps it (a cache read or
 * write, an expiry check) exists only to cache the ticket: it is flagged whole, once.
 */
function withCacheFunctions(flags: readonly Flag[]): Flag[] {
  const result: Flag[] = [];
  const merged = new Set<Flag>();
  for (const flag of flags) {
    if (merged.has(flag) || flag.draft.messageId !== 'call') continue;
    const fn = enclosingFunction(flag.node);
    if (!fn) continue;
    const inside = flags.filter((other) => other !== flag && isWithin(other.node, fn) && other.draft.ruleId === 'ticket-regeneration');
    if (inside.length === 0) continue;
    merged.add(flag);
    for (const other of inside) merged.add(other);
    result.push({ node: fn, draft: { ruleId: 'ticket-regeneration', messageId: 'cache' } });
  }
  return [...result, ...flags.filter((flag) => !merged.has(flag))];
}

/** `define('ZOHO_TICKET_CACHE', ...)`, `TICKET_FILE = '...'`: a name for where the ticket is kept. */
function isTicketStoreName(node: SyntaxNode, context: ParsedContext): boolean {
  if (!context.grammar.statementTypes.has(node.type) && !context.grammar.assignmentTypes.has(node.type)) return false;
  if (node.parent && !BLOCK_TYPES.has(node.parent.type)) return false;
  const name = assignedName(node, context);
  return name !== undefined && /ticket/i.test(name) && /cache|file|path|store|dir/i.test(name);
}

function isStringLike(node: SyntaxNode, context: ParsedContext): boolean {
  return context.grammar.stringTypes.has(node.type) || node.type === 'regex';
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  let current = node.parent;
  while (current && !FUNCTION_TYPES.has(current.type)) current = current.parent;
  if (current?.parent?.type === 'decorated_definition') return current.parent;
  return current ?? undefined;
}

function functionName(fn: SyntaxNode, text: string): string | undefined {
  const definition = fn.type === 'decorated_definition' ? namedChildren(fn).find((child) => FUNCTION_TYPES.has(child.type)) : fn;
  const name = definition?.fields.get('name');
  return name ? textOf(name, text) : undefined;
}

/** The statement that holds a node: the child of the nearest block. */
function enclosingStatement(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent && !BLOCK_TYPES.has(current.parent.type)) current = current.parent;
  return current;
}

function enclosingIf(node: SyntaxNode): SyntaxNode | undefined {
  const statement = enclosingStatement(node);
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (IF_TYPES.has(current.type)) return current;
    if (current === statement) break;
  }
  return undefined;
}

function assignedName(statement: SyntaxNode, context: ParsedContext): string | undefined {
  const assignment = context.grammar.assignmentTypes.has(statement.type) ? statement : namedChildren(statement).find((child) => context.grammar.assignmentTypes.has(child.type));
  const left = assignment?.fields.get('left');
  if (left) return textOf(left, context.text);
  if (statement.type === 'const_declaration') return textOf(namedChildren(namedChildren(statement)[0] ?? statement)[0] ?? statement, context.text);
  const call = namedChildren(statement)[0];
  if (call?.type === 'function_call_expression' && calleeText(call, context.text).toLowerCase() === 'define') return context.text.slice(call.start, call.end).match(/['"](\w+)['"]/)?.[1];
  return undefined;
}

/** 604800, `7 * 24 * 60 * 60` (also in ms), `strtotime('+7 days')`, `timedelta(days=7)`, `7.days`, `1.week`. */
function isSevenDays(node: SyntaxNode, context: ParsedContext): boolean {
  const { text } = context;
  const source = textOf(node, text);
  if (node.type === 'integer' && SEVEN_DAYS.has(Number(source)) && Number(source) !== 168) return !isProductOperand(node, text);
  if ((node.type === 'binary_expression' || node.type === 'binary_operator' || node.type === 'binary') && /^[\d\s*()]+$/.test(source) && source.includes('*')) {
    if (node.parent && /^(binary_expression|binary_operator|binary)$/.test(node.parent.type) && /^[\d\s*()]+$/.test(textOf(node.parent, text))) return false;
    const product = source.split('*').reduce((total, factor) => total * Number(factor.replace(/[()\s]/g, '') || 'NaN'), 1);
    return SEVEN_DAYS.has(product) && product !== 168 ? true : product === 168 && /\b24\b/.test(source);
  }
  if (context.grammar.callTypes.has(node.type)) {
    const callee = calleeText(node, text);
    const args = source.slice(source.indexOf('('));
    if (/^strtotime$/i.test(callee) && WEEK_TEXT.test(args.slice(1, -1).trim())) return true;
    if (/(^|\.)timedelta$/.test(callee) && /^\(\s*(days\s*=\s*7|weeks\s*=\s*1|seconds\s*=\s*604800)\s*\)$/.test(args)) return true;
    if (/^(7\.days?|1\.weeks?|7\.0\.days)$/.test(source)) return true;
  }
  return false;
}

/** `7 * 24 * 60 * 60` is judged as the whole product, not by its last factor. */
function isProductOperand(node: SyntaxNode, text: string): boolean {
  return node.parent !== null && /^(binary_expression|binary_operator|binary)$/.test(node.parent.type) && textOf(node.parent, text).includes('*');
}

/**
 * A scheduler handed the login wrapper (`add_action('hook', 'zrjb_refresh_ticket')`,
 * `schedule.every(7).days.do(renew_ticket)`), or a cron/timer call whose hook names the ticket.
 */
function isRenewalSchedule(call: SyntaxNode, wrappers: ReadonlySet<string>, context: ParsedContext): boolean {
  const { text } = context;
  const args = call.fields.get('arguments') ?? call.children.find((child) => child.type === 'arguments' || child.type === 'argument_list');
  if (!args) return false;
  const names = [...descendants(args)].filter((node) => node.type !== 'argument' && node.children.length <= 3).map((node) => textOf(node, text).replace(/^[:'"]|['"]$/g, ''));
  if (names.some((name) => wrappers.has(name))) return true;
  return /schedule|cron|every|timer|add_action/i.test(calleeText(call, text)) && /ticket/i.test(textOf(args, text));
}

/** A file, database, option or cache call whose arguments name a ticket: `file_put_contents('zoho_ticket.txt', ...)`. */
function isTicketCache(call: SyntaxNode, context: ParsedContext): boolean {
  const { text } = context;
  const callee = calleeText(call, text);
  if (!CACHE_CALLS.test(callee.replace(/->/g, '.'))) return false;
  const args = call.fields.get('arguments') ?? call.children.find((child) => child.type === 'arguments' || child.type === 'argument_list');
  if (!args) return false;
  // A literal, a constant or a variable that names the ticket (`'zoho_ticket.txt'`, ZOHO_TICKET_CACHE, $ticket).
  const isNaming = (node: SyntaxNode) => isStringLike(node, context) || ['simple_symbol', 'name', 'identifier', 'constant', 'variable_name', 'instance_variable'].includes(node.type);
  return [...descendants(args)].some((node) => isNaming(node) && /ticket/i.test(textOf(node, text)) && !/apikey|authtoken/i.test(textOf(node, text)));
}
