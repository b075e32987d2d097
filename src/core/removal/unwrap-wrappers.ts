import type { Node, Statement } from '@babel/types';
import { subtreeNodes } from '../ast/subtree.js';
import { isFunctionNode } from '../lifecycle/construct.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import type { Candidate, RemovalContext } from './candidate.js';
import { leadingCommentStart, lineStartOf, nextLineStart, reindent, statementRange } from './line-ranges.js';
import { isInStatementList, rangeOfNode, wholeStatementCandidate } from './statements.js';
import { ticketCallee, type TicketCallee } from './ticket-callee.js';

type FunctionLike = Extract<Node, { type: 'FunctionExpression' | 'ArrowFunctionExpression' }>;

function isUnused(context: RemovalContext, param: Node | undefined): boolean {
  if (!param) return true;
  if (param.type !== 'Identifier') return false;
  const binding = context.scopes.bindingOf(param);
  return binding !== undefined && binding.references.length === 0 && binding.writes.length === 0;
}

/** `if (err) return callback(err);` / `if (err) throw err;`: the ticket's error, handed on. */
function isErrorCheck(statement: Statement | undefined, errName: string): boolean {
  if (statement?.type !== 'IfStatement' || statement.alternate) return false;
  if (statement.test.type !== 'Identifier' || statement.test.name !== errName) return false;
  const consequent = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0]! : statement.consequent;
  return consequent.type === 'ReturnStatement' || consequent.type === 'ThrowStatement';
}

/** Code that means something else once it runs outside its callback. */
function movedMeaning(context: RemovalContext, statements: readonly Node[]): string | undefined {
  for (const statement of statements) {
    for (const node of subtreeNodes(statement)) {
      const isOwn = !insideNestedFunction(context, node, statement);
      const isOwnOrArrow = !insideNestedFunction(context, node, statement, true);
      if (isOwn && (node.type === 'ReturnStatement' || node.type === 'YieldExpression' || node.type === 'AwaitExpression')) return 'its body returns from the callback';
      if (isOwnOrArrow && (node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments'))) return 'its body uses this or arguments';
    }
  }
  return undefined;
}

function insideNestedFunction(context: RemovalContext, node: Node, top: Node, isArrowTransparent = false): boolean {
  for (const ancestor of context.index.ancestors(node)) {
    if (ancestor === top) return isFunctionNode(top) && node !== top;
    if (isFunctionNode(ancestor) && !(isArrowTransparent && ancestor.type === 'ArrowFunctionExpression')) return true;
  }
  return false;
}

/** The function (or the program) whose scope the wrapper's statement runs in. */
function enclosingScope(context: RemovalContext, node: Node): Node {
  for (const ancestor of context.index.ancestors(node)) if (isFunctionNode(ancestor) || ancestor.type === 'Program') return ancestor;
  return context.ast.program;
}

/** Is `node` inside a function of `scope` that does not hold the wrapper (a sibling callback)? */
function isInSiblingFunction(context: RemovalContext, node: Node, scope: Node, wrapper: Node): boolean {
  for (const ancestor of context.index.ancestors(node)) {
    if (ancestor === scope) return false;
    if (isFunctionNode(ancestor) && !((ancestor.start ?? 0) <= (wrapper.start ?? 0) && (wrapper.end ?? 0) <= (ancestor.end ?? 0))) return true;
  }
  return false;
}

/**
 * Names the body declares that the scope it moves into already sees: moving them out would
 * shadow or redeclare. A sibling callback's own `var url` is its own; a global the scope reads is not.
 */
function clashingName(context: RemovalContext, callback: FunctionLike, statements: readonly Node[]): string | undefined {
  const declared = new Map<string, LexicalBinding>();
  for (const statement of statements) {
    const ids: Node[] = [];
    if (statement.type === 'VariableDeclaration') for (const declarator of statement.declarations) ids.push(...subtreeNodes(declarator.id));
    if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) ids.push(statement.id);
    for (const id of ids) {
      const binding = id.type === 'Identifier' ? context.scopes.bindingOf(id) : undefined;
      if (binding && binding.id === id) declared.set(binding.name, binding);
    }
  }
  if (declared.size === 0) return undefined;
  const scope = enclosingScope(context, context.index.parentOf(callback)!);
  const isInCallback = (node: Node) => (node.start ?? 0) >= (callback.start ?? 0) && (node.end ?? 0) <= (callback.end ?? 0);
  for (const id of context.index.ofType('Identifier')) {
    if (!declared.has(id.name) || isInCallback(id)) continue;
    const parent = context.index.parentOf(id);
    const isPropertyName = (parent?.type === 'MemberExpression' && parent.property === id && !parent.computed) || (parent?.type === 'ObjectProperty' && parent.key === id && !parent.shorthand);
    if (isPropertyName) continue;
    const binding = context.scopes.bindingOf(id);
    if (binding) {
      // Declared in a sibling function: its own name, which the moved body does not touch.
      if (isInSiblingFunction(context, binding.id, scope, callback)) continue;
      if (!((binding.id.start ?? 0) >= (scope.start ?? 0) && (binding.id.end ?? 0) <= (scope.end ?? 0)) && !isInsideScope(id, scope)) continue;
    } else if (!isInsideScope(id, scope)) continue;
    return `its body declares ${id.name}, a name the code around it uses too`;
  }
  return undefined;
}

function isInsideScope(node: Node, scope: Node): boolean {
  return (node.start ?? 0) >= (scope.start ?? 0) && (node.end ?? 0) <= (scope.end ?? 0);
}

function isInsideLiteral(context: RemovalContext, offset: number): boolean {
  const spans = (node: Node) => (node.start ?? 0) < offset && offset < (node.end ?? 0);
  return context.index.ofType('TemplateLiteral').some(spans) || context.index.ofType('StringLiteral').some(spans);
}

function describeCallee(context: RemovalContext, callee: Node): string {
  return context.text.slice(callee.start ?? 0, callee.end ?? 0);
}

function dependsOnOf(callee: TicketCallee): Set<LexicalBinding> {
  return 'local' in callee ? new Set([callee.local]) : new Set();
}

/**
 * `session.getTicket(function (err, ticket) { if (err) return callback(err); BODY })` becomes
 * BODY, re-indented to the wrapper's place, when the rewrite left `ticket` unused and `err` is
 * only handed on: the callback's only job was to wait for the ticket.
 */
function callbackWrapper(context: RemovalContext, call: Extract<Node, { type: 'CallExpression' }>, callee: TicketCallee): Candidate | undefined {
  const statement = context.index.parentOf(call);
  if (statement?.type !== 'ExpressionStatement' || !isInStatementList(statement, context)) return undefined;
  const [callback] = call.arguments;
  if (call.arguments.length !== 1 || !callback || (callback.type !== 'FunctionExpression' && callback.type !== 'ArrowFunctionExpression')) return undefined;
  if (callback.async || callback.generator || callback.body.type !== 'BlockStatement' || callback.params.length === 0 || callback.params.length > 2) return undefined;
  const [first, second] = callback.params;
  const ticketParam = callback.params.length === 2 ? second : first;
  const errParam = callback.params.length === 2 ? first : undefined;
  const what = `${describeCallee(context, call.callee)} callback wrapper`;
  const blocked = (blockedBy: string): Candidate => ({ what, reason: '', deletions: [], gone: [], replacements: [], declares: [], dependsOn: new Set(), node: statement, blockedBy });
  if (!isUnused(context, ticketParam)) return blocked('its body still uses the ticket');
  let body = callback.body.body as Statement[];
  if (errParam) {
    if (errParam.type !== 'Identifier') return undefined;
    const errBinding = context.scopes.bindingOf(errParam);
    if (errBinding && errBinding.references.length > 0) {
      if (!isErrorCheck(body[0], errParam.name) || errBinding.references.some((ref) => (ref.start ?? 0) >= (body[0]!.end ?? 0))) return blocked('its body uses the error for more than handing it on');
      body = body.slice(1);
    }
  }
  const problem = movedMeaning(context, body) ?? clashingName(context, callback, body);
  if (problem) return blocked(problem);
  const declares = callback.params.map((param) => context.scopes.bindingOf(param)).filter((binding): binding is LexicalBinding => binding !== undefined);
  const reason = "the rewrite left its ticket unused and its error only handed on: the body runs in the wrapper's place";
  if (body.length === 0) {
    return { ...wholeStatementCandidate(statement, context, what, reason, declares), dependsOn: dependsOnOf(callee) };
  }
  const firstStatement = body[0]!;
  const lastStatement = body.at(-1)!;
  const outer = statementRange(context.text, rangeOfNode(statement), []);
  const bodyStart = lineStartOf(context.text, leadingCommentStart(context.text, firstStatement.start ?? 0, context.comments));
  const bodyEnd = nextLineStart(context.text, lastStatement.end ?? 0);
  const isMultiline = outer.start === lineStartOf(context.text, statement.start ?? 0) && bodyStart > (callback.body.start ?? 0) && bodyEnd <= lineStartOf(context.text, callback.body.end ?? 0) && /^[ \t]*$/.test(context.text.slice(lastStatement.end ?? 0, bodyEnd).replace(/(\r\n|\n|\r)$/, '').replace(/\/\/.*$/, ''));
  let replacement;
  let gone;
  if (isMultiline) {
    const indentOf = (offset: number) => /^[ \t]*/.exec(context.text.slice(lineStartOf(context.text, offset)))![0].length;
    const depth = indentOf(firstStatement.start ?? 0) - indentOf(statement.start ?? 0);
    replacement = { start: outer.start, end: outer.end, text: reindent(context.text, bodyStart, bodyEnd, depth, (offset) => isInsideLiteral(context, offset)) };
    gone = [
      { start: outer.start, end: bodyStart },
      { start: bodyEnd, end: outer.end },
    ];
  } else {
    replacement = { start: statement.start ?? 0, end: statement.end ?? 0, text: context.text.slice(firstStatement.start ?? 0, lastStatement.end ?? 0) };
    gone = [
      { start: statement.start ?? 0, end: firstStatement.start ?? 0 },
      { start: lastStatement.end ?? 0, end: statement.end ?? 0 },
    ];
  }
  return { what, reason, deletions: [], gone, replacements: [replacement], declares, dependsOn: dependsOnOf(callee), node: statement };
}

/** `getTicket().then((ticket) => call())` becomes `call()`. */
function promiseWrapper(context: RemovalContext, then: Extract<Node, { type: 'CallExpression' }>): Candidate | undefined {
  if (then.callee.type !== 'MemberExpression' || then.callee.computed || then.callee.property.type !== 'Identifier' || then.callee.property.name !== 'then') return undefined;
  const inner = then.callee.object;
  if (inner.type !== 'CallExpression' || inner.arguments.length > 0 || then.arguments.length !== 1) return undefined;
  const [callback] = then.arguments;
  if (!callback || (callback.type !== 'FunctionExpression' && callback.type !== 'ArrowFunctionExpression') || callback.async || callback.params.length > 1 || !isUnused(context, callback.params[0])) return undefined;
  let result: Node | undefined = callback.body.type === 'BlockStatement' ? undefined : callback.body;
  if (callback.body.type === 'BlockStatement' && callback.body.body.length === 1 && callback.body.body[0]!.type === 'ReturnStatement') result = callback.body.body[0]!.argument ?? undefined;
  if (result?.type !== 'CallExpression' || movedMeaning(context, [result])) return undefined;
  return {
    what: `${describeCallee(context, inner.callee)}().then wrapper`,
    reason: 'the rewrite left its ticket unused: the call it waited for runs in its place',
    deletions: [],
    gone: [
      { start: then.start ?? 0, end: result.start ?? 0 },
      { start: result.end ?? 0, end: then.end ?? 0 },
    ],
    replacements: [{ start: then.start ?? 0, end: then.end ?? 0, text: context.text.slice(result.start ?? 0, result.end ?? 0) }],
    declares: [],
    dependsOn: new Set(),
    node: then,
  };
}

/** `const ticket = await getTicket();` whose ticket nothing reads any more. */
function awaitedTicket(context: RemovalContext, call: Extract<Node, { type: 'CallExpression' }>): Candidate | undefined {
  const awaited = context.index.parentOf(call);
  if (awaited?.type !== 'AwaitExpression' || call.arguments.length > 0) return undefined;
  const holder = context.index.parentOf(awaited);
  let statement = holder;
  if (holder?.type === 'VariableDeclarator') {
    const declaration = context.index.parentOf(holder);
    if (declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1 || !isUnused(context, holder.id)) return undefined;
    statement = declaration;
  }
  if (!statement || (statement.type !== 'VariableDeclaration' && statement.type !== 'ExpressionStatement') || !isInStatementList(statement, context)) return undefined;
  const declares = statement.type === 'VariableDeclaration' ? [context.scopes.bindingOf(statement.declarations[0]!.id)].filter((binding): binding is LexicalBinding => binding !== undefined) : [];
  return wholeStatementCandidate(statement, context, `await ${describeCallee(context, call.callee)}()`, 'the rewrite left the ticket it waited for unused', declares);
}

/** Every call of a ticket function whose only job was to obtain the ticket, unwrapped. */
export function wrapperCandidates(context: RemovalContext, localTicketFunctions: ReadonlySet<LexicalBinding>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const call of context.index.ofType('CallExpression')) {
    const callee = ticketCallee(context, call.callee, localTicketFunctions);
    if (callee) {
      const candidate = callbackWrapper(context, call, callee) ?? awaitedTicket(context, call);
      if (candidate) {
        for (const binding of dependsOnOf(callee)) candidate.dependsOn.add(binding);
        candidates.push(candidate);
      }
      continue;
    }
    if (call.callee.type === 'MemberExpression' && call.callee.object.type === 'CallExpression') {
      const inner = ticketCallee(context, call.callee.object.callee, localTicketFunctions);
      const candidate = inner ? promiseWrapper(context, call) : undefined;
      if (candidate && inner) {
        for (const binding of dependsOnOf(inner)) candidate.dependsOn.add(binding);
        candidates.push(candidate);
      }
    }
  }
  return candidates;
}
