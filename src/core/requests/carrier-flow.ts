import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { Carrier, ShapeTools } from '../shapes/request-shape.js';
import { classifyRequestText, type Endpoint } from '../zoho/endpoint.js';
import { urlObjectText } from './known-text.js';
import { judgeEndpoints } from './endpoint-verdict.js';
import type { FlowResult, ParamFlow } from './param-flow.js';

/** Where a carrier's parameters go, from its own starts, the values a helper's parameter receives, and a `new URL`. */
export function followCarrier(carrier: Carrier, flow: ParamFlow, tools: ShapeTools): FlowResult {
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

/** What the requests a value reaches prove about it, as an endpoint: one Zoho service, or only other hosts. */
export function endpointOfValue(node: Node, flow: ParamFlow): Endpoint | undefined {
  const verdict = judgeEndpoints(flow.follow([node], []).proofs.map((proof) => proof.endpoint));
  if (verdict.kind === 'zoho') return { kind: 'service', service: verdict.service, host: null };
  if (verdict.kind === 'unknown-zoho') return { kind: 'unknown-zoho', host: verdict.host };
  if (verdict.kind === 'not-zoho') return { kind: 'other', host: '' };
  return undefined;
}
