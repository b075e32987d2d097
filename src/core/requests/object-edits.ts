import type { Node, ObjectExpression } from '@babel/types';
import type { Edit } from '../findings.js';
import { calleeName } from '../ast/node-utils.js';
import type { ParamEntry } from '../shapes/request-shape.js';

/** What becomes of one parameter. */
export type EntryAction = 'authtoken' | 'scope' | 'remove';

export interface EditStyle {
  text: string;
  tokenExpr: string;
  scope: string | null;
  /** The quote the surrounding code writes strings with. */
  quote: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Kept around the token, as the string rewrite does: `encodeURIComponent(apiKey)` keeps its encoder.
const ENCODERS = new Set(['encodeURIComponent', 'encodeURI', 'escape', 'querystring.escape', 'qs.escape', 'String']);

function lineStart(text: string, position: number): number {
  // Walk back to the line break: `lastIndexOf('\r')` would scan to the start of a file without one.
  let start = position;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The end of the line (before its line break). */
function lineEnd(text: string, position: number): number {
  const match = /\r\n|\n|\r/.exec(text.slice(position));
  return match ? position + match.index : text.length;
}

function lineBreakLength(text: string, position: number): number {
  return text.startsWith('\r\n', position) ? 2 : text[position] === '\n' || text[position] === '\r' ? 1 : 0;
}

/** Does the node start its line (only indentation before it)? */
function startsLine(text: string, node: Node): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, node.start ?? 0), node.start ?? 0));
}

/** After the node on its line: `,`, spaces and a trailing comment only? Returns the comma's offset, -1 without one, or undefined when more code follows. */
function restOfLine(text: string, end: number): { comma: number } | undefined {
  const rest = text.slice(end, lineEnd(text, end));
  const match = /^([ \t]*)(,?)[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?$/.exec(rest);
  if (!match) return undefined;
  return { comma: match[2] ? end + match[1]!.length : -1 };
}

export function quoted(value: string, quote: string): string {
  return quote + value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) + quote;
}

/** A key spelled like the one it replaces: `apikey` → `authtoken`, `'apikey'` → `'authtoken'`. */
function keyText(key: Node, name: string, style: EditStyle): string {
  if (key.type === 'StringLiteral') return quoted(name, style.text[key.start ?? 0] ?? style.quote);
  if (key.type === 'TemplateLiteral') return '`' + name + '`';
  return IDENTIFIER.test(name) ? name : quoted(name, style.quote);
}

function tokenCode(value: Node, style: EditStyle): string {
  const name = calleeName(value);
  if (value.type === 'CallExpression' && name && ENCODERS.has(name) && value.arguments.length === 1) {
    const arg = value.arguments[0]!;
    return style.text.slice(value.start ?? 0, arg.start ?? 0) + style.tokenExpr + style.text.slice(arg.end ?? 0, value.end ?? 0);
  }
  return style.tokenExpr;
}

/** `authtoken: <token>` or `scope: 'crmapi'` in the place of an entry: its key and value, nothing around them. */
function replaceEntry(entry: ParamEntry, action: 'authtoken' | 'scope', style: EditStyle): Edit[] {
  const value = action === 'authtoken' ? tokenCode(entry.value, style) : quoted(style.scope ?? '', keyQuote(entry, style));
  const form = entry.form;
  if (form.kind === 'property' && form.property.shorthand) {
    return [{ start: form.property.start ?? 0, end: form.property.end ?? 0, text: `${keyText(entry.key, action, style)}: ${value}` }];
  }
  const key = form.kind === 'assignment' && !form.member.computed ? { start: entry.key.start ?? 0, end: entry.key.end ?? 0, text: action } : { start: entry.key.start ?? 0, end: entry.key.end ?? 0, text: keyText(entry.key, action, style) };
  return [key, { start: entry.value.start ?? 0, end: entry.value.end ?? 0, text: value }];
}

function keyQuote(entry: ParamEntry, style: EditStyle): string {
  return entry.key.type === 'StringLiteral' ? (style.text[entry.key.start ?? 0] ?? style.quote) : style.quote;
}

/** Removes a statement with its line when it stands alone on it (a trailing comment goes with it). */
export function removeStatement(statement: Node, text: string): Edit {
  const start = statement.start ?? 0;
  const end = statement.end ?? 0;
  const rest = restOfLine(text, end);
  if (startsLine(text, statement) && rest && rest.comma === -1) {
    const close = lineEnd(text, end);
    return { start: lineStart(text, start), end: close + lineBreakLength(text, close), text: '' };
  }
  return { start, end, text: '' };
}

/** A new statement after another, on its own line with the same indentation when that one has its own line. */
function statementAfter(statement: Node, code: string, text: string): Edit {
  const end = statement.end ?? 0;
  if (startsLine(text, statement) && restOfLine(text, end)) {
    const indent = text.slice(lineStart(text, statement.start ?? 0), statement.start ?? 0);
    return { start: end, end, text: `\n${indent}${code}` };
  }
  return { start: end, end, text: ` ${code}` };
}

/** `params.scope = 'crmapi';`, `params.append('scope', 'crmapi');`: the scope set the way the authtoken is. */
function scopeStatement(entry: ParamEntry, style: EditStyle): string | undefined {
  const form = entry.form;
  const semicolon = form.kind !== 'property' && form.statement && style.text[(form.statement.end ?? 0) - 1] === ';' ? ';' : '';
  const scope = quoted(style.scope ?? '', keyQuote(entry, style));
  if (form.kind === 'assignment') {
    const object = style.text.slice(form.member.object.start ?? 0, form.member.object.end ?? 0);
    const target = form.member.computed ? `${object}[${keyText(entry.key, 'scope', style)}]` : `${object}.scope`;
    return `${target} = ${scope}${semicolon}`;
  }
  if (form.kind === 'call') {
    const callee = style.text.slice(form.call.callee.start ?? 0, form.call.callee.end ?? 0);
    return `${callee}(${keyText(entry.key, 'scope', style)}, ${scope})${semicolon}`;
  }
  return undefined;
}

/**
 * Edits for one carrier's plan: each entry becomes authtoken or scope in place, or goes; a scope
 * may be added after the authtoken. Returns a reason instead when the layout cannot take the edit.
 */
export function entryEdits(actions: ReadonlyMap<ParamEntry, EntryAction>, scopeAfter: ParamEntry | undefined, style: EditStyle): Edit[] | string {
  const edits: Edit[] = [];
  const removedProperties = new Map<ObjectExpression, Set<Node>>();
  for (const [entry, action] of actions) {
    const form = entry.form;
    if (action !== 'remove') {
      if (form.kind === 'assignment' && form.statement?.expression !== undefined && form.statement.expression.type !== 'AssignmentExpression') return `the ${entry.name} assignment is part of a larger expression`;
      edits.push(...replaceEntry(entry, action, style));
      continue;
    }
    if (form.kind === 'property') {
      const set = removedProperties.get(form.object) ?? new Set<Node>();
      set.add(form.property);
      removedProperties.set(form.object, set);
      continue;
    }
    if (!form.statement) return `the ${entry.name} ${form.kind === 'call' ? 'call' : 'assignment'} is part of a larger expression`;
    edits.push(removeStatement(form.statement, style.text));
  }
  for (const [object, removed] of removedProperties) edits.push(...propertyRemovals(object, removed, style.text));
  if (scopeAfter && style.scope !== null) {
    const form = scopeAfter.form;
    if (form.kind === 'property') edits.push(...propertyAfter(form.object, form.property, `${keyText(scopeAfter.key, 'scope', style)}: ${quoted(style.scope, keyQuote(scopeAfter, style))}`, style.text));
    else {
      const code = scopeStatement(scopeAfter, style);
      if (!form.statement || code === undefined) return `the ${scopeAfter.name} ${form.kind === 'call' ? 'call' : 'assignment'} is part of a larger expression`;
      edits.push(statementAfter(form.statement, code, style.text));
    }
  }
  return edits;
}

/** Removes properties; on their own lines the lines go (trailing comments included), otherwise their commas go with them. */
function propertyRemovals(object: ObjectExpression, removed: ReadonlySet<Node>, text: string): Edit[] {
  const items = object.properties;
  if (items.every((item) => removed.has(item))) return [{ start: (object.start ?? 0) + 1, end: (object.end ?? 0) - 1, text: '' }];
  const edits: Edit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(items[i]!)) continue;
    let j = i;
    while (j + 1 < items.length && removed.has(items[j + 1]!)) j++;
    const first = items[i]!;
    const last = items[j]!;
    const previous = items[i - 1];
    const next = items[j + 1];
    const rest = restOfLine(text, last.end ?? 0);
    if (startsLine(text, first) && rest) {
      const close = lineEnd(text, last.end ?? 0);
      edits.push({ start: lineStart(text, first.start ?? 0), end: close + lineBreakLength(text, close), text: '' });
      // The last property loses its comma unless the object keeps a trailing one.
      if (!next && rest.comma === -1 && previous) {
        const comma = text.indexOf(',', previous.end ?? 0);
        if (comma >= 0 && comma < (first.start ?? 0)) edits.push({ start: comma, end: comma + 1, text: '' });
      }
    } else if (previous) edits.push({ start: previous.end ?? 0, end: last.end ?? 0, text: '' });
    else edits.push({ start: first.start ?? 0, end: next!.start ?? 0, text: '' });
    i = j;
  }
  return edits;
}

/** Inserts a property after another: on a new line when the object has one property per line. */
function propertyAfter(object: ObjectExpression, property: Node, code: string, text: string): Edit[] {
  const end = property.end ?? 0;
  const rest = restOfLine(text, end);
  if (startsLine(text, property) && rest) {
    const indent = text.slice(lineStart(text, property.start ?? 0), property.start ?? 0);
    const close = lineEnd(text, end);
    if (rest.comma >= 0) return [{ start: close, end: close, text: `\n${indent}${code},` }];
    return [{ start: end, end, text: ',' }, { start: close, end: close, text: `\n${indent}${code}` }];
  }
  return [{ start: end, end, text: `, ${code}` }];
}
