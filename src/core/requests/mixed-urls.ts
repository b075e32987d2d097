import type { Node } from '@babel/types';
import { unwrapExpression } from '../ast/node-utils.js';
import type { ShapeTools } from '../shapes/request-shape.js';
import type { AtomBuilder } from '../strings/build-atoms.js';
import { LEGACY_KEY_TEXT } from '../strings/build-atoms.js';
import { scanQueryParams } from '../strings/query-params.js';
import { namesAlternation, perServiceTable } from '../zoho/legacy-param-names.js';
import { isLegacyParamName } from '../zoho/services.js';
import { knownText } from './known-text.js';
import type { FlowResult } from './param-flow.js';

const legacyInUrl = perServiceTable(({ all }) => new RegExp(`[?&](${namesAlternation(all)})=`, 'i'));

/** The expressions a URL variable is built from, where a string request over it would be rooted. */
function urlDefinitions(url: Node, tools: ShapeTools): Node[] {
  const inner = unwrapExpression(url);
  const binding = inner.type === 'Identifier' ? tools.bindingOf(inner) : undefined;
  if (!binding) return [];
  const writes = binding.writes.flatMap((write) => (write.type === 'AssignmentExpression' ? [write.right, tools.context.index.parentOf(write) ?? write] : []));
  const declarator = tools.context.index.parentOf(binding.id);
  return [...(binding.init ? [binding.init] : []), ...(declarator?.type === 'VariableDeclarator' ? [tools.context.index.parentOf(declarator) ?? declarator] : []), ...writes];
}

/**
 * Where a carrier's parameters meet a URL string that spells legacy parameters too: the string
 * rewrite and the object rewrite would each add an authtoken. `claimed` are the expressions the
 * string pass must leave to the object pass; `isMixed` says this carrier's request is such a URL.
 */
export function mixedUrlsOf(result: FlowResult, builder: AtomBuilder, tools: ShapeTools): { isMixed: boolean; claimed: Node[] } {
  const { context } = tools;
  const claimed: Node[] = [];
  let isMixed = false;
  // `CRM + '?' + qs.stringify(p) + '&ticket=' + t`
  for (const { hole, chain } of result.chainHoles) {
    claimed.push(hole);
    if (scanQueryParams(builder.atoms(builder.chain(chain))).some((param) => isLegacyParamName(param.name))) isMixed = true;
  }
  // `request.get(CRM + '?apikey=' + k, { qs: { ticket: t } })`: the same, across the URL and the options.
  for (const proof of result.proofs) {
    const url = proof.request?.parts.url ?? proof.request?.parts.path;
    if (!url) continue;
    const definitions = urlDefinitions(url, tools);
    const spellsLegacy = legacyInUrl(context.options.services).test(knownText(url, { evaluator: context.evaluator, scopes: tools.scopes })) || definitions.some((node) => LEGACY_KEY_TEXT.test(context.sourceOf(node)));
    if (!spellsLegacy) continue;
    isMixed = true;
    claimed.push(url, ...definitions);
  }
  return { isMixed, claimed };
}
