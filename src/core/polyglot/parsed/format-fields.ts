import type { Edit } from '../../findings.js';
import { callArguments, calleeText, namedChildren, operatorOf, textOf, type Grammar } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';

/**
 * Format strings whose placeholders stand for arguments: PHP `sprintf`, Python `%` and
 * `.format()`, Ruby `format`/`sprintf` and `%`. Each placeholder is resolved to the one argument
 * it shows (positional, numbered `{1}`, named `{key}`/`%(key)s`/`%<key>s`), so a credential's
 * argument can be replaced or removed with it; anything the file cannot pin down to exactly one
 * argument shown as it is resolves to -1, and a rewrite refuses it.
 */
export interface FormatCall {
  kind: 'percent' | 'sprintf' | 'format';
  /** The format string. */
  literal: SyntaxNode;
  /** sprintf/format: the argument node that holds the format string (its comma goes with the next argument). */
  head?: SyntaxNode;
  /** The arguments in order, each the node that is removed with it (a dict's pairs for `% {...}`). */
  args: SyntaxNode[];
  /** `"..." % value` with one value that is not a tuple, array or dict. */
  isSingleValue: boolean;
  /** The whole expression. */
  whole: SyntaxNode;
}

export interface FormatField {
  /** The placeholder's source range. */
  start: number;
  end: number;
  /** `%%`, `{{`, `}}`: text, no argument. */
  isLiteral: boolean;
  /** The argument shown, an index into `args`; -1 when not exactly one argument's value as it is. */
  argIndex: number;
  /** `{1}`, PHP's `%2$s`: where the number is written, renumbered when an earlier argument goes. */
  number?: { start: number; end: number; value: number };
}

const PHP_PERCENT = /%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?([%a-zA-Z])/g;
const PYTHON_PERCENT = /%(?:\(([^)]*)\))?[-+ 0#]*(\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([%a-zA-Z])/g;
const RUBY_PERCENT = /%(?:\{(\w+)\}|(?:<(\w+)>)?[-+ 0#]*(\*|\d+)?(?:\.\d+)?([%a-zA-Z]))/g;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)((?:![rsa])?(?::[^{}]*)?)\}/g;

const SPLATS = /splat|unpacking/;

/** A format expression rooted at `node`, when it is one of those this tool reads. */
export function formatCallOf(node: SyntaxNode, grammar: Grammar, text: string): FormatCall | undefined {
  const { language } = grammar;
  const isPercent = (language === 'python' && node.type === 'binary_operator') || (language === 'ruby' && node.type === 'binary');
  if (isPercent && operatorOf(node, text) === '%') {
    const left = node.fields.get('left');
    const right = node.fields.get('right');
    if (!left || !right || left.type !== 'string') return undefined;
    const isList = right.type === 'tuple' || right.type === 'array' || right.type === 'dictionary' || right.type === 'hash';
    return { kind: 'percent', literal: left, args: isList ? namedChildren(right).filter((c) => c.type !== 'comment') : [right], isSingleValue: !isList, whole: node };
  }
  const isCall = (language === 'php' && node.type === 'function_call_expression') || (language === 'ruby' && node.type === 'call' && !node.fields.has('receiver'));
  if (isCall && /^(sprintf|format)$/i.test(calleeText(node, text)) && (language === 'ruby' || calleeText(node, text).toLowerCase() === 'sprintf')) {
    const args = callArguments(node, text);
    const format = args[0];
    if (!format || !grammar.stringTypes.has(format.value.type) || format.keyword !== undefined) return undefined;
    return { kind: 'sprintf', literal: format.value, head: format.node, args: args.slice(1).map((arg) => arg.node), isSingleValue: false, whole: node };
  }
  if (language === 'python' && node.type === 'call') {
    const callee = node.fields.get('function');
    const object = callee?.fields.get('object');
    const attribute = callee?.fields.get('attribute');
    if (callee?.type !== 'attribute' || object?.type !== 'string' || !attribute || textOf(attribute, text) !== 'format') return undefined;
    return { kind: 'format', literal: object, args: callArguments(node, text).map((arg) => arg.node), isSingleValue: false, whole: node };
  }
  return undefined;
}

/** The name an argument is given by (`key=v`, `'key': v`, `key: v`, `:key => v`), if any. */
function argumentName(arg: SyntaxNode, text: string): string | undefined {
  const key = arg.type === 'keyword_argument' ? arg.fields.get('name') : arg.type === 'pair' ? arg.fields.get('key') : undefined;
  return key ? textOf(key, text).replace(/^:|:$/g, '').replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

/** The expression an argument passes (a keyword's or pair's value, PHP's `argument` contents). */
export function argumentValue(arg: SyntaxNode): SyntaxNode {
  if (arg.type === 'keyword_argument' || arg.type === 'pair') return arg.fields.get('value') ?? arg;
  if (arg.type === 'argument') return namedChildren(arg)[namedChildren(arg).length - 1] ?? arg;
  return arg;
}

const cache = new WeakMap<SyntaxNode, FormatField[]>();

/** Every placeholder of the format string, in order, across the pieces escape sequences split it into. */
export function formatFields(format: FormatCall, grammar: Grammar, text: string): FormatField[] {
  const cached = cache.get(format.literal);
  if (cached) return cached;
  const { args } = format;
  const hasSplat = args.some((arg) => SPLATS.test(arg.type) || namedChildren(arg).some((inner) => SPLATS.test(inner.type)));
  const positional = args.filter((arg) => argumentName(arg, text) === undefined);
  const byPosition = (position: number) => (hasSplat || position >= positional.length ? -1 : args.indexOf(positional[position]!));
  const byName = (name: string) => args.findIndex((arg) => argumentName(arg, text) === name);
  const pattern = format.kind === 'format' ? FORMAT_FIELD : grammar.language === 'python' ? PYTHON_PERCENT : grammar.language === 'ruby' ? RUBY_PERCENT : PHP_PERCENT;
  // A name on a single value, or a position on a dict, shows no one argument.
  const isMapping = args.length > 0 && args.every((arg) => argumentName(arg, text) !== undefined);
  const fields: FormatField[] = [];
  let next = 0;
  for (const content of format.literal.children) {
    if (content.type !== 'string_content') continue;
    const raw = textOf(content, text);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
      const start = content.start + match.index;
      const field: FormatField = { start, end: start + match[0].length, isLiteral: false, argIndex: -1 };
      fields.push(field);
      if (format.kind === 'format') {
        if (match[0] === '{{' || match[0] === '}}') {
          field.isLiteral = true;
          continue;
        }
        const name = match[1]!;
        const isPlain = match[2] === '';
        const index = name === '' ? byPosition(next++) : /^\d+$/.test(name) ? byPosition(Number(name)) : /^[A-Za-z_]\w*$/.test(name) ? byName(name) : -1;
        if (/^\d+$/.test(name)) field.number = { start: start + 1, end: start + 1 + name.length, value: Number(name) };
        field.argIndex = isPlain ? index : -1;
        continue;
      }
      const conversion = match[match.length - 1];
      if (conversion === '%' && match[0].length === 2) {
        field.isLiteral = true;
        continue;
      }
      // PHP's `%2$s` names the second argument; mixed with `%s` (counted apart) it is not read.
      const numbered = grammar.language === 'php' ? /^%(\d+)\$/.exec(match[0]) : null;
      if (numbered) {
        const value = Number(numbered[1]);
        field.number = { start: start + 1, end: start + 1 + numbered[1]!.length, value };
        field.argIndex = value >= 1 ? byPosition(value - 1) : -1;
        continue;
      }
      const name = grammar.language === 'php' ? undefined : match[1] ?? (grammar.language === 'ruby' ? match[2] : undefined);
      if ((grammar.language === 'python' ? match[2] : match[3]) === '*') {
        // `%*d` takes two arguments: nothing after it is read.
        next = Number.POSITIVE_INFINITY;
        continue;
      }
      if (name !== undefined) field.argIndex = format.isSingleValue || !isMapping ? -1 : byName(name);
      else if (isMapping && !format.isSingleValue) next++;
      else field.argIndex = format.isSingleValue ? (next++ === 0 ? 0 : -1) : byPosition(next++);
    }
  }
  if (fields.some((field) => field.number) && fields.some((field) => !field.number && !field.isLiteral)) for (const field of fields) field.argIndex = -1;
  // `'%s&%s' % pair`: one value for several placeholders is a tuple the file does not show.
  if (format.isSingleValue && fields.filter((field) => !field.isLiteral).length > 1) for (const field of fields) field.argIndex = -1;
  // An argument shown twice cannot be replaced or removed for one of its places.
  for (const field of fields) if (field.argIndex >= 0 && fields.filter((other) => other.argIndex === field.argIndex).length > 1) field.argIndex = -1;
  cache.set(format.literal, fields);
  return fields;
}

/** After positional arguments go, the numbered fields after them count down (`{3}` becomes `{2}`, `%3$s` becomes `%2$s`). */
export function renumberEdits(format: FormatCall, removed: readonly number[], grammar: Grammar, text: string): Edit[] {
  if (removed.length === 0) return [];
  // `.format()` counts from 0, sprintf from 1.
  const base = format.kind === 'format' ? 0 : 1;
  const edits: Edit[] = [];
  for (const field of formatFields(format, grammar, text)) {
    if (!field.number || removed.includes(field.argIndex)) continue;
    const shift = removed.filter((index) => index < field.number!.value - base).length;
    if (shift > 0) edits.push({ start: field.number.start, end: field.number.end, text: String(field.number.value - shift) });
  }
  return edits;
}
