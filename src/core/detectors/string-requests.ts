import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import type { Claims } from '../requests/claims.js';
import { legacyNames } from '../requests/legacy-names.js';
import { analyzeStringRequest } from '../requests/string-request.js';
import type { StringShape } from '../shapes/string-shape.js';
import { AtomBuilder } from '../strings/build-atoms.js';

/**
 * Requests built as strings, whatever the shape. Every shape collects candidates; a candidate
 * that turned out to be part of another (a constant inlined into a URL, the elements of a joined
 * array, the right-hand sides of `+=`) is analysed only as part of that one.
 */
export function detectStringRequests(context: AnalysisContext, shapes: readonly StringShape[], claims: Claims): void {
  const builder = new AtomBuilder(context);
  const names = legacyNames(context);
  const requests = shapes.flatMap((shape) => shape.collect(context, builder, names));
  const covered = new Set<Node>(builder.consumed);
  for (const request of requests) for (const node of request.covers) covered.add(node);
  const seen = new Set<Node>();
  for (const request of requests) {
    if (covered.has(request.root) || seen.has(request.root)) continue;
    seen.add(request.root);
    analyzeStringRequest(request, context, claims);
  }
}
