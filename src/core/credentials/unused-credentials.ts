import type { Identifier, Node } from '@babel/types';
import { memberPath, unwrapExpression } from '../ast/node-utils.js';
import type { AnalysisContext } from '../context.js';
import { lexicalScopesOf } from '../scope/lexical-scopes.js';
import type { CredentialUse } from './credential-use.js';
import { envName } from './credential-uses.js';

/** What a reader deletes for an unused declaration: the statement when it declares nothing else. */
function declarationRange(id: Identifier, context: AnalysisContext): Node {
  const { index } = context;
  let node: Node = id;
  for (const ancestor of index.ancestors(id)) {
    if (ancestor.type === 'VariableDeclarator') {
      const declaration = index.parentOf(ancestor);
      const isAlone = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 && ancestor.id === id;
      if (!isAlone) return ancestor.id === id ? ancestor : node;
      const parent = index.parentOf(declaration);
      return parent?.type === 'ExportNamedDeclaration' ? parent : declaration;
    }
    if (ancestor.type === 'ObjectProperty' || ancestor.type === 'AssignmentPattern') {
      node = ancestor;
      continue;
    }
    if (ancestor.type.startsWith('Import')) return ancestor;
    return node;
  }
  return node;
}

/** `process.env.ZOHO_API_KEY`, also behind a fallback (`process.env.ZOHO_API_KEY || ''`). */
function envOfInit(id: Identifier, context: AnalysisContext): string | undefined {
  const declarator = context.index.parentOf(id);
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== id || !declarator.init) return undefined;
  const init = unwrapExpression(declarator.init);
  return envName(init) ?? (init.type === 'LogicalExpression' ? envName(init.left) : undefined);
}

function readsEnv(name: string, context: AnalysisContext): boolean {
  return context.index.ofType('MemberExpression').some((member) => {
    const path = memberPath(member);
    return path?.length === 3 && path[0] === 'process' && path[1] === 'env' && path[2] === name;
  });
}

/**
 * Notes (severity `note`) on what the migration left behind: a variable, constant, parameter or
 * import that held the apikey or ticket and that nothing uses any more, and environment variables
 * whose last read in the file went with the rewritten request. Runs on migrate's output, with the
 * credentials the applied fixes removed (offsets into this text).
 */
export function reportUnusedCredentials(context: AnalysisContext, removed: readonly CredentialUse[]): void {
  const { index } = context;
  const reported = new Set<string>();
  const envsNamed = new Set<string>();
  for (const use of removed) {
    if (!use.declaration) continue;
    // `{ apiKey }` has two identifiers at one offset, the key and the binding: the binding is the one.
    const scopes = lexicalScopesOf(context.ast);
    const id = index.ofType('Identifier').find((node) => node.start === use.declaration!.start && node.name === use.declaration!.name && scopes.bindingOf(node)?.id === node);
    if (!id || reported.has(`${id.start}`)) continue;
    if ((scopes.bindingOf(id)?.references.length ?? 1) > 0) continue;
    reported.add(`${id.start}`);
    const env = envOfInit(id, context);
    const range = declarationRange(id, context);
    if (env !== undefined) envsNamed.add(env);
    const place = { start: range.start ?? 0, end: range.end ?? 0, fixable: false, severity: 'note' } as const;
    context.report(
      env !== undefined
        ? { ruleId: 'legacy-auth-params', messageId: 'unused-env-variable', data: { name: id.name, param: use.param, env }, ...place }
        : { ruleId: 'legacy-auth-params', messageId: 'unused-variable', data: { name: id.name, param: use.param }, ...place },
    );
  }
  for (const use of removed) {
    if (!use.env || envsNamed.has(use.env.name) || readsEnv(use.env.name, context)) continue;
    envsNamed.add(use.env.name);
    context.report({
      ruleId: 'legacy-auth-params',
      messageId: 'unused-env',
      data: { env: use.env.name, param: use.param },
      start: use.env.at,
      end: use.env.at,
      fixable: false,
      severity: 'note',
    });
  }
}
