import type { Edit } from '../../findings.js';
import { planParamRewrite, type ParamAction } from '../../strings/plan-rewrite.js';
import type { Endpoint } from '../../zoho/endpoint.js';
import { isLegacyParamName, scopeOf } from '../../zoho/services.js';
import { namedChildren, textOf } from './grammar.js';
import { collectParamMaps, type MapEntry, type ParamMap } from './map-entries.js';
import type { ParsedContext } from './parsed-context.js';
import { endpointOfValue, endpointOfVariable } from './request-proof.js';
import type { SyntaxNode } from './syntax-tree.js';

/**
 * Parameters held in arrays, dicts and hashes: rewritten when the map provably reaches a Zoho
 * API (request-proof.ts). `apikey` becomes `authtoken` with the token, `ticket` becomes `scope`
 * with the service's scope; the other entries, their order and their spelling stay.
 */
export function rewriteMapRequests(context: ParsedContext): void {
  for (const map of collectParamMaps(context.tree, context.text, context.grammar, context.values)) {
    if (!map.entries.some((entry) => isLegacyParamName(entry.name))) continue;
    const endpoint = endpointOfMap(map, context);
    if (endpoint?.kind !== 'service') continue;
    const { service } = endpoint;
    const scope = scopeOf(service, context.crmScope);
    const plan = planParamRewrite(map.entries, service, scope);
    if (plan.length === 0) continue;
    const edits = plan.flatMap(({ param, action }) => entryEdits(param, action, scope, map, context));
    const names = [...new Set(plan.map((planned) => planned.param.name))].join(' and ');
    const nodes = map.literal ? [map.literal, ...map.entries.map((entry) => entry.node)] : map.entries.map((entry) => entry.node);
    const usesToken = plan.some((planned) => planned.action.startsWith('authtoken'));
    context.report({
      ruleId: 'legacy-auth-params',
      messageId: scope === null ? 'fixableWithoutScope' : 'fixable',
      data: { service: service.name, params: names, scope: scope ?? '' },
      start: Math.min(...nodes.map((node) => node.start)),
      end: Math.max(...nodes.map((node) => node.end)),
      fixable: true,
      edits: usesToken ? [...edits, ...context.tokenSupportEdits] : edits,
    });
  }
}

function endpointOfMap(map: ParamMap, context: ParsedContext): Endpoint | undefined {
  const value = map.expression ?? map.literal;
  if (value && !map.variableKey) return endpointOfValue(value, context);
  const holder = value?.parent ?? map.entries[0]?.node;
  const variable = value ? value.parent?.fields.get('left') : map.entries[0]?.target;
  if (!holder || !variable) return undefined;
  // Uses after the last key assigned: that is where the finished map goes.
  const last = map.entries.reduce((latest, entry) => (entry.node.end > latest.end ? entry.node : latest), holder);
  return endpointOfVariable(variable, last, context, 0) ?? endpointOfVariable(variable, holder, context, 0);
}

function quoteOfKey(entry: MapEntry, text: string): string {
  const quote = text[entry.nameStart - 1];
  return quote === '"' || quote === "'" ? quote : "'";
}

/** The key as the map spells its other keys: `'scope' =>`, `'scope':`, `:scope =>`, `scope:`. */
function newEntryText(entry: MapEntry, name: string, value: string, context: ParsedContext): string {
  const { text, grammar } = context;
  if (entry.key.type === 'simple_symbol') return `:${name} => ${value}`;
  if (entry.key.type === 'hash_key_symbol') return `${name}: ${value}`;
  if (entry.node.type === 'keyword_argument') return `${name}=${value}`;
  const quote = quoteOfKey(entry, text);
  return grammar.language === 'python' ? `${quote}${name}${quote}: ${value}` : `${quote}${name}${quote} => ${value}`;
}

function entryEdits(entry: MapEntry, action: ParamAction, scope: string | null, map: ParamMap, context: ParsedContext): Edit[] {
  const { text, tokenExpr } = context;
  const quotedScope = `'${scope}'`;
  if (action === 'remove') return [removal(entry, map, text)];
  const rename = (name: string, value: string): Edit[] => [
    { start: entry.nameStart, end: entry.nameEnd, text: name },
    { start: entry.value.start, end: entry.value.end, text: value },
  ];
  if (action === 'scope') return rename('scope', quotedScope);
  const edits = rename('authtoken', tokenExpr);
  if (action === 'authtoken+scope' && scope !== null) edits.push(scopeInsertion(entry, map, quotedScope, context));
  return edits;
}

function siblingsOf(entry: MapEntry, map: ParamMap): SyntaxNode[] {
  return map.literal ? namedChildren(map.literal).filter((child) => child.type !== 'comment') : [];
}

/** A new entry after the apikey's: `, 'scope' => 'crmapi'`, spaced like the entries around it. */
function scopeInsertion(entry: MapEntry, map: ParamMap, quotedScope: string, context: ParsedContext): Edit {
  const { text } = context;
  if (entry.kind === 'assignment') {
    const lineStart = Math.max(text.lastIndexOf('\n', entry.node.start - 1), text.lastIndexOf('\r', entry.node.start - 1)) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const keyText = text.slice(entry.key.start, entry.key.end).replace(/[A-Za-z_]\w*/, 'scope');
    const semicolon = context.grammar.language === 'php' ? ';' : '';
    return { start: entry.node.end, end: entry.node.end, text: `\n${indent}${textOf(entry.target!, text)}[${keyText}] = ${quotedScope}${semicolon}` };
  }
  const siblings = siblingsOf(entry, map);
  const next = siblings[siblings.indexOf(entry.node) + 1];
  const gap = next ? /,(\s*)$/.exec(text.slice(entry.node.end, next.start))?.[1] ?? ' ' : ' ';
  return { start: entry.node.end, end: entry.node.end, text: `,${gap}${newEntryText(entry, 'scope', quotedScope, context)}` };
}

function removal(entry: MapEntry, map: ParamMap, text: string): Edit {
  if (entry.kind === 'assignment') {
    const lineStart = Math.max(text.lastIndexOf('\n', entry.node.start - 1), text.lastIndexOf('\r', entry.node.start - 1)) + 1;
    const after = /^[ \t]*(\r\n|\n|\r)?/.exec(text.slice(entry.node.end))![0];
    const isAlone = /^[ \t]*$/.test(text.slice(lineStart, entry.node.start));
    return isAlone ? { start: lineStart, end: entry.node.end + after.length, text: '' } : { start: entry.node.start, end: entry.node.end, text: '' };
  }
  const siblings = siblingsOf(entry, map);
  const index = siblings.indexOf(entry.node);
  const next = siblings[index + 1];
  if (next) return { start: entry.node.start, end: next.start, text: '' };
  const previous = siblings[index - 1];
  return previous ? { start: previous.end, end: entry.node.end, text: '' } : { start: entry.node.start, end: entry.node.end, text: '' };
}
