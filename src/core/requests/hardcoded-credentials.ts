import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import type { CharAtom } from '../strings/atoms.js';
import type { QueryParam } from '../strings/query-params.js';
import { unwrapExpression } from '../ast/node-utils.js';

/** Shows that a value exists without showing any of it. */
export function maskValue(value: string): string {
  return `****(${value.length} chars)`;
}

/**
 * A legacy parameter whose value is written in the source, in the URL itself or in a constant of
 * this file, is a committed credential. It is reported where it is written, and remembered so
 * that no output ever prints it.
 */
export function reportHardcodedCredentials(params: readonly QueryParam[], context: AnalysisContext, isRemovedByFix: boolean): void {
  for (const param of params) {
    const value = param.value;
    if (value.length > 0 && value.every((atom): atom is CharAtom => atom.kind === 'char')) {
      const literal = value.map((atom) => atom.ch).join('');
      if (!isCredentialLike(literal)) continue;
      context.secrets.add(literal);
      context.report({
        ruleId: 'hardcoded-credential',
        messageId: 'literal',
        data: { param: param.name, masked: maskValue(literal) },
        start: value[0]!.start,
        end: value[value.length - 1]!.end,
        fixable: isRemovedByFix,
      });
      continue;
    }
    const hole = value.length === 1 && value[0]!.kind === 'hole' ? value[0] : undefined;
    const node = hole ? unwrapExpression(hole.node) : undefined;
    if (node?.type !== 'Identifier') continue;
    const binding = context.bindings.resolve(node.name);
    const init = binding?.init ? unwrapExpression(binding.init) : undefined;
    if (init?.type !== 'StringLiteral' || !isCredentialLike(init.value)) continue;
    context.secrets.add(init.value);
    context.report({
      ruleId: 'hardcoded-credential',
      messageId: 'literal',
      data: { param: param.name, masked: maskValue(init.value) },
      start: init.start ?? 0,
      end: init.end ?? 0,
      fixable: false,
    });
  }
}

/** Placeholders such as `YOUR_API_KEY` or `xxx` are not credentials; real ones are long and dense. */
export function isCredentialLike(value: string): boolean {
  if (value.length < 6 || /\s/.test(value)) return false;
  if (/^(your|my|insert|replace|change|xx+|<)/i.test(value) || /^[x*.]+$/i.test(value)) return false;
  return /[0-9]/.test(value) || /^[A-Za-z0-9_-]{16,}$/.test(value);
}

/**
 * The same for a parameter set as an object property or call argument: a literal value, or a
 * constant of this file holding one.
 */
export function reportHardcodedValue(param: string, value: Node, context: AnalysisContext, isRemovedByFix: boolean): void {
  let node = unwrapExpression(value);
  let isOwnLiteral = true;
  if (node.type === 'Identifier') {
    const binding = context.bindings.resolve(node.name);
    const init = binding?.init ? unwrapExpression(binding.init) : undefined;
    if (!init || !binding || !context.bindings.isConstant(binding)) return;
    node = init;
    isOwnLiteral = false;
  }
  const literal = node.type === 'StringLiteral' ? node.value : node.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
  if (literal === undefined || literal === null || !isCredentialLike(literal)) return;
  context.secrets.add(literal);
  context.report({
    ruleId: 'hardcoded-credential',
    messageId: 'literal',
    data: { param, masked: maskValue(literal) },
    start: node.start ?? 0,
    end: node.end ?? 0,
    fixable: isRemovedByFix && isOwnLiteral,
  });
}
