import type { CallExpression, Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import { isParenthesized, isPlusExpression, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { Bindings } from '../scope/bindings.js';
import type { Evaluator } from '../scope/evaluate.js';
import type { Atom, Chain, ChainOwner, HoleAtom, Operand } from './atoms.js';
import { legacyParamNames, namesAlternation } from '../zoho/legacy-param-names.js';
import { decodeRaw } from './decode-raw.js';

/**
 * Source that spells a legacy parameter: worth inlining a constant to rewrite it at its definition.
 * A cheap look before the exact name check, over the built-in table's names (the shapes that use
 * it have no options; a configured table holds no other names, config/schema.ts).
 */
export const LEGACY_KEY_TEXT = new RegExp(`\\b(?:${namesAlternation(legacyParamNames().all)})\\s*=`, 'i');

// util.format's placeholders: https://nodejs.org/api/util.html#utilformatformat-args
const FORMAT_PLACEHOLDER = /^[sdifjoOc]$/;
const MAX_INLINE_DEPTH = 4;

export interface AtomSource {
  text: string;
  index: NodeIndex;
  bindings: Bindings;
  evaluator: Evaluator;
}

/** Builds chains and atoms; remembers which expressions it inlined into a larger request. */
export class AtomBuilder {
  /** Chain roots that became part of another request (a constant, a joined array's elements). */
  readonly consumed = new Set<Node>();
  private readonly inlining = new Set<Node>();

  constructor(private readonly source: AtomSource) {}

  chain(root: Node, owner: ChainOwner = { kind: 'expression' }): Chain {
    const chain: Chain = { root, operands: [], owner };
    // Parentheses around an operand make it one operand; around the root they change nothing.
    const flatten = (node: Node, isRoot = false): void => {
      if (isPlusExpression(node) && (isRoot || !isParenthesized(node)) && node.left.type !== 'PrivateName') {
        flatten(node.left);
        flatten(node.right);
        return;
      }
      const kind = node.type === 'StringLiteral' ? 'string' : node.type === 'TemplateLiteral' ? 'template' : 'expr';
      const quote = kind === 'string' ? this.source.text[node.start ?? 0] ?? "'" : "'";
      chain.operands.push({ kind, node, chain, quote });
    };
    flatten(unwrapExpression(root), true);
    return chain;
  }

  atoms(chain: Chain, depth = 0): Atom[] {
    const atoms: Atom[] = [];
    for (const operand of chain.operands) {
      const node = operand.node;
      if (operand.kind === 'string') {
        const start = (node.start ?? 0) + 1;
        const chars = decodeRaw(this.source.text.slice(start, (node.end ?? 0) - 1), start);
        if (chain.owner.kind === 'format') atoms.push(...this.formatAtoms(chars, operand, chain.owner.call, chain.owner.formatIndex));
        else for (const c of chars) atoms.push({ kind: 'char', ch: c.ch, start: c.start, end: c.end, operand });
      } else if (node.type === 'TemplateLiteral') {
        node.quasis.forEach((quasi, i) => {
          const start = quasi.start ?? 0;
          for (const c of decodeRaw(this.source.text.slice(start, quasi.end ?? 0), start)) {
            atoms.push({ kind: 'char', ch: c.ch, start: c.start, end: c.end, operand });
          }
          const expression = node.expressions[i];
          const next = node.quasis[i + 1];
          if (expression && next) {
            atoms.push(...this.holeAtoms(expression, operand, depth, { start: quasi.end ?? 0, end: next.start ?? 0 }));
          }
        });
      } else {
        atoms.push(...this.holeAtoms(node, operand, depth));
      }
    }
    return atoms;
  }

  /** Atoms of the strings a joined array holds, separated by the joiner. */
  joinedArrayAtoms(call: CallExpression, depth: number): Atom[] | undefined {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee.property, callee.computed) !== 'join') return undefined;
    const separator = call.arguments[0] ? this.source.evaluator.evaluateString(call.arguments[0]) : ',';
    if (separator === undefined) return undefined;
    const items = this.arrayItems(unwrapExpression(callee.object), call);
    if (!items) return undefined;
    const atoms: Atom[] = [];
    items.forEach((item, i) => {
      if (i > 0) atoms.push({ kind: 'boundary', ch: separator });
      const chain = this.chain(item.node, item.owner);
      this.consumed.add(item.node);
      atoms.push(...this.atoms(chain, depth + 1));
    });
    return atoms;
  }

  private arrayItems(array: Node, joinCall: Node): Array<{ node: Node; owner: ChainOwner }> | undefined {
    if (array.type === 'ArrayExpression') {
      if (array.elements.some((element) => !element || element.type === 'SpreadElement')) return undefined;
      return array.elements.map((element) => ({ node: element!, owner: { kind: 'array-element', array } }));
    }
    if (array.type !== 'Identifier') return undefined;
    const binding = this.source.bindings.resolve(array.name);
    const init = binding?.init ? unwrapExpression(binding.init) : null;
    if (!binding || !this.source.bindings.isConstant(binding) || init?.type !== 'ArrayExpression') return undefined;
    const items = this.arrayItems(init, joinCall);
    if (!items) return undefined;
    // `parts.push('x=' + y)` statements before the join add elements, in source order.
    for (const call of this.source.index.ofType('CallExpression')) {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== array.name) continue;
      if (staticPropertyName(callee.property, callee.computed) !== 'push') continue;
      const statement = this.source.index.parentOf(call);
      if (statement?.type !== 'ExpressionStatement' || (call.start ?? 0) > (joinCall.start ?? 0)) return undefined;
      if (call.arguments.length !== 1 || call.arguments[0]!.type === 'SpreadElement') return undefined;
      items.push({ node: call.arguments[0]!, owner: { kind: 'statement', statement } });
    }
    return items;
  }

  private holeAtoms(node: Node, operand: Operand, depth: number, outer?: { start: number; end: number }): Atom[] {
    const inlined = depth < MAX_INLINE_DEPTH ? this.inline(node, depth) : undefined;
    if (inlined) return inlined;
    const hole: HoleAtom = { kind: 'hole', node, known: this.source.evaluator.evaluateString(node), operand };
    if (outer) hole.outer = outer;
    return [hole];
  }

  /** A constant or joined array whose source spells apikey/ticket is rewritten where it is written. */
  private inline(node: Node, depth: number): Atom[] | undefined {
    const inner = unwrapExpression(node);
    if (this.inlining.has(inner)) return undefined;
    this.inlining.add(inner);
    try {
      if (inner.type === 'CallExpression') {
        const spelled = this.source.text.slice(inner.start ?? 0, inner.end ?? 0);
        if (!LEGACY_KEY_TEXT.test(spelled) && !this.isJoinOfLegacyArray(inner)) return undefined;
        const atoms = this.joinedArrayAtoms(inner, depth);
        if (atoms) this.consumed.add(inner);
        return atoms;
      }
      // A nested string (`a + ('&apikey=' + k)`, `${`...`}`) is part of this request, not one of its own.
      if (isPlusExpression(inner) || inner.type === 'TemplateLiteral' || inner.type === 'StringLiteral') {
        this.consumed.add(inner);
        return this.atoms(this.chain(inner), depth + 1);
      }
      if (inner.type !== 'Identifier') return undefined;
      const binding = this.source.bindings.resolve(inner.name);
      if (!binding?.init || binding.module || !this.source.bindings.isConstant(binding)) return undefined;
      const init = unwrapExpression(binding.init);
      const isStringish =
        init.type === 'StringLiteral' || init.type === 'TemplateLiteral' || isPlusExpression(init) || init.type === 'CallExpression';
      if (!isStringish || !LEGACY_KEY_TEXT.test(this.source.text.slice(init.start ?? 0, init.end ?? 0))) return undefined;
      if (init.type === 'CallExpression') return this.inline(init, depth + 1);
      this.consumed.add(binding.init);
      return this.atoms(this.chain(binding.init), depth + 1);
    } finally {
      this.inlining.delete(inner);
    }
  }

  /** `parts.join('&')` where `parts` is declared or pushed to with apikey/ticket text elsewhere. */
  private isJoinOfLegacyArray(call: CallExpression): boolean {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return false;
    const name = callee.object.name;
    const spells = (node: Node | null | undefined) =>
      Boolean(node) && LEGACY_KEY_TEXT.test(this.source.text.slice(node!.start ?? 0, node!.end ?? 0));
    if (spells(this.source.bindings.resolve(name)?.init)) return true;
    return this.source.index.ofType('CallExpression').some((other) => {
      const c = other.callee;
      return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === name && spells(other);
    });
  }

  private formatAtoms(
    chars: ReturnType<typeof decodeRaw>,
    operand: Operand,
    call: CallExpression,
    formatIndex: number,
  ): Atom[] {
    const atoms: Atom[] = [];
    let argument = formatIndex + 1;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const next = chars[i + 1];
      if (c.ch === '%' && next?.ch === '%') {
        atoms.push({ kind: 'char', ch: '%', start: c.start, end: next.end, operand });
        i++;
      } else if (c.ch === '%' && next && FORMAT_PLACEHOLDER.test(next.ch) && argument < call.arguments.length) {
        const arg = call.arguments[argument++]!;
        atoms.push({ kind: 'hole', node: arg, known: this.source.evaluator.evaluateString(arg), operand, slot: { start: c.start, end: next.end } });
        i++;
      } else {
        atoms.push({ kind: 'char', ch: c.ch, start: c.start, end: c.end, operand });
      }
    }
    return atoms;
  }
}
