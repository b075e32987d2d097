import { descendants, namedChildren, textOf, type Grammar } from './grammar.js';
import { literalQuote } from './string-atoms.js';
import type { SyntaxNode } from './syntax-tree.js';
import type { Values } from './values.js';

/**
 * The parameters of a request held in a map: entries of an array/dict/hash literal
 * (`'apikey' => $k`, `'ticket': t`, `:apikey => k`, `apikey: k`) and keys assigned one by one
 * (`$params['apikey'] = $k`, `params['ticket'] = t`, `params[:apikey] = k`).
 */
export interface MapEntry {
  name: string;
  key: SyntaxNode;
  /** Where the name is written (inside the quotes, after the `:`). */
  nameStart: number;
  nameEnd: number;
  value: SyntaxNode;
  /** The pair, or the assignment statement. */
  node: SyntaxNode;
  kind: 'pair' | 'assignment';
  /** For `assignment`: the map variable as written (`$params`, `params`). */
  target?: SyntaxNode;
}

export interface ParamMap {
  /** The literal, when there is one (for Python's `dict(apikey=k)`, its argument list). */
  literal?: SyntaxNode;
  /** `dict(...)`: the call, which is the map's value where the literal is for the others. */
  expression?: SyntaxNode;
  /** The variable that holds it, as a reference key, when it is held in one. */
  variableKey?: string;
  entries: MapEntry[];
}

/** The name a key spells, and where, when it is a plain string or symbol. */
function keyName(key: SyntaxNode, text: string): { name: string; start: number; end: number } | undefined {
  if (key.type === 'simple_symbol') return { name: textOf(key, text).slice(1), start: key.start + 1, end: key.end };
  if (key.type === 'hash_key_symbol') return { name: textOf(key, text), start: key.start, end: key.end };
  const quote = literalQuote(key, text);
  if (!quote || key.children.length !== 3) return undefined;
  return { name: text.slice(quote.contentStart, quote.contentEnd), start: quote.contentStart, end: quote.contentEnd };
}

function pairEntry(pair: SyntaxNode, text: string): MapEntry | undefined {
  const named = namedChildren(pair).filter((child) => child.type !== 'comment');
  const key = pair.fields.get('key') ?? (named.length === 2 ? named[0] : undefined);
  const value = pair.fields.get('value') ?? (named.length === 2 ? named[1] : undefined);
  if (!key || !value) return undefined;
  const name = keyName(key, text);
  return name ? { name: name.name, key, nameStart: name.start, nameEnd: name.end, value, node: pair, kind: 'pair' } : undefined;
}

/** Python's `dict(apikey=k, ticket=t)`: the argument list of a call to the builtin, when it is one. */
function dictCallArguments(node: SyntaxNode, text: string, grammar: Grammar): SyntaxNode | undefined {
  if (grammar.language !== 'python' || node.type !== 'call') return undefined;
  const callee = node.fields.get('function');
  return callee?.type === 'identifier' && textOf(callee, text) === 'dict' ? node.fields.get('arguments') : undefined;
}

/** `apikey=k` given to `dict(...)`: the keyword is the key. */
function keywordEntry(argument: SyntaxNode, text: string): MapEntry | undefined {
  const key = argument.fields.get('name');
  const value = argument.fields.get('value');
  return key && value ? { name: textOf(key, text), key, nameStart: key.start, nameEnd: key.end, value, node: argument, kind: 'pair' } : undefined;
}

/** `$p['apikey'] = $k;`, `p['apikey'] = k`, `p[:apikey] = k`: the target and the key. */
function assignedEntry(assignment: SyntaxNode, text: string, grammar: Grammar): MapEntry | undefined {
  if (assignment.type !== 'assignment_expression' && assignment.type !== 'assignment') return undefined;
  const left = assignment.fields.get('left');
  const value = assignment.fields.get('right');
  if (!left || !value || !['subscript_expression', 'subscript', 'element_reference'].includes(left.type)) return undefined;
  const [target, key, ...rest] = namedChildren(left);
  if (!target || !key || rest.length > 0) return undefined;
  const name = keyName(key, text);
  if (!name) return undefined;
  const statement = assignment.parent && grammar.statementTypes.has(assignment.parent.type) && assignment.parent.type === 'expression_statement' ? assignment.parent : assignment;
  return { name: name.name, key, nameStart: name.start, nameEnd: name.end, value, node: statement, kind: 'assignment', target };
}

export function collectParamMaps(tree: SyntaxNode, text: string, grammar: Grammar, values: Values): ParamMap[] {
  const byVariable = new Map<string, ParamMap>();
  const maps: ParamMap[] = [];
  for (const node of descendants(tree)) {
    const keywords = dictCallArguments(node, text, grammar);
    if (grammar.mapTypes.has(node.type) || keywords) {
      const pairs = keywords ? keywords.children.filter((child) => child.type === 'keyword_argument').map((pair) => keywordEntry(pair, text)) : node.children.filter((child) => grammar.pairTypes.has(child.type)).map((pair) => pairEntry(pair, text));
      const entries = pairs.filter((entry): entry is MapEntry => entry !== undefined);
      if (entries.length === 0) continue;
      const holder = node.parent?.type === 'assignment_expression' || node.parent?.type === 'assignment' ? node.parent : undefined;
      const left = holder?.fields.get('right') === node ? holder.fields.get('left') : undefined;
      const variableKey = left ? values.referenceKey(left) : undefined;
      const map: ParamMap = { literal: keywords ?? node, ...(keywords ? { expression: node } : {}), entries, ...(variableKey ? { variableKey } : {}) };
      maps.push(map);
      if (variableKey && !byVariable.has(variableKey)) byVariable.set(variableKey, map);
      continue;
    }
    const entry = assignedEntry(node, text, grammar);
    if (!entry) continue;
    const variableKey = values.referenceKey(entry.target!);
    if (!variableKey) continue;
    let map = byVariable.get(variableKey);
    if (!map) {
      map = { variableKey, entries: [] };
      byVariable.set(variableKey, map);
      maps.push(map);
    }
    map.entries.push(entry);
  }
  return maps;
}
