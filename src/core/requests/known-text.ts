import type { Node } from '@babel/types';
import { isPlusExpression, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { Evaluator } from '../scope/evaluate.js';
import type { LexicalScopes } from '../scope/lexical-scopes.js';
import { UNKNOWN_VALUE } from '../zoho/endpoint.js';

export interface KnownTextSource {
  evaluator: Evaluator;
  scopes: LexicalScopes;
}

const MAX_DEPTH = 6;

/**
 * What the source fixes of a string expression, with UNKNOWN_VALUE for the parts it does not: the
 * text a URL is classified on. Whole constants (this module's or, through the Evaluator's module
 * resolver, another's) come from the Evaluator; a local variable the Evaluator cannot pin down
 * (declared in several functions, or only extended with `+=`) keeps the prefix it starts with.
 */
export function knownText(node: Node, source: KnownTextSource, depth = 0): string {
  const value = source.evaluator.evaluateString(node);
  if (value !== undefined) return value;
  if (depth > MAX_DEPTH) return UNKNOWN_VALUE;
  const inner = unwrapExpression(node);
  if (isPlusExpression(inner) && inner.left.type !== 'PrivateName') {
    return knownText(inner.left, source, depth + 1) + knownText(inner.right, source, depth + 1);
  }
  if (inner.type === 'TemplateLiteral') {
    let text = '';
    inner.quasis.forEach((quasi, i) => {
      text += quasi.value.cooked ?? '';
      const expression = inner.expressions[i];
      if (expression) text += knownText(expression, source, depth + 1);
    });
    return text;
  }
  if (inner.type === 'Identifier') {
    const binding = source.scopes.bindingOf(inner);
    if (!binding?.init || (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var')) return UNKNOWN_VALUE;
    // `url += '?x=1'` keeps what the URL starts with; any other write may change it.
    const keepsPrefix = binding.writes.every((write) => write.type === 'AssignmentExpression' && write.operator === '+=');
    if (!keepsPrefix) return UNKNOWN_VALUE;
    const text = knownText(binding.init, source, depth + 1);
    return binding.writes.length > 0 ? text + UNKNOWN_VALUE : text;
  }
  // `url.toString()`, `url.href` of a `new URL(...)`: the URL's own text.
  if (inner.type === 'CallExpression' && inner.arguments.length === 0 && inner.callee.type === 'MemberExpression') {
    if (staticPropertyName(inner.callee.property, inner.callee.computed) === 'toString') return urlObjectText(inner.callee.object, source, depth);
  }
  if (inner.type === 'MemberExpression' && staticPropertyName(inner.property, inner.computed) === 'href') return urlObjectText(inner.object, source, depth);
  if (inner.type === 'NewExpression') return urlObjectText(inner, source, depth);
  return UNKNOWN_VALUE;
}

/** The text of a `new URL(path, base)`, or of a variable that holds one. */
export function urlObjectText(node: Node, source: KnownTextSource, depth = 0): string {
  let inner = unwrapExpression(node);
  if (inner.type === 'Identifier') {
    const binding = source.scopes.bindingOf(inner);
    if (!binding?.init || binding.writes.length > 0) return UNKNOWN_VALUE;
    inner = unwrapExpression(binding.init);
  }
  if (inner.type !== 'NewExpression' || inner.callee.type !== 'Identifier' || inner.callee.name !== 'URL') return UNKNOWN_VALUE;
  const [path, base] = inner.arguments;
  if (!path || path.type === 'SpreadElement') return UNKNOWN_VALUE;
  const pathText = knownText(path, source, depth + 1);
  if (!base || base.type === 'SpreadElement' || /^[a-z][a-z0-9+.-]*:/i.test(pathText)) return pathText;
  return joinBase(knownText(base, source, depth + 1), pathText);
}

/** A relative URL resolved against a base, for classification only (an absolute URL ignores the base). */
export function joinBase(base: string | undefined, path: string): string {
  if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(path) || base === undefined) return path;
  if (path === '' || path.startsWith('?')) return base + path;
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}
