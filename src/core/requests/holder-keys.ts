import type { Node } from '@babel/types';
import { unwrapExpression } from '../ast/node-utils.js';
import type { ShapeTools } from '../shapes/request-shape.js';
import { mutationCarrier, objectEntries } from './object-request.js';

/**
 * The parameter names (lower case) an object or variable sets, for the plan to see every key one
 * request sends (which carrier takes the token, whether an authtoken or scope is there already).
 * Cached per holder; a holder built from itself ends the recursion with what is known so far.
 */
export function holderKeys(tools: ShapeTools): (holder: Node) => ReadonlySet<string> {
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

