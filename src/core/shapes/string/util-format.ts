import type { CallExpression, Node } from '@babel/types';
import { lexicalScopesOf } from '../../scope/lexical-scopes.js';
import type { AnalysisContext } from '../../context.js';
import { calleeName } from '../../ast/node-utils.js';
import type { StringRequest, StringShape } from '../string-shape.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../../strings/build-atoms.js';

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
function collectFormatCalls(context: AnalysisContext, builder: AtomBuilder): StringRequest[] {
  const requests: StringRequest[] = [];
  for (const call of context.index.ofType('CallExpression')) {
    const template = formatTemplate(call.arguments[0], context);
    if (template?.type !== 'StringLiteral' || !LEGACY_KEY_TEXT.test(template.value)) continue;
    if (!isFormatCall(call, context) || call.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
    // Positional placeholders (`%1$s`) reorder arguments; leave those to a human.
    if (/%\d+\$/.test(template.value)) continue;
    const chain = builder.chain(template, { kind: 'format', call, formatIndex: 0 });
    requests.push({ root: call, start: call.start ?? 0, end: call.end ?? 0, atoms: builder.atoms(chain), covers: [template] });
  }
  return requests;
}

/**
 * The format string, written in the call or held in a constant of this module that nothing but
 * this call reads (`const LEADS = '...?apikey=%s&ticket=%s'; util.format(LEADS, k, t)`): the
 * constant is rewritten where it is written and the call's arguments shrink with it. A constant
 * two calls share, or one that is exported, may mean other arguments elsewhere: left to a human.
 */
function formatTemplate(arg: Node | undefined, context: AnalysisContext): Node | undefined {
  if (arg?.type !== 'Identifier') return arg;
  const binding = context.bindings.resolve(arg.name);
  const init = binding?.init;
  if (!binding || binding.module || !context.bindings.isConstant(binding) || init?.type !== 'StringLiteral') return undefined;
  const declaration = context.index.parentOf(context.index.parentOf(binding.id) ?? binding.id);
  if (declaration && context.index.parentOf(declaration)?.type === 'ExportNamedDeclaration') return undefined;
  const references = lexicalScopesOf(context.ast).bindingOf(arg)?.references ?? [];
  return references.length === 1 && references[0] === arg ? init : undefined;
}

export const utilFormatShape: StringShape = { id: 'util-format', collect: (context, builder) => collectFormatCalls(context, builder) };
