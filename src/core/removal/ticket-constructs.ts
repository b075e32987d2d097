import type { Node } from '@babel/types';
import { isFunctionNode } from '../lifecycle/construct.js';
import type { Candidate, RemovalContext } from './candidate.js';
import { exportGate } from './export-gate.js';
import { effectOf, type EffectVerdict } from './side-effects.js';
import { declaredBindings, innerDeclaration, isInStatementList, rangeOfNode, statementAt, statementDeletion } from './statements.js';

const TICKET_RULES = new Set(['ticket-generation', 'ticket-regeneration']);
/** The wording of the retry message (src/core/rules.ts, `retry`). */
const RETRY_MESSAGE = /^Retry on an expired Zoho ticket/;

/** What declaring (not calling) a statement does: a function's body only matters when it is called. */
function statementEffect(statement: Node, context: RemovalContext): EffectVerdict & { isTicketFunction: boolean } {
  const node = innerDeclaration(statement);
  const check = (root: Node) => effectOf(root, context.text, context.index, context.scopes, context.effectFacts);
  if (node.type === 'FunctionDeclaration') {
    const verdict = check(node);
    return { ...verdict, isTicketFunction: !verdict.reason };
  }
  if (node.type === 'VariableDeclaration') {
    const dependsOn = new Set<never>() as EffectVerdict['dependsOn'];
    let isTicketFunction = false;
    for (const declarator of node.declarations) {
      if (!declarator.init) continue;
      const verdict = check(declarator.init);
      if (verdict.reason) return { ...verdict, isTicketFunction: false };
      for (const binding of verdict.dependsOn) dependsOn.add(binding);
      if (isFunctionNode(declarator.init)) isTicketFunction = true;
    }
    return { dependsOn, isTicketFunction };
  }
  return { ...check(node), isTicketFunction: false };
}

/** The name an exported statement goes by (`exports.login = ...`, `export function login`). */
function exportedName(statement: Node): string | undefined {
  if (statement.type === 'ExportNamedDeclaration') {
    const node = innerDeclaration(statement);
    if (node.type === 'FunctionDeclaration') return node.id?.name;
    if (node.type === 'VariableDeclaration' && node.declarations[0]?.id.type === 'Identifier') return node.declarations[0].id.name;
  }
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
    const left = statement.expression.left;
    if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier') {
      const object = left.object;
      const isExports = (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module');
      if (isExports) return left.property.name;
    }
  }
  return undefined;
}

/**
 * The flagged ticket code of the file (login, cache, expiry check, timer, ...) as candidates:
 * whole statements only, each checked for effects of its own.
 */
export function ticketConstructCandidates(context: RemovalContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const finding of context.findings) {
    if (!TICKET_RULES.has(finding.ruleId)) continue;
    const what = finding.message.split(':')[0]!;
    const statement = statementAt(context, finding.range);
    const base = { what, finding, replacements: [], dependsOn: new Set<never>(), declares: [] };
    if (!statement || !isInStatementList(statement, context)) {
      candidates.push({ ...base, reason: '', deletions: [], gone: [], node: context.ast, blockedBy: 'it is part of a larger statement' });
      continue;
    }
    // A 4834 retry runs only when Zoho refuses a ticket; an authtoken request is never refused
    // that way, so only its test is ever evaluated: that is all that must be free of effects.
    const isRetry = RETRY_MESSAGE.test(finding.message) && statement.type === 'IfStatement' && !statement.alternate;
    const effect = isRetry && statement.type === 'IfStatement' ? { ...effectOf(statement.test, context.text, context.index, context.scopes, context.effectFacts), isTicketFunction: false } : statementEffect(statement, context);
    const deletion = statementDeletion(statement, context);
    const name = exportedName(statement);
    const gate = name === undefined ? undefined : exportGate(context, name);
    const blockedBy = effect.reason ?? gate;
    candidates.push({
      what,
      finding,
      reason: isRetry ? 'an authtoken request never fails with 4834, so the retry never runs' : effect.isTicketFunction ? 'it does only ticket work, and nothing that stays uses it' : 'nothing that stays uses it',
      deletions: [deletion],
      gone: [rangeOfNode(statement)],
      replacements: [],
      declares: declaredBindings(statement, context),
      dependsOn: effect.dependsOn,
      isTicketFunction: effect.isTicketFunction,
      node: statement,
      ...(effect.reason ? { effectReason: effect.reason } : {}),
      ...(blockedBy ? { blockedBy } : {}),
    });
  }
  return candidates;
}
