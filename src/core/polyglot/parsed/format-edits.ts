import type { Edit } from '../../findings.js';
import type { PlannedParam } from '../../strings/plan-rewrite.js';
import { renumberEdits } from './format-fields.js';
import type { ParsedContext } from './parsed-context.js';
import type { AtomParam } from './query-scan.js';
import type { Chain } from './string-atoms.js';

// The edits a format call needs besides its placeholders': arguments removed, fields renumbered.

/** `.format()` arguments removed with their fields: the numbered fields after them count down. */
export function renumbering(plan: readonly PlannedParam<AtomParam>[], owners: ReadonlyMap<AtomParam, Chain>, context: ParsedContext): Edit[] {
  const removed = new Map<Chain, number[]>();
  for (const { param, action } of plan) {
    const hole = param.value[0];
    if ((action !== 'scope' && action !== 'remove') || hole?.kind !== 'hole' || hole.place.kind !== 'placeholder') continue;
    const chain = owners.get(param)!;
    removed.set(chain, [...(removed.get(chain) ?? []), hole.place.argIndex]);
  }
  return [...removed].flatMap(([chain, indices]) => renumberEdits(chain.format!, indices, context.grammar, context.text));
}

/** Removes a format argument with its comma; `"..." % t` loses ` % t` whole. */
export function argumentRemoval(chain: Chain, argIndex: number, context: ParsedContext): Edit[] {
  const format = chain.format!;
  if (format.isSingleValue) return [{ start: format.literal.end, end: format.whole.end, text: '' }];
  const list = format.head ? [format.head, ...format.args] : format.args;
  const index = format.head ? argIndex + 1 : argIndex;
  const arg = list[index]!;
  const next = list[index + 1];
  if (next) return [{ start: arg.start, end: next.start, text: '' }];
  const previous = list[index - 1];
  if (previous) return [{ start: previous.end, end: arg.end, text: '' }];
  // The only argument of `.format(t)` or `% (t,)`: the trailing comma of a one-tuple goes too.
  const after = /^\s*,/.exec(context.text.slice(arg.end));
  return [{ start: arg.start, end: arg.end + (after ? after[0].length : 0), text: '' }];
}
