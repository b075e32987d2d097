import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { analyzeStringRequest, type StringRequest } from '../requests/string-request.js';
import { AtomBuilder } from '../strings/build-atoms.js';
import { collectAppendSequences } from './append-assign.js';
import { collectArrayJoins } from './array-join.js';
import { legacyNames } from './legacy-names.js';
import { collectStringExpressions } from './string-expressions.js';
import { collectFormatCalls } from './util-format.js';

/**
 * Requests built as strings, whatever the shape. Every shape collects candidates; a candidate
 * that turned out to be part of another (a constant inlined into a URL, the elements of a joined
 * array, the right-hand sides of `+=`) is analysed only as part of that one.
 */
export function detectStringRequests(context: AnalysisContext): void {
  const builder = new AtomBuilder(context);
  const names = legacyNames(context);
  const requests: StringRequest[] = [
    ...collectFormatCalls(context, builder),
    ...collectAppendSequences(context, builder, names),
    ...collectArrayJoins(context, builder, names),
    ...collectStringExpressions(context, builder, names),
  ];
  const covered = new Set<Node>(builder.consumed);
  for (const request of requests) for (const node of request.covers) covered.add(node);
  const seen = new Set<Node>();
  for (const request of requests) {
    if (covered.has(request.root) || seen.has(request.root)) continue;
    seen.add(request.root);
    analyzeStringRequest(request, context);
  }
}
