import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import { callArguments, calleeText, isBinary, namedChildren, operatorOf, textOf, type Grammar } from './grammar.js';
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

export interface FormatCall {
  kind: 'percent' | 'sprintf' | 'format';
  /** The format string. */
  literal: SyntaxNode;
  /** The arguments in order, each the node that is removed with it. */
  args: SyntaxNode[];
  /** Python `"..." % value` with one value that is not a tuple. */
  isSingleValue: boolean;
  /** The whole expression (`"..." % (a, b)`, `sprintf(...)`, `"...".format(...)`). */
  whole: SyntaxNode;
}

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

const PERCENT_PLACEHOLDER = /%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?([%a-zA-Z])/g;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)((?:![rsa])?(?::[^{}]*)?)\}/g;

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

/** A format expression rooted at `node`, when it is one of the three this tool reads. */
export function formatCallOf(node: SyntaxNode, grammar: Grammar, text: string): FormatCall | undefined {
  if (grammar.language === 'python' && node.type === 'binary_operator' && operatorOf(node, text) === '%') {
    const left = node.fields.get('left');
    const right = node.fields.get('right');
    if (!left || !right || left.type !== 'string') return undefined;
    const isTuple = right.type === 'tuple';
    return { kind: 'percent', literal: left, args: isTuple ? namedChildren(right).filter((c) => c.type !== 'comment') : [right], isSingleValue: !isTuple, whole: node };
  }
  if (grammar.language === 'php' && node.type === 'function_call_expression' && calleeText(node, text).toLowerCase() === 'sprintf') {
    const args = callArguments(node, text);
    const format = args[0];
    if (!format || !grammar.stringTypes.has(format.value.type)) return undefined;
    return { kind: 'sprintf', literal: format.value, args: args.slice(1).map((arg) => arg.node), isSingleValue: false, whole: node };
  }
  if (grammar.language === 'python' && node.type === 'call') {
    const callee = node.fields.get('function');
    const object = callee?.fields.get('object');
    const attribute = callee?.fields.get('attribute');
    if (callee?.type !== 'attribute' || object?.type !== 'string' || !attribute || textOf(attribute, text) !== 'format') return undefined;
    return { kind: 'format', literal: object, args: callArguments(node, text).map((arg) => arg.node), isSingleValue: false, whole: node };
  }
  return undefined;
}

export function buildChain(root: SyntaxNode, grammar: Grammar, text: string, values: Values): Chain | undefined {
  const format = formatCallOf(root, grammar, text);
  const operands = format ? [format.literal] : flattenConcat(root, grammar, text);
  const atoms: Atom[] = [];
  for (const [index, operand] of operands.entries()) {
    if (grammar.stringTypes.has(operand.type)) {
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
  const quote = literalQuote(literal, text);
  if (!quote) return undefined;
  const atoms: Atom[] = [];
  const children = literal.children.slice(1, -1);
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (grammar.stringTextTypes.has(child.type)) {
      if (format && literal === format.literal) atoms.push(...formatAtoms(literal, child, text, values, format));
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
function formatAtoms(literal: SyntaxNode, content: SyntaxNode, text: string, values: Values, format: FormatCall): Atom[] {
  const raw = textOf(content, text);
  const atoms: Atom[] = [];
  const pattern = format.kind === 'format' ? FORMAT_FIELD : PERCENT_PLACEHOLDER;
  pattern.lastIndex = 0;
  let cursor = 0;
  let next = format.kind === 'format' ? 0 : countPlaceholdersBefore(literal, content, text, format);
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const isLiteral = format.kind === 'format' ? match[0] === '{{' || match[0] === '}}' : match[1] === '%';
    if (isLiteral) continue;
    const start = content.start + match.index;
    atoms.push(...charsOf(literal, content.start + cursor, start, text));
    const argIndex = format.kind === 'format' ? (match[1] === '' ? next++ : /^\d+$/.test(match[1]!) ? -1 : -2) : /^%\d+\$/.test(match[0]) ? -1 : next++;
    const arg = argIndex >= 0 ? format.args[argIndex] : undefined;
    const value = arg ? (arg.type === 'argument' || arg.type === 'keyword_argument' ? namedChildren(arg)[namedChildren(arg).length - 1]! : arg) : literal;
    atoms.push({ kind: 'hole', node: value, known: arg ? values.evaluate(value) : UNKNOWN_VALUE, start, end: start + match[0].length, place: { kind: 'placeholder', literal, argIndex: arg ? argIndex : -1 } });
    cursor = match.index + match[0].length;
  }
  atoms.push(...charsOf(literal, content.start + cursor, content.end, text));
  return atoms;
}

/** A format string split by escape sequences has several text children: numbering runs across them. */
function countPlaceholdersBefore(literal: SyntaxNode, content: SyntaxNode, text: string, format: FormatCall): number {
  let count = 0;
  for (const child of literal.children) {
    if (child === content) break;
    if (child.type !== 'string_content') continue;
    for (const match of textOf(child, text).matchAll(PERCENT_PLACEHOLDER)) if (match[1] !== '%' && format.kind !== 'format') count++;
  }
  return count;
}

export function atomsText(atoms: readonly Atom[]): string {
  return atoms.map((atom) => (atom.kind === 'char' ? atom.ch : atom.known)).join('');
}
