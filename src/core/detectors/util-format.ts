import type { CallExpression } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { calleeName } from '../ast/node-utils.js';
import type { StringRequest } from '../requests/string-request.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../strings/build-atoms.js';

/** Callees whose first argument is a printf-style template: Node's util.format and sprintf-js. */
function isFormatCall(call: CallExpression, context: AnalysisContext): boolean {
  const name = calleeName(call);
  if (name === 'util.format' || name === 'sprintf' || name === 'sprintf.sprintf') return true;
  if (name !== 'format') return false;
  // A bare `format` counts only when it is util's: `import { format } from 'util'`, `const { format } = require('node:util')`.
  const specifier = context.bindings.resolve('format')?.module?.specifier;
  return specifier === 'util' || specifier === 'node:util';
}

/**
 * `util.format('%s?apikey=%s&ticket=%s', base, key, ticket)`: the placeholders stand for the
 * arguments, so the argument list shrinks with the template.
 */
export function collectFormatCalls(context: AnalysisContext, builder: AtomBuilder): StringRequest[] {
  const requests: StringRequest[] = [];
  for (const call of context.index.ofType('CallExpression')) {
    const template = call.arguments[0];
    if (template?.type !== 'StringLiteral' || !LEGACY_KEY_TEXT.test(template.value)) continue;
    if (!isFormatCall(call, context) || call.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
    // Positional placeholders (`%1$s`) reorder arguments; leave those to a human.
    if (/%\d+\$/.test(template.value)) continue;
    const chain = builder.chain(template, { kind: 'format', call, formatIndex: 0 });
    requests.push({ root: call, start: call.start ?? 0, end: call.end ?? 0, atoms: builder.atoms(chain), covers: [template] });
  }
  return requests;
}
