import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { blockerOf } from '../requests/carrier-blockers.js';
import { endpointOfValue, followCarrier } from '../requests/carrier-flow.js';
import { NO_CLAIMS, type Claims } from '../requests/claims.js';
import { mixedUrlsOf } from '../requests/mixed-urls.js';
import { reportGroup } from '../requests/object-report.js';
import { groupCarriers, type CarrierFlow } from '../requests/object-plan.js';
import { hasLegacy } from '../requests/object-request.js';
import { ParamFlow } from '../requests/param-flow.js';
import { wantsString } from '../requests/token-positions.js';
import type { Carrier, RequestShape } from '../shapes/request-shape.js';
import { createShapeTools } from '../shapes/shape-tools.js';
import { AtomBuilder } from '../strings/build-atoms.js';
import { quotePreference } from '../strings/quote-style.js';
import { isCandidateText } from '../candidate-anchors.js';

/**
 * Requests whose parameters are objects or calls rather than text: every shape contributes
 * carriers (where parameters are set), conversions and request calls; one flow analysis connects
 * them, so a value that passes through several shapes is judged, planned and reported once.
 * Returns what the string pass must know: the expressions it claimed, and where values go.
 */
export function detectObjectRequests(context: AnalysisContext, shapes: readonly RequestShape[]): Claims {
  // Cheap gate before any carrier search, on the prefilter's anchors rather than the parameter
  // names (Zoho constants may bring those in from another module). The runner's files passed the
  // prefilter already; analyzeSource/migrateSource take any text, and a page's script blocks come
  // here one by one, so the gate stays.
  if (!isCandidateText(context.text)) return NO_CLAIMS;
  const tools = createShapeTools(context, shapes);
  let lazyFlow: ParamFlow | undefined;
  const getFlow = () => (lazyFlow ??= new ParamFlow(tools, shapes));
  const paramNodes = new Set<Node>();
  const claims: Claims = { paramNodes, endpointOf: (node) => endpointOfValue(node, getFlow()) };
  const carriers = new Map<string, Carrier>();
  for (const shape of shapes) for (const carrier of shape.carriers?.(tools) ?? []) if (!carriers.has(carrier.id) && hasLegacy(carrier)) carriers.set(carrier.id, carrier);
  if (carriers.size === 0) return claims;

  const flow = getFlow();
  const flows: CarrierFlow[] = [];
  const mixed = new Set<Carrier>();
  const stringPositions = new Set<Carrier>();
  const builder = new AtomBuilder(context);
  for (const carrier of carriers.values()) {
    const result = followCarrier(carrier, flow, tools);
    const blocker = blockerOf(carrier, result, tools);
    flows.push({ carrier, proofs: result.proofs, ...(blocker ? { blocker } : {}) });
    if (wantsString(carrier, result)) stringPositions.add(carrier);
    const { isMixed, claimed } = mixedUrlsOf(result, builder, tools);
    if (isMixed) mixed.add(carrier);
    for (const node of claimed) paramNodes.add(node);
  }
  const quoteFor = quotePreference(context);
  for (const group of groupCarriers(flows)) reportGroup(group, context, tools, { mixed, stringPositions, quoteFor });
  return claims;
}
