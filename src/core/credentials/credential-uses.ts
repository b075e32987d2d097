import type { Node } from '@babel/types';
import { calleeName, memberPath, unwrapExpression } from '../ast/node-utils.js';
import type { AnalysisContext } from '../context.js';
import { lexicalScopesOf } from '../scope/lexical-scopes.js';
import type { QueryParam } from '../strings/query-params.js';
import type { CredentialUse } from './credential-use.js';

/** `encodeURIComponent(key)`, `String(key)`: the value is still `key`. */
function throughWrappers(node: Node): Node {
  let inner = unwrapExpression(node);
  while (inner.type === 'CallExpression' && inner.arguments.length === 1 && ['encodeURIComponent', 'encodeURI', 'escape', 'String'].includes(calleeName(inner) ?? '')) {
    inner = unwrapExpression(inner.arguments[0]!);
  }
  return inner;
}

/** `process.env.NAME`, `process.env['NAME']`. */
export function envName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const path = memberPath(unwrapExpression(node));
  return path?.length === 3 && path[0] === 'process' && path[1] === 'env' ? path[2] : undefined;
}

/** What held each removed parameter's value: a variable of this module, or a direct environment read. */
export function credentialUses(params: readonly QueryParam[], requestStart: number, context: AnalysisContext): CredentialUse[] {
  const values: Array<{ param: string; value: Node }> = [];
  for (const param of params) {
    const holes = param.value.filter((atom) => atom.kind === 'hole');
    if (holes.length === 1 && holes[0]!.kind === 'hole') values.push({ param: param.name, value: holes[0]!.node });
  }
  return credentialUsesOfValues(values, requestStart, context);
}

/** The same for parameters written as values (`{ apikey: key }`, `params.append('ticket', t)`). */
export function credentialUsesOfValues(values: ReadonlyArray<{ param: string; value: Node }>, requestStart: number, context: AnalysisContext): CredentialUse[] {
  const uses: CredentialUse[] = [];
  for (const { param, value: node } of values) {
    const value = throughWrappers(node);
    const env = envName(value);
    if (env !== undefined) {
      uses.push({ param, env: { name: env, at: requestStart } });
      continue;
    }
    if (value.type !== 'Identifier') continue;
    const binding = lexicalScopesOf(context.ast).bindingOf(value);
    if (binding && binding.kind !== 'function' && binding.kind !== 'class') uses.push({ param, declaration: { name: binding.name, start: binding.id.start ?? 0 } });
  }
  return uses;
}
