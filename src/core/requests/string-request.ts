import type { Node } from '@babel/types';
import type { AnalysisContext, DraftFinding } from '../context.js';
import type { CredentialUse } from '../credentials/credential-use.js';
import { credentialUses } from '../credentials/credential-uses.js';
import { reportKeptParts } from '../credentials/kept-parts.js';
import { atomsText } from '../strings/atoms.js';
import { LEGACY_KEY_TEXT } from '../strings/build-atoms.js';
import { describeLegacyParams, planParamRewrite, planToOps } from '../strings/plan-rewrite.js';
import { scanQueryParams, type QueryParam } from '../strings/query-params.js';
import { renderOps } from '../strings/render-edits.js';
import type { RewriteOps } from '../strings/rewrite-ops.js';
import { classifyTailPart } from '../strings/separate-parameter.js';
import { UNKNOWN_VALUE, classifyRequestText } from '../zoho/endpoint.js';
import { hasApiKeyAndTicket } from '../zoho/legacy-param-names.js';
import { isLegacyParamName } from '../zoho/services.js';
import type { StringRequest } from '../shapes/string-shape.js';
import type { Claims } from './claims.js';
import { reportHardcodedCredentials } from './hardcoded-credentials.js';
import { judgeEndpoints } from './endpoint-verdict.js';
import { definedTokenExpr } from './token-expr.js';
import { FOREIGN_CONSTANT_REASON, reportUnlessService, serviceMessages, type ReportMessage } from './verdict-report.js';

/**
 * One built string, start to finish: where does it go, which legacy parameters does it carry,
 * and the edits that migrate it (or the reason it cannot be migrated automatically).
 */
export function analyzeStringRequest(request: StringRequest, context: AnalysisContext, claims: Claims): void {
  const params = scanQueryParams(request.atoms);
  const legacy = params.filter((param) => isLegacyParamName(param.name));
  const opaqueLegacy = request.atoms.some((atom) => atom.kind === 'hole' && atom.known !== undefined && LEGACY_KEY_TEXT.test(atom.known));
  if (legacy.length === 0 && !opaqueLegacy) return;

  const endpoint = classifyRequestText(atomsText(request.atoms, UNKNOWN_VALUE), context.options.services) ?? claims.endpointOf(flowStart(request.root));
  const where = { start: request.start, end: request.end };
  const names = describeLegacyParams(params) || 'apikey/ticket';
  // ReportMessage checked `data` against the message; TypeScript cannot follow a generic id into the union.
  const unfixed: ReportMessage = (messageId, data) => context.report({ ruleId: 'legacy-auth-params', messageId, data, ...where, fixable: false } as DraftFinding);

  const subject = { params: names, isSuspicious: () => context.mentionsZoho || hasApiKeyAndTicket(legacy.map((param) => param.name), context.options.services) };
  const service = reportUnlessService(judgeEndpoints([endpoint]), subject, context, (messageId, data) => {
    unfixed(messageId, data);
    reportHardcodedCredentials(legacy, context, false);
  });
  if (!service) return;

  const serviceLegacy = params.filter((param) => isLegacyParamName(param.name, service));
  const messages = serviceMessages(service, describeLegacyParams(params, service) || names, context);
  const { scope, data } = messages;
  if (serviceLegacy.length === 0) {
    // Invoice's apikey stays beside the token: with no ticket, nothing here is legacy for it.
    if (opaqueLegacy) unfixed('unfixable', messages.unfixable(FOREIGN_CONSTANT_REASON));
    return;
  }
  const pathStyle = params.find((param) => param.isPathStyle);
  if (pathStyle && !service.hasPathStyleParams) {
    const reason = `its ${pathStyle.name} is written in the URL path, which ${service.name} never accepted`;
    reportHardcodedCredentials(serviceLegacy, context, false);
    unfixed('unfixable', messages.unfixable(reason));
    return;
  }
  // `CRM + '?' + qs.stringify({ apikey }) + '&ticket=' + t`: the object is rewritten on its own; doing both would add two authtokens.
  const isClaimed = claims.paramNodes.has(request.root) || request.covers.some((node) => claims.paramNodes.has(node));
  if (isClaimed || request.atoms.some((atom) => atom.kind === 'hole' && claims.paramNodes.has(atom.node))) {
    const reason = 'an object sent with the same request sets parameters too';
    unfixed('unfixable', messages.unfixable(reason));
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
    unfixed('unfixable', messages.unfixable(edits));
    return;
  }
  const removes = [...credentialUses(serviceLegacy, request.start, context), ...keptUses(typeof ops === 'string' ? [] : ops.keptUnproven, context)];
  context.report({
    ruleId: 'legacy-auth-params',
    messageId: messages.fixedId,
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
