import type { Node } from '@babel/types';
import { isFunctionNode } from '../lifecycle/construct.js';
import type { Candidate, RemovalContext } from './candidate.js';
import { listItemRange } from './list-items.js';
import { effectOf } from './side-effects.js';
import { declaredBindings, isInStatementList, rangeOfNode, statementAt, statementDeletion } from './statements.js';

/** The notes of src/core/credentials/unused-credentials.ts that ask for a deletion. */
const UNUSED_NOTE = /is unused after the migration; remove it/;

function isPureArgument(node: Node): boolean {
  return node.type === 'Identifier' || node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'NullLiteral' || (node.type === 'MemberExpression' && !node.computed && isPureArgument(node.object));
}

/**
 * `function authParams(ticket)` whose `ticket` the rewrite left unused: the parameter goes, and
 * the argument at every call. Only the last parameter of a module-local function whose every use
 * is a plain call, with a side-effect-free argument (so no call shifts, and nothing is evaluated less).
 */
function parameterCandidate(context: RemovalContext, param: Node): Candidate | undefined {
  const fn = context.index.parentOf(param);
  if (!fn || !isFunctionNode(fn) || context.index.keyOf(param) !== 'params') return undefined;
  const params = (fn as unknown as { params: Node[] }).params;
  const position = params.indexOf(param);
  if (position !== params.length - 1 || param.type !== 'Identifier') return undefined;
  const paramBinding = context.scopes.bindingOf(param);
  let nameId: Node | undefined;
  if (fn.type === 'FunctionDeclaration') nameId = fn.id ?? undefined;
  else {
    const holder = context.index.parentOf(fn);
    if (holder?.type === 'VariableDeclarator' && holder.init === fn && holder.id.type === 'Identifier') nameId = holder.id;
  }
  const fnBinding = nameId ? context.scopes.bindingOf(nameId) : undefined;
  if (!fnBinding || !paramBinding || fnBinding.writes.length > 0) return undefined;
  const deletions = [listItemRange(context.text, params, position)];
  for (const reference of fnBinding.references) {
    const call = context.index.parentOf(reference);
    if (call?.type !== 'CallExpression' || call.callee !== reference) return undefined;
    if (call.arguments.length <= position) continue;
    const argument = call.arguments[position]!;
    if (call.arguments.length !== position + 1 || !isPureArgument(argument)) return undefined;
    deletions.push(listItemRange(context.text, call.arguments as Node[], position));
  }
  return {
    what: `parameter ${param.name} of ${fnBinding.name}`,
    reason: 'it held the Zoho ticket or apikey and is unused after the migration; the calls pass nothing else in its place',
    deletions,
    gone: deletions,
    replacements: [],
    declares: [paramBinding],
    dependsOn: new Set(),
    node: param,
  };
}

/**
 * The variables and parameters migrate's notes name as unused credentials
 * (`var API_KEY = process.env.ZOHO_API_KEY`, `function authParams(ticket)`).
 */
export function credentialCandidates(context: RemovalContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const finding of context.findings) {
    if (finding.ruleId !== 'legacy-auth-params' || !UNUSED_NOTE.test(finding.message)) continue;
    const statement = statementAt(context, finding.range);
    if (statement && statement.type === 'VariableDeclaration' && isInStatementList(statement, context)) {
      const effect = effectOf(statement, context.text, context.index, context.scopes, context.effectFacts);
      candidates.push({
        what: finding.message.split(' held ')[0]!,
        reason: 'it held a legacy credential and is unused after the migration',
        deletions: [statementDeletion(statement, context)],
        gone: [rangeOfNode(statement)],
        replacements: [],
        declares: declaredBindings(statement, context),
        dependsOn: effect.dependsOn,
        node: statement,
        ...(effect.reason ? { blockedBy: effect.reason, effectReason: effect.reason } : {}),
      });
      continue;
    }
    const param = context.index.ofType('Identifier').find((node) => node.start === finding.range.start && node.end === finding.range.end);
    const candidate = param ? parameterCandidate(context, param) : undefined;
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}
