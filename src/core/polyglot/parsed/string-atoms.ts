import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import { argumentValue, formatCallOf, formatFields, type FormatCall } from './format-fields.js';
import { HEREDOC_TYPES, heredocParts } from './heredoc.js';
import { isBinary, namedChildren, operatorOf, textOf, type Grammar } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';
import type { Values } from './values.js';

/**
 * A string the program builds, seen as atoms: literal characters (each with its place in the
 * source) and holes (an expression: a concatenation operand, an interpolation, or the argument a
 * format placeholder stands for). Query parameters are read on the atoms; edits go back to the
 * exact source ranges, so nothing else of the expression changes.
 */
export type Atom = CharAtom | HoleAtom;

export interface CharAtom {
  kind: 'char';
  ch: string;
  start: number;
  end: number;
  literal: SyntaxNode;
}

export interface HoleAtom {
  kind: 'hole';
  /** The expression whose value stands here. */
  node: SyntaxNode;
  /** Its text as far as the file fixes it (UNKNOWN_VALUE for the rest). */
  known: string;
  /** The source the hole occupies: the operand, the whole `{$x}`/`#{x}`, or the `%s`. */
  start: number;
  end: number;
  place: HolePlace;
}

export type HolePlace =
  | { kind: 'operand'; index: number }
  | { kind: 'interpolation'; literal: SyntaxNode }
  | { kind: 'placeholder'; literal: SyntaxNode; argIndex: number };

export { formatCallOf, type FormatCall } from './format-fields.js';

export interface Chain {
  root: SyntaxNode;
  operands: SyntaxNode[];
  format?: FormatCall;
  atoms: Atom[];
}

/** Quotes and string prefixes: `'`, `"`, Python's `f'`, `u"`, `'''`. */
export function literalQuote(literal: SyntaxNode, text: string): { open: string; quote: string; isFString: boolean; contentStart: number; contentEnd: number } | undefined {
  const first = literal.children[0];
  const last = literal.children[literal.children.length - 1];
  if (!first || !last || first === last) return undefined;
  const open = textOf(first, text);
  const quote = open.replace(/^[A-Za-z]+/, '');
  if (quote !== "'" && quote !== '"') return undefined;
  return { open, quote, isFString: /f/i.test(open.slice(0, open.length - quote.length)), contentStart: first.end, contentEnd: last.start };
}

export function flattenConcat(node: SyntaxNode, grammar: Grammar, text: string): SyntaxNode[] {
  // Python's adjacent literals (`'a' 'b'`, across lines in parentheses) are one string.
  if (node.type === 'concatenated_string') return namedChildren(node).filter((child) => child.type === 'string');
  if (isBinary(node) && operatorOf(node, text) === grammar.concatOperator) {
    const left = node.fields.get('left');
    const right = node.fields.get('right');
    if (left && right) return [...flattenConcat(left, grammar, text), ...(right.type === 'concatenated_string' ? flattenConcat(right, grammar, text) : [right])];
  }
  return [node];
}

export function buildChain(root: SyntaxNode, grammar: Grammar, text: string, values: Values): Chain | undefined {
  const format = formatCallOf(root, grammar, text);
  const operands = format ? [format.literal] : flattenConcat(root, grammar, text);
  const atoms: Atom[] = [];
  for (const [index, operand] of operands.entries()) {
    if (grammar.stringTypes.has(operand.type) || HEREDOC_TYPES.has(operand.type)) {
      const literalAtoms = stringAtoms(operand, grammar, text, values, format);
      if (!literalAtoms) return undefined;
      atoms.push(...literalAtoms);
    } else atoms.push({ kind: 'hole', node: operand, known: values.evaluate(operand), start: operand.start, end: operand.end, place: { kind: 'operand', index } });
  }
  return { root, operands, atoms, ...(format ? { format } : {}) };
}

function charsOf(literal: SyntaxNode, start: number, end: number, text: string): CharAtom[] {
  const chars: CharAtom[] = [];
  for (let i = start; i < end; i++) chars.push({ kind: 'char', ch: text[i]!, start: i, end: i + 1, literal });
  return chars;
}

function stringAtoms(literal: SyntaxNode, grammar: Grammar, text: string, values: Values, format: FormatCall | undefined): Atom[] | undefined {
  const isHeredoc = HEREDOC_TYPES.has(literal.type);
  if (!isHeredoc && !literalQuote(literal, text)) return undefined;
  const atoms: Atom[] = [];
  const children = isHeredoc ? heredocParts(literal) : literal.children.slice(1, -1);
  if (!children) return undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (grammar.stringTextTypes.has(child.type)) {
      if (format && literal === format.literal) atoms.push(...formatAtoms(literal, child, grammar, text, values, format));
      else atoms.push(...charsOf(literal, child.start, child.end, text));
      continue;
    }
    if (child.type === 'interpolation') {
      if (format) return undefined;
      const expression = namedChildren(child).find((inner) => inner.type !== 'type_conversion' && inner.type !== 'format_specifier');
      if (!expression) return undefined;
      atoms.push({ kind: 'hole', node: expression, known: values.evaluate(expression), start: child.start, end: child.end, place: { kind: 'interpolation', literal } });
      continue;
    }
    // PHP: `{$this->ticket}` is `{`, the expression, `}`; `$key` stands alone.
    if (!child.isNamed && (child.type === '{' || child.type === '${')) {
      const expression = children[i + 1];
      const close = children[i + 2];
      if (!expression || close?.type !== '}') return undefined;
      atoms.push({ kind: 'hole', node: expression, known: values.evaluate(expression), start: child.start, end: close.end, place: { kind: 'interpolation', literal } });
      i += 2;
      continue;
    }
    if (child.isNamed && grammar.interpolationTypes.has(child.type)) {
      atoms.push({ kind: 'hole', node: child, known: values.evaluate(child), start: child.start, end: child.end, place: { kind: 'interpolation', literal } });
      continue;
    }
    // Anything else inside a string (a heredoc part, a nested construct) is not understood.
    return undefined;
  }
  return atoms;
}

/** Format strings: each placeholder is a hole standing for its argument; `%%`, `{{`, `}}` stay text. */
function formatAtoms(literal: SyntaxNode, content: SyntaxNode, grammar: Grammar, text: string, values: Values, format: FormatCall): Atom[] {
  const atoms: Atom[] = [];
  let cursor = content.start;
  for (const field of formatFields(format, grammar, text)) {
    if (field.isLiteral || field.start < content.start || field.end > content.end) continue;
    atoms.push(...charsOf(literal, cursor, field.start, text));
    const arg = field.argIndex >= 0 ? format.args[field.argIndex] : undefined;
    const value = arg ? argumentValue(arg) : literal;
    atoms.push({ kind: 'hole', node: value, known: arg ? values.evaluate(value) : UNKNOWN_VALUE, start: field.start, end: field.end, place: { kind: 'placeholder', literal, argIndex: arg ? field.argIndex : -1 } });
    cursor = field.end;
  }
  atoms.push(...charsOf(literal, cursor, content.end, text));
  return atoms;
}

export function atomsText(atoms: readonly Atom[]): string {
  return atoms.map((atom) => (atom.kind === 'char' ? atom.ch : atom.known)).join('');
}
