import type { Candidate, RemovalContext } from './candidate.js';
import type { ModuleImport } from './module-links.js';
import { declaredBindings, isInStatementList, wholeStatementCandidate } from './statements.js';

const UNUSED_IMPORT = 'unused once the ticket code went, and loading the module has no effect';

/**
 * `var session = require('./session')` that the removal left unused: it goes when loading the
 * module does nothing but declare (so no effect is lost with the `require`), and only if the
 * binding was in use when the run started (an import the user left unused is theirs).
 */
export function importCandidates(context: RemovalContext, imports: readonly ModuleImport[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const imported of imports) {
    const { binding, statement } = imported;
    if (!binding || !statement || !isInStatementList(statement, context)) continue;
    const lexical = context.scopes.bindingOf(binding);
    if (!lexical || lexical.references.length > 0 || !context.facts.wasImportUsed(binding.name, imported.specifier)) continue;
    const isPure = context.facts.isPureModule(imported.specifier);
    const candidate = wholeStatementCandidate(statement, context, `require('${imported.specifier}')`, UNUSED_IMPORT, declaredBindings(statement, context));
    candidates.push(isPure ? candidate : { ...candidate, blockedBy: `loading '${imported.specifier}' may do more than declare` });
  }
  for (const statement of context.ast.program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.specifiers.length === 0) continue;
    const bindings = statement.specifiers.map((specifier) => context.scopes.bindingOf(specifier.local));
    const specifier = statement.source.value;
    const isUnusedNow = bindings.every((binding) => binding && binding.references.length === 0);
    const wasUsed = statement.specifiers.some((item) => context.facts.wasImportUsed(item.local.name, specifier));
    if (!isUnusedNow || !wasUsed || !context.facts.isPureModule(specifier)) continue;
    candidates.push(wholeStatementCandidate(statement, context, `import from '${specifier}'`, UNUSED_IMPORT, bindings.filter((binding) => binding !== undefined)));
  }
  return candidates;
}
