import type { CredentialUse } from '../../credentials/credential-use.js';
import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import { formatCallOf } from './format-fields.js';
import { namedChildren } from './grammar.js';
import type { ParsedContext } from './parsed-context.js';
import type { AtomParam } from './query-scan.js';
import type { HoleAtom } from './string-atoms.js';

/** A tail that stops the rewrite (why), or what was kept without proof (a `kept-part` note each). */
export type TailCheck = { reason: string } | { kept: CredentialUse[] };

/**
 * What follows a credential's value before the next `&` stays byte for byte, as in JavaScript
 * (strings/plan-rewrite.ts): text glued to the value is refused, because it would end up glued to
 * the token or the scope; an expression the file proves empty or starting with `&`/`#` is kept
 * silently; one it cannot prove is kept and named in a note, so a human checks it once.
 */
export function checkTails(params: readonly AtomParam[], context: ParsedContext): TailCheck {
  const { text } = context;
  const kept: CredentialUse[] = [];
  for (const param of params) {
    for (const atom of param.tail) {
      if (atom.kind === 'char') return { reason: `text follows the ${param.name} value without a separator` };
      const lead = leadingText(atom, context);
      if (lead === '') continue;
      if (lead.startsWith('&') || lead.startsWith('#')) break;
      if (!lead.startsWith(UNKNOWN_VALUE)) return { reason: `the ${param.name} value continues with a constant` };
      const { start, end } = atom.node;
      kept.push({ param: param.name, kept: { start, end, code: text.slice(start, end) } });
      break;
    }
  }
  return { kept };
}

/**
 * The known text a part starts with. A format expression (`'&fromIndex=%d' % (a,)`) starts with
 * its format string up to the first placeholder, which the values table does not evaluate.
 */
function leadingText(atom: HoleAtom, context: ParsedContext): string {
  let node = atom.node;
  while (node.type === 'parenthesized_expression' && namedChildren(node).length === 1) node = namedChildren(node)[0]!;
  const format = formatCallOf(node, context.grammar, context.text);
  if (!format) return atom.known;
  const literal = context.values.evaluate(format.literal);
  const placeholder = literal.search(/[%{]/);
  return placeholder === -1 ? literal : literal.slice(0, placeholder) + UNKNOWN_VALUE;
}
