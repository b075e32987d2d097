import type { Node } from '@babel/types';
import type { AnalysisContext, DraftFinding } from '../context.js';
import { credentialUsesOfValues } from '../credentials/credential-uses.js';
import type { Edit } from '../findings.js';
import type { MessageData, MessageId } from '../rules.js';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import { reportHardcodedValue } from '../requests/hardcoded-credentials.js';
import { knownText, urlObjectText } from '../requests/known-text.js';
import { definedTokenExpr } from '../requests/token-expr.js';
import { type EditStyle } from '../requests/object-edits.js';
import { describeGroup, groupCarriers, planGroup, type CarrierFlow } from '../requests/object-plan.js';
import { hasLegacy, legacyEntries, mutationCarrier, objectEntries, type Carrier } from '../requests/object-request.js';
import { judgeEndpoints } from '../requests/object-verdict.js';
import { isAnyType, isLooseType } from '../requests/declared-types.js';
import { ParamFlow, type FlowResult } from '../requests/param-flow.js';
import type { RequestShape, ShapeTools } from '../requests/request-shape.js';
import { scopeFor } from '../requests/string-request.js';
import { AtomBuilder, LEGACY_KEY_TEXT } from '../strings/build-atoms.js';
import { scanQueryParams } from '../strings/query-params.js';
import { classifyRequestText, type Endpoint } from '../zoho/endpoint.js';
import { isApiKeyKeyName, isLegacyKeyName, isLegacyParamName } from '../zoho/services.js';
import { createShapeTools } from './shape-tools.js';

// Cheap gate before any carrier search, the runner's prefilter words: a legacy name, or Zoho
// (whose constants may bring the names in from another module).
const LEGACY_WORD = /apikey|ticket|zoho/i;
// A legacy Zoho API named in the file: a lone `ticket` key is then worth a report.
const LEGACY_ZOHO_API = /\b(crm|recruit|support|creator|invoice|reportsapi)\.zoho\.|\/(crm|ats)\/private\//i;

/**
 * Requests whose parameters are objects or calls rather than text: every shape contributes
 * carriers (where parameters are set), conversions and request calls; one flow analysis connects
 * them, so a value that passes through several shapes is judged, planned and reported once.
 */
export function detectObjectRequests(context: AnalysisContext, shapes: readonly RequestShape[]): void {
  if (!LEGACY_WORD.test(context.text)) return;
  const tools = createShapeTools(context);
  let lazyFlow: ParamFlow | undefined;
  const getFlow = () => (lazyFlow ??= new ParamFlow(tools, shapes));
  context.requestEndpointOf = (node) => endpointOfValue(node, getFlow());
  const carriers = new Map<string, Carrier>();
  for (const shape of shapes) for (const carrier of shape.carriers?.(tools) ?? []) if (!carriers.has(carrier.id) && hasLegacy(carrier)) carriers.set(carrier.id, carrier);
  if (carriers.size === 0) return;

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
    // `CRM + '?' + qs.stringify(p) + '&ticket=' + t`: the string rewrite and this one would each add an authtoken.
    for (const { hole, chain } of result.chainHoles) {
      context.objectParamNodes.add(hole);
      if (scanQueryParams(builder.atoms(builder.chain(chain))).some((param) => isLegacyParamName(param.name))) mixed.add(carrier);
    }
    // `request.get(CRM + '?apikey=' + k, { qs: { ticket: t } })`: the same, across the URL and the options.
    for (const proof of result.proofs) {
      const url = proof.request?.parts.url ?? proof.request?.parts.path;
      if (!url) continue;
      const definitions = urlDefinitions(url, tools);
      const spellsLegacy = LEGACY_IN_URL.test(knownText(url, { evaluator: context.evaluator, scopes: tools.scopes })) || definitions.some((node) => LEGACY_KEY_TEXT.test(context.sourceOf(node)));
      if (!spellsLegacy) continue;
      mixed.add(carrier);
      for (const node of [url, ...definitions]) context.objectParamNodes.add(node);
    }
  }
  const quoteFor = quotePreference(context);
  for (const group of groupCarriers(flows)) reportGroup(group, context, tools, { mixed, stringPositions, quoteFor });
}

/**
 * Does the token land where TypeScript wants a `string`: an `append`/`set` argument, an object
 * given to `new URLSearchParams`, a value with a declared type other than `any`?
 */
function wantsString(carrier: Carrier, result: FlowResult): boolean {
  if (carrier.entries.some((entry) => entry.form.kind === 'call')) return true;
  const isSearchParams = (node: Node) => node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams';
  if (result.proofs.some((proof) => proof.holders.some(isSearchParams))) return true;
  return result.types.some((type) => !isAnyType(type)) || carrier.holders.some((holder) => {
    const annotation = (holder as { typeAnnotation?: Node | null }).typeAnnotation;
    return annotation ? !isAnyType(annotation) : false;
  });
}

/** The token for one carrier: asserted defined where TypeScript wants a string. */
function tokenFor(carrier: Carrier, context: AnalysisContext, stringPositions: ReadonlySet<Carrier>): string {
  const tokenExpr = context.options.tokenExpr;
  return stringPositions.has(carrier) ? definedTokenExpr(tokenExpr, context.filePath) : tokenExpr;
}

/** What the requests a value reaches prove about it, as an endpoint: one Zoho service, or only other hosts. */
function endpointOfValue(node: Node, flow: ParamFlow): Endpoint | undefined {
  const verdict = judgeEndpoints(flow.follow([node], []).proofs.map((proof) => proof.endpoint));
  if (verdict.kind === 'zoho') return { kind: 'service', service: verdict.service, host: null };
  if (verdict.kind === 'unknown-zoho') return { kind: 'unknown-zoho', host: verdict.host };
  if (verdict.kind === 'not-zoho') return { kind: 'other', host: '' };
  return undefined;
}

const LEGACY_IN_URL = /[?&](apikey|ticket|ZOHO_API_KEY)=/i;

/** The expressions a URL variable is built from, where a string request over it would be rooted. */
function urlDefinitions(url: Node, tools: ShapeTools): Node[] {
  const inner = unwrapExpression(url);
  const binding = inner.type === 'Identifier' ? tools.bindingOf(inner) : undefined;
  if (!binding) return [];
  const writes = binding.writes.flatMap((write) => (write.type === 'AssignmentExpression' ? [write.right, tools.context.index.parentOf(write) ?? write] : []));
  const declarator = tools.context.index.parentOf(binding.id);
  return [...(binding.init ? [binding.init] : []), ...(declarator?.type === 'VariableDeclarator' ? [tools.context.index.parentOf(declarator) ?? declarator] : []), ...writes];
}

/** Where a carrier's parameters go, from its own starts, the values a helper's parameter receives, and a `new URL`. */
function followCarrier(carrier: Carrier, flow: ParamFlow, tools: ShapeTools): FlowResult {
  const starts = [...carrier.starts];
  const holders = [...carrier.holders];
  const fixedUrls = carrier.fixedUrl ? [carrier.fixedUrl] : [];
  for (const holder of carrier.holders) {
    const binding = holder.type === 'Identifier' ? tools.bindingOf(holder) : undefined;
    if (!binding) continue;
    for (const argument of flow.argumentBindings(binding)) {
      starts.push(...argument.references);
      holders.push(argument.id);
    }
    // `const params = url.searchParams`: the URL is the request.
    const init = binding.init ? unwrapExpression(binding.init) : undefined;
    if (init?.type === 'MemberExpression' && staticPropertyName(init.property, init.computed) === 'searchParams') fixedUrls.push(init.object);
  }
  const result = flow.follow(starts, holders);
  for (const url of fixedUrls) {
    const text = urlObjectText(url, { evaluator: tools.context.evaluator, scopes: tools.scopes });
    result.proofs.push({ root: url, endpoint: classifyRequestText(text, tools.context.options.services), holders });
  }
  return result;
}

/**
 * What would make the rename wrong even for a Zoho request: a declared type that names the legacy
 * keys (the output would no longer type-check), or code that reads `params.ticket` back.
 */
function blockerOf(carrier: Carrier, result: FlowResult, tools: ShapeTools): string | undefined {
  const { context } = tools;
  const holderIds = new Set<Node>([...carrier.holders, ...result.proofs.flatMap((proof) => proof.holders)].filter((node) => node.type === 'Identifier'));
  const types = [...result.types];
  // The flow saw the declared types on its way (until the parameters became a string); the carrier's own variable is added here.
  for (const id of carrier.holders) {
    const annotation = (id as { typeAnnotation?: Node | null }).typeAnnotation;
    if (annotation) types.push(annotation);
  }
  const type = types.find((annotation) => !isLooseType(annotation));
  if (type) {
    const line = context.lines.position(type.start ?? 0).line;
    return `their declared type (${context.sourceOf(type).replace(/^:\s*/, '')}, line ${line}) names them too`;
  }
  for (const id of holderIds) {
    for (const reference of tools.bindingOf(id)?.references ?? []) {
      const member = context.index.parentOf(reference);
      // `const { ticket } = params`
      if (member?.type === 'VariableDeclarator' && member.init === reference && member.id.type === 'ObjectPattern') {
        const read = member.id.properties.find((property) => property.type === 'ObjectProperty' && isLegacyKeyName(staticPropertyName(property.key, property.computed) ?? ''));
        if (read) return `${context.sourceOf(member)} reads them back at line ${context.lines.position(member.start ?? 0).line}`;
      }
      if (member?.type !== 'MemberExpression' || member.object !== reference) continue;
      const name = member.computed ? context.evaluator.evaluateString(member.property) : staticPropertyName(member.property, false);
      const outer = context.index.parentOf(member);
      const isWrite = outer?.type === 'AssignmentExpression' && outer.left === member;
      if (name !== undefined && isLegacyKeyName(name) && !isWrite) {
        return `${context.sourceOf(member)} is read at line ${context.lines.position(member.start ?? 0).line}`;
      }
    }
  }
  return undefined;
}

function keysOf(tools: ShapeTools): (holder: Node) => ReadonlySet<string> {
  const cache = new Map<Node, Set<string>>();
  const compute = (holder: Node): Set<string> => {
    const keys = new Set<string>();
    const inner = unwrapExpression(holder);
    if (inner.type === 'ObjectExpression') for (const entry of objectEntries(inner)) keys.add(entry.name.toLowerCase());
    if (inner.type === 'NewExpression' && inner.arguments[0]?.type === 'ObjectExpression') for (const entry of objectEntries(inner.arguments[0])) keys.add(entry.name.toLowerCase());
    if (inner.type === 'Identifier') {
      const binding = tools.bindingOf(inner);
      if (binding) {
        for (const entry of mutationCarrier(binding, false, tools).entries) keys.add(entry.name.toLowerCase());
        if (binding.init) for (const key of get(binding.init)) keys.add(key);
      }
    }
    return keys;
  };
  const get = (holder: Node): Set<string> => {
    let keys = cache.get(holder);
    if (!keys) {
      cache.set(holder, new Set());
      keys = compute(holder);
      cache.set(holder, keys);
    }
    return keys;
  };
  return get;
}

/**
 * The quote the code around a carrier writes strings with: the majority among its own string
 * literals, else the file's, else a single quote.
 */
function quotePreference(context: AnalysisContext): (carrier: Carrier) => string {
  const literals = context.index.ofType('StringLiteral').map((literal) => ({ start: literal.start ?? 0, quote: context.text[literal.start ?? 0] }));
  const majority = (list: typeof literals) => {
    const double = list.filter((literal) => literal.quote === '"').length;
    const single = list.filter((literal) => literal.quote === "'").length;
    return single === double ? undefined : single > double ? "'" : '"';
  };
  const fileQuote = majority(literals) ?? "'";
  return (carrier) => {
    // The list is in source order: find the carrier's literals by binary search.
    let low = 0;
    let high = literals.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (literals[middle]!.start < carrier.start) low = middle + 1;
      else high = middle;
    }
    let end = low;
    while (end < literals.length && literals[end]!.start < carrier.end) end++;
    return majority(literals.slice(low, end)) ?? fileQuote;
  };
}

function isSuspicious(group: readonly CarrierFlow[], context: AnalysisContext): boolean {
  const names = group.flatMap(({ carrier }) => [...legacyEntries(carrier).map((entry) => entry.name), ...carrier.dynamic.flatMap((d) => d.names), ...(carrier.otherNames ?? [])]);
  const hasApiKey = names.some((name) => isApiKeyKeyName(name));
  const hasTicket = names.some((name) => name === 'ticket');
  return (hasApiKey && hasTicket) || (hasApiKey && context.mentionsZoho) || (hasTicket && LEGACY_ZOHO_API.test(context.text));
}

interface FileFacts {
  /** Carriers whose request also spells a legacy parameter in its URL text. */
  mixed: ReadonlySet<Carrier>;
  /** Carriers whose token lands where TypeScript wants a string. */
  stringPositions: ReadonlySet<Carrier>;
  quoteFor: (carrier: Carrier) => string;
}

function reportGroup(group: readonly CarrierFlow[], context: AnalysisContext, tools: ShapeTools, facts: FileFacts): void {
  const { mixed, stringPositions, quoteFor } = facts;
  const verdict = judgeEndpoints(group.flatMap(({ proofs }) => proofs.map((proof) => proof.endpoint)));
  if (verdict.kind === 'not-zoho') return;
  const report = <M extends MessageId<'legacy-auth-params'>>(messageId: M, data: MessageData<'legacy-auth-params', M>['data'], plans?: Map<Carrier, Edit[]>) => {
    for (const { carrier } of group) {
      const edits = plans?.get(carrier);
      const fixable = Boolean(edits);
      // In a fixable group, a carrier with nothing of this service's to change is not part of the finding.
      if (plans && !edits) continue;
      const removes = edits ? credentialUsesOfValues(legacyEntries(carrier).map((entry) => ({ param: entry.name, value: entry.value })), carrier.start, context) : [];
      // The call above checked `data` against the message; TypeScript cannot follow a generic id into the union.
      context.report({ ruleId: 'legacy-auth-params', messageId, data, start: carrier.start, end: carrier.end, fixable, ...(edits ? { edits } : {}), ...(removes.length > 0 ? { removes } : {}) } as DraftFinding);
      for (const entry of legacyEntries(carrier)) reportHardcodedValue(entry.name, entry.value, context, fixable);
    }
  };
  const dynamic = group.flatMap(({ carrier }) => carrier.dynamic);
  const dynamicData = (scope: string) => ({ params: describeGroup(group), how: dynamic.map((d) => d.how).join(', '), scope });

  if (verdict.kind === 'unproven') {
    if (!isSuspicious(group, context)) return;
    if (dynamic.length > 0) return report('dynamic', dynamicData(context.options.scope));
    return report('unprovable', { params: describeGroup(group), scope: context.options.scope });
  }
  if (verdict.kind === 'unknown-zoho' || verdict.kind === 'conflict') {
    const reason = verdict.kind === 'conflict' ? verdict.reason : `${verdict.host} is not a Zoho API of the apikey/ticket era this tool knows`;
    return report('unfixable', { service: 'API', params: describeGroup(group), reason });
  }
  const service = verdict.service;
  const scope = scopeFor(service, context);
  const data = { service: service.name, params: describeGroup(group, service), scope: scope ?? 'none' };
  if (dynamic.length > 0) return report('dynamic', dynamicData(scope ?? 'none'));
  const foreign = group.find(({ carrier }) => carrier.foreignReason)?.carrier.foreignReason;
  if (foreign) return report('unfixable', { ...data, reason: foreign });
  if (group.some(({ carrier }) => mixed.has(carrier))) return report('unfixable', { ...data, reason: 'the same URL also spells apikey/ticket in its text' });
  const blocker = group.find((flow) => flow.blocker)?.blocker;
  if (blocker) return report('unfixable', { ...data, reason: blocker });
  const style = (carrier: Carrier): EditStyle => ({ text: context.text, tokenExpr: tokenFor(carrier, context, stringPositions), scope, quote: quoteFor(carrier) });
  const plans = planGroup(group, service, keysOf(tools), style);
  if (typeof plans === 'string') return report('unfixable', { ...data, reason: plans });
  report(scope === null ? 'fixableWithoutScope' : 'fixable', data, new Map(plans.map((plan) => [plan.carrier, plan.edits])));
}
