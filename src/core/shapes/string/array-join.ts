import type { AnalysisContext } from '../../context.js';
import { staticPropertyName } from '../../ast/node-utils.js';
import type { StringRequest, StringShape } from '../string-shape.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../../strings/build-atoms.js';

/**
 * `['apikey=' + k, 'ticket=' + t, 'x=1'].join('&')`, or an array built with `push` and joined:
 * each element is one parameter. A join inside a larger URL is part of that URL's request; this
 * collects the joins that stand on their own.
 */
function collectArrayJoins(context: AnalysisContext, builder: AtomBuilder, names: ReadonlySet<string>): StringRequest[] {
  const requests: StringRequest[] = [];
  for (const call of context.index.ofType('CallExpression')) {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee.property, callee.computed) !== 'join') continue;
    const object = callee.object;
    const isLegacy = object.type === 'Identifier' ? names.has(object.name) : LEGACY_KEY_TEXT.test(context.sourceOf(object));
    if (!isLegacy) continue;
    const atoms = builder.joinedArrayAtoms(call, 0);
    if (atoms) requests.push({ root: call, start: call.start ?? 0, end: call.end ?? 0, atoms, covers: [] });
  }
  return requests;
}

export const arrayJoinShape: StringShape = { id: 'array-join', collect: collectArrayJoins };
