import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import type { Carrier } from '../shapes/request-shape.js';
import { isAnyType } from './declared-types.js';
import type { FlowResult } from './param-flow.js';
import { definedTokenExpr } from './token-expr.js';

/**
 * Does the token land where TypeScript wants a `string`: an `append`/`set` argument, an object
 * given to `new URLSearchParams`, a value with a declared type other than `any`?
 */
export function wantsString(carrier: Carrier, result: FlowResult): boolean {
  if (carrier.entries.some((entry) => entry.form.kind === 'call')) return true;
  const isSearchParams = (node: Node) => node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams';
  if (result.proofs.some((proof) => proof.holders.some(isSearchParams))) return true;
  return result.types.some((type) => !isAnyType(type)) || carrier.holders.some((holder) => {
    const annotation = (holder as { typeAnnotation?: Node | null }).typeAnnotation;
    return annotation ? !isAnyType(annotation) : false;
  });
}

/** The token for one carrier: asserted defined where TypeScript wants a string. */
export function tokenFor(carrier: Carrier, context: AnalysisContext, stringPositions: ReadonlySet<Carrier>): string {
  const tokenExpr = context.options.tokenExpr;
  return stringPositions.has(carrier) ? definedTokenExpr(tokenExpr, context.filePath) : tokenExpr;
}

