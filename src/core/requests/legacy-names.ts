import type { AnalysisContext } from '../context.js';
import { LEGACY_KEY_TEXT } from '../strings/build-atoms.js';

/**
 * Names of variables whose value spells apikey/ticket somewhere in this file (a query-string
 * constant, an array of `key=value` parts and its pushes): an expression that only mentions
 * such a name is still a candidate request.
 */
export function legacyNames(context: AnalysisContext): Set<string> {
  const names = new Set<string>();
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (declarator.id.type === 'Identifier' && declarator.init && LEGACY_KEY_TEXT.test(context.sourceOf(declarator.init))) {
      names.add(declarator.id.name);
    }
  }
  for (const call of context.index.ofType('CallExpression')) {
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && LEGACY_KEY_TEXT.test(context.sourceOf(call))) {
      names.add(callee.object.name);
    }
  }
  return names;
}
