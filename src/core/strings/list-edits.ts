import type { Node } from '@babel/types';
import type { Edit } from '../findings.js';

export type ItemChange = { kind: 'keep' } | { kind: 'replace'; text: string } | { kind: 'remove' };

/** An item of a separated list (chain operands, call arguments, array elements) and its parentheses. */
export interface ListItem {
  start: number;
  end: number;
  /** Including wrapping parentheses, which must go when the item goes. */
  outerStart: number;
  outerEnd: number;
}

/** The item range of a node, widened to its wrapping parentheses (Babel records only the opening one). */
export function listItem(node: Node, text: string): ListItem {
  const start = node.start ?? 0;
  const end = node.end ?? 0;
  const extra = (node as { extra?: { parenthesized?: boolean; parenStart?: number } }).extra;
  if (!extra?.parenthesized || extra.parenStart === undefined) return { start, end, outerStart: start, outerEnd: end };
  const close = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*\)/.exec(text.slice(end));
  return { start, end, outerStart: extra.parenStart, outerEnd: close ? end + close[0].length : end };
}

/**
 * Edits for a list whose items are kept, replaced or removed, with new items inserted after
 * others. A removed item takes the separator before it with it (after it, when it is first), so
 * the layout of the rest (line breaks, comments, spacing) is untouched. Returns null when every
 * item would be removed: the owner of the list decides what empty means.
 */
export function listEdits(
  items: readonly ListItem[],
  changes: readonly ItemChange[],
  inserts: ReadonlyArray<{ after: number; text: string }>,
  separator: string,
): Edit[] | null {
  const isRemoved = (i: number) => changes[i]?.kind === 'remove';
  if (items.length > 0 && items.every((_, i) => isRemoved(i)) && inserts.length === 0) return null;
  const edits: Edit[] = [];
  for (let i = 0; i < items.length; i++) {
    const change = changes[i];
    const item = items[i]!;
    if (change?.kind === 'replace') edits.push({ start: item.start, end: item.end, text: change.text });
    if (!isRemoved(i)) continue;
    let j = i;
    while (j + 1 < items.length && isRemoved(j + 1)) j++;
    const previous = items[i - 1];
    const next = items[j + 1];
    if (previous) edits.push({ start: previous.outerEnd, end: items[j]!.outerEnd, text: '' });
    else if (next) edits.push({ start: item.outerStart, end: next.outerStart, text: '' });
    else edits.push({ start: item.outerStart, end: items[j]!.outerEnd, text: '' });
    i = j;
  }
  const grouped = new Map<number, string>();
  for (const insert of inserts) grouped.set(insert.after, (grouped.get(insert.after) ?? '') + separator + insert.text);
  for (const [after, text] of grouped) {
    const anchor = items[after];
    if (anchor) edits.push({ start: anchor.outerEnd, end: anchor.outerEnd, text });
  }
  return edits;
}
