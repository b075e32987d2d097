import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { credentialUses, type CredentialUse } from '../credentials/credential-uses.js';
import { reportKeptParts } from '../credentials/kept-parts.js';
import { atomsText, type Atom } from '../strings/atoms.js';
import { LEGACY_KEY_TEXT } from '../strings/build-atoms.js';
import { describeLegacyParams, planParamRewrite, planToOps } from '../strings/plan-rewrite.js';
import { scanQueryParams, type QueryParam } from '../strings/query-params.js';
import { renderOps } from '../strings/render-edits.js';
import type { RewriteOps } from '../strings/rewrite-ops.js';
import { classifyTailPart } from '../strings/separate-parameter.js';
import { UNKNOWN_VALUE, classifyRequestText } from '../zoho/endpoint.js';
import { isLegacyParamName, scopeOf, type ZohoService } from '../zoho/services.js';
import { reportHardcodedCredentials } from './hardcoded-credentials.js';
import { definedTokenExpr } from './token-expr.js';

/** A string the program builds for a request: a URL, a query string, or the pieces of one. */
export interface StringRequest {
  /** The candidate this request was found from; dropped when another request is made of it. */
  root: Node;
  /** The reported construct. */
  start: number;
  end: number;
  atoms: Atom[];
  /** Other candidate roots this request is made of: they are not analysed again on their own. */
  covers: Node[];
}

export function scopeFor(service: ZohoService, context: AnalysisContext): string | null {
  return scopeOf(service, context.options.scope);
}

/**
 * One built string, start to finish: where does it go, which legacy parameters does it carry,
 * and the edits that migrate it (or the reason it cannot be migrated automatically).
 */
export function analyzeStringRequest(request: StringRequest, context: AnalysisContext): void {
  const params = scanQueryParams(request.atoms);
  const legacy = params.filter((param) => isLegacyParamName(param.name));
  const opaqueLegacy = request.atoms.some((atom) => atom.kind === 'hole' && atom.known !== undefined && LEGACY_KEY_TEXT.test(atom.known));
  if (legacy.length === 0 && !opaqueLegacy) return;

  const endpoint = classifyRequestText(atomsText(request.atoms, UNKNOWN_VALUE), context.options.services) ?? context.requestEndpointOf?.(flowStart(request.root));
  const where = { start: request.start, end: request.end };
  const names = describeLegacyParams(params) || 'apikey/ticket';

  if (!endpoint) {
    const isSuspicious = context.mentionsZoho || hasBothKinds(legacy);
    if (!isSuspicious) return;
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unprovable', data: { params: names, scope: context.options.scope }, ...where, fixable: false });
    reportHardcodedCredentials(legacy, context, false);
    return;
  }
  if (endpoint.kind === 'unknown-zoho') {
    const reason = `${endpoint.host} is not a Zoho API of the apikey/ticket era this tool knows`;
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: 'API', params: names, reason }, ...where, fixable: false });
    reportHardcodedCredentials(legacy, context, false);
    return;
  }
  if (endpoint.kind !== 'service') return;

  const service = endpoint.service;
  const serviceLegacy = params.filter((param) => isLegacyParamName(param.name, service));
  const scope = scopeFor(service, context);
  const data = { service: service.name, params: describeLegacyParams(params, service) || names, scope: scope ?? 'none' };
  if (serviceLegacy.length === 0) {
    // Invoice's apikey stays beside the token: with no ticket, nothing here is legacy for it.
    if (!opaqueLegacy) return;
    const reason = 'the parameters come from a constant defined in another module';
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { ...data, reason }, ...where, fixable: false });
    return;
  }
  const pathStyle = params.find((param) => param.isPathStyle);
  if (pathStyle && !service.hasPathStyleParams) {
    const reason = `its ${pathStyle.name} is written in the URL path, which ${service.name} never accepted`;
    reportHardcodedCredentials(serviceLegacy, context, false);
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { ...data, reason }, ...where, fixable: false });
    return;
  }
  // `CRM + '?' + qs.stringify({ apikey }) + '&ticket=' + t`: the object is rewritten on its own; doing both would add two authtokens.
  const isClaimed = context.objectParamNodes.has(request.root) || request.covers.some((node) => context.objectParamNodes.has(node));
  if (isClaimed || request.atoms.some((atom) => atom.kind === 'hole' && context.objectParamNodes.has(atom.node))) {
    const reason = 'an object sent with the same request sets parameters too';
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { ...data, reason }, ...where, fixable: false });
    reportHardcodedCredentials(serviceLegacy, context, false);
    return;
  }
  const plan = planParamRewrite(params, service, scope);
  const pathSlash = pathStyle?.separatorBefore?.kind === 'char' ? pathStyle.separatorBefore : undefined;
  const tokenExpr = context.options.tokenExpr;
  const encodedTokenExpr = definedTokenExpr(tokenExpr, context.filePath);
  const classifyTail = (node: Node) => classifyTailPart(node, context);
  const ops = planToOps(plan, { text: context.text, tokenExpr, encodedTokenExpr, scope, classifyTail, ...(pathSlash ? { pathSlash } : {}) });
  const edits = typeof ops === 'string' ? ops : renderOps(request.atoms, ops, context);
  reportHardcodedCredentials(serviceLegacy, context, typeof edits !== 'string');
  if (typeof edits === 'string') {
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { ...data, reason: edits }, ...where, fixable: false });
    return;
  }
  const removes = [...credentialUses(serviceLegacy, request.start, context), ...keptUses(typeof ops === 'string' ? [] : ops.keptUnproven, context)];
  context.report({
    ruleId: 'legacy-auth-params',
    messageId: scope === null ? 'fixableWithoutScope' : 'fixable',
    data,
    ...where,
    fixable: true,
    edits,
    ...(removes.length > 0 ? { removes } : {}),
  });
  reportKeptParts(removes, context);
}

function keptUses(kept: RewriteOps['keptUnproven'], context: AnalysisContext): CredentialUse[] {
  return kept.map(({ param, node }) => ({ param, kept: { start: node.start ?? 0, end: node.end ?? node.start ?? 0, code: context.sourceOf(node) } }));
}

/** The expression whose value a request is: a declaration or `url = ...` statement stands for its value. */
function flowStart(root: Node): Node {
  if (root.type === 'VariableDeclaration') return root.declarations[0]?.init ?? root;
  if (root.type === 'ExpressionStatement' && root.expression.type === 'AssignmentExpression') return root.expression.right;
  return root;
}

function hasBothKinds(params: readonly QueryParam[]): boolean {
  const names = new Set(params.map((param) => param.name.toLowerCase()));
  return names.has('ticket') && (names.has('apikey') || names.has('zoho_api_key'));
}
