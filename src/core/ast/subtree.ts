import type { Node } from '@babel/types';
import { visitorKeys } from './visitor-keys.js';

/** The nodes of one subtree, the root included, in no particular order: O(size of the subtree). */
export function subtreeNodes(root: Node): Node[] {
  const keysByType = visitorKeys();
  const nodes: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    for (const key of keysByType[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      } else if (child && typeof (child as Node).type === 'string') stack.push(child as Node);
    }
  }
  return nodes;
}

/** Nodes of a list sorted by start (NodeIndex.ofType) that lie within [start, end): found by binary search. */
export function nodesWithin<T extends Node>(sorted: readonly T[], start: number, end: number): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]!.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && (sorted[i]!.start ?? 0) < end; i++) if ((sorted[i]!.end ?? 0) <= end) found.push(sorted[i]!);
  return found;
}
