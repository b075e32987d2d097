import type { Node } from '@babel/types';
import { memberPath, unwrapExpression } from '../ast/node-utils.js';
import { nodesWithin } from '../ast/subtree.js';
import type { AnalysisContext } from '../context.js';
import type { RuleMessage } from '../rules.js';
import { classifyRequestText } from '../zoho/endpoint.js';
import { namesAlternation, perServiceTable } from '../zoho/legacy-param-names.js';
import { enclosingNamedFunction, isFunctionNode, namedFunction, statementOf } from './construct.js';
import { knownText as requestKnownText, type KnownTextSource } from '../requests/known-text.js';
import { lexicalScopesOf } from '../scope/lexical-scopes.js';
import { stringRoots } from './string-roots.js';
import { isLifecycleFunctionName, TICKET_FUNCTION_NAME } from './names.js';

/** A request parameter of the legacy scheme (`?apikey=`, `&ticket=`); a bare `TICKET=` is the login answer. */
const legacyParam = perServiceTable(({ apiKey, ticket }) => new RegExp(`(?:^|[?&\\u0000])(?:${namesAlternation(apiKey)})=|[?&](?:${namesAlternation(ticket)})=`, 'i'));

/** One piece of ticket-lifecycle code found by a concern. */
export type LifecycleHit = Extract<RuleMessage, { ruleId: 'ticket-generation' | 'ticket-regeneration' }> & {
  /** The evidence itself; the reported construct is derived from it. */
  anchor: Node;
  /** The construct, when the concern knows it already (a whole function). */
  construct?: Node;
};

export interface Range {
  start: number;
  end: number;
}

export function rangeOf(node: Node): Range {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}

export function contains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** What every concern may read: the file's analysis, and what the lifecycle scan learnt so far. */
export class LifecycleContext {
  /** Names of functions of this file that are ticket code (they hold a login, a cache, a renewal). */
  readonly ticketFunctions = new Set<string>();
  /** Constructs flagged so far. */
  readonly flagged = new Set<Node>();
  /** Has this file shown proven ticket code yet (a login URL, a logout, a `TICKET=` parse, an "Invalid Ticket Id" retry)? */
  hasTicketCode = false;
  private apiRequests: Range[] | undefined;
  private stringTexts: Array<{ root: Node; text: string }> | undefined;

  constructor(
    readonly core: AnalysisContext,
    /** The file talks about Zoho, and not about Zoho Desk: names may support evidence. */
    private readonly isZohoFile: boolean,
  ) {}

  /** May names (`getTicket`, `ticketCache`) count as support here? */
  get isTicketContext(): boolean {
    return this.hasTicketCode || this.isZohoFile;
  }

  /**
   * What a reader deletes to remove the ticket code at `anchor` (DESIGN §4: the function, the
   * statement, the timer call): the function around it when its name says it is ticket code
   * (`login`, `getTicket`) and it sends no Zoho API request, else the innermost statement.
   */
  constructOf(anchor: Node): Node {
    const named = enclosingNamedFunction(anchor, this.core.index);
    if (named && isLifecycleFunctionName(named.name) && !this.sendsApiRequest(named.fn)) return named.construct;
    return statementOf(anchor, this.core.index);
  }

  isFlagged(node: Node): boolean {
    const range = rangeOf(node);
    for (const flagged of this.flagged) if (contains(rangeOf(flagged), range)) return true;
    return false;
  }

  /** Named functions whose construct is flagged are ticket functions: a timer that calls one renews a ticket. */
  learnTicketFunctions(): void {
    for (const type of ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod'] as const) {
      for (const fn of this.core.index.ofType(type)) {
        const named = namedFunction(fn, this.core.index);
        if (named && this.flagged.has(named.construct)) this.ticketFunctions.add(named.name);
      }
    }
  }

  /** `login`, `session.getTicket`, `refreshTicket.bind(null)`: a call of this obtains or renews a ticket. */
  isTicketCallee(callee: Node): boolean {
    let inner = unwrapExpression(callee);
    const last = memberPath(inner)?.at(-1);
    if ((last === 'bind' || last === 'call' || last === 'apply') && inner.type === 'MemberExpression') inner = unwrapExpression(inner.object);
    const name = memberPath(inner)?.at(-1);
    if (name === undefined) return false;
    if (inner.type === 'Identifier' && this.ticketFunctions.has(name)) return true;
    return this.isTicketContext && TICKET_FUNCTION_NAME.test(name);
  }

  /** Does code inside `node` call a ticket function, or hold ticket code already flagged? */
  callsTicketFunction(node: Node): boolean {
    const range = rangeOf(node);
    const { index } = this.core;
    const calls = [...nodesWithin(index.ofType('CallExpression'), range.start, range.end), ...nodesWithin(index.ofType('NewExpression'), range.start, range.end)];
    if (calls.some((call) => this.isTicketCallee(call.callee))) return true;
    for (const flagged of this.flagged) if (flagged !== node && contains(range, rangeOf(flagged))) return true;
    return false;
  }

  /**
   * The text an expression is known to hold (requests/known-text.ts, the one the request detectors
   * classify URLs with); Babel's scopes are built only if a variable needs them.
   */
  knownText(node: Node): string {
    const { core } = this;
    const source: KnownTextSource = {
      evaluator: core.evaluator,
      get scopes() {
        return lexicalScopesOf(core.ast);
      },
    };
    return requestKnownText(node, source);
  }

  /** Every string-building expression of the file with the text it is known to hold, computed once. */
  strings(): ReadonlyArray<{ root: Node; text: string }> {
    this.stringTexts ??= stringRoots(this.core).map((root) => ({ root, text: this.knownText(root) }));
    return this.stringTexts;
  }

  /**
   * Does the function send a Zoho API request, or any request with apikey/ticket parameters (so it
   * is business code that merely uses a ticket, and is never deleted whole)?
   */
  sendsApiRequest(fn: Node): boolean {
    if (!isFunctionNode(fn)) return false;
    this.apiRequests ??= this.strings()
      .filter(({ text }) => {
        const { services } = this.core.options;
        const kind = classifyRequestText(text, services)?.kind;
        return kind === 'service' || (kind !== 'accounts' && legacyParam(services).test(text));
      })
      .map(({ root }) => rangeOf(root));
    const range = rangeOf(fn);
    return this.apiRequests.some((request) => contains(range, request));
  }
}
