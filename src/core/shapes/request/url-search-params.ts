import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { mutationCarrier } from '../../requests/object-request.js';
import type { Carrier, RequestShape, ShapeTools } from '../request-shape.js';
import { isLegacyKeyName } from '../../zoho/services.js';

const MUTATORS = new Set(['append', 'set']);

/** The legacy name an `append`/`set` call sets, written out or held in a constant. */
function setsLegacyName(args: readonly Node[], tools: ShapeTools): boolean {
  const key = args[0];
  if (!key || args.length !== 2) return false;
  const name = tools.context.evaluator.evaluateString(key);
  return name !== undefined && isLegacyKeyName(name);
}

/**
 * URLSearchParams: `new URLSearchParams({ ... })` carries an object's parameters on, and
 * `params.append('apikey', k)` / `.set(...)` / `url.searchParams.set('ticket', t)` on a
 * `new URL('https://crm.zoho.com/...')` set them one call at a time.
 */
export const urlSearchParamsShape: RequestShape = {
  id: 'url-search-params',
  conversion(call, index) {
    const callee = unwrapExpression(call.callee);
    return call.type === 'NewExpression' && index === 0 && callee.type === 'Identifier' && callee.name === 'URLSearchParams' ? 'params' : undefined;
  },
  carriers(tools) {
    const carriers: Carrier[] = [];
    for (const call of tools.context.index.ofType('CallExpression')) {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || !MUTATORS.has(staticPropertyName(callee.property, callee.computed) ?? '')) continue;
      if (!setsLegacyName(call.arguments as Node[], tools)) continue;
      const target = unwrapExpression(callee.object);
      if (target.type === 'Identifier') {
        const binding = tools.bindingOf(target);
        if (binding) carriers.push(mutationCarrier(binding, false, tools));
      } else if (target.type === 'MemberExpression' && staticPropertyName(target.property, target.computed) === 'searchParams') {
        const owner = unwrapExpression(target.object);
        const binding = owner.type === 'Identifier' ? tools.bindingOf(owner) : undefined;
        if (binding) carriers.push(mutationCarrier(binding, true, tools));
      }
    }
    return carriers;
  },
};
