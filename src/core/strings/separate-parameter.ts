import type { Node } from '@babel/types';
import { subtreeNodes } from '../ast/subtree.js';
import type { NodeIndex } from '../ast/traverse.js';
import { unwrapExpression } from '../ast/node-utils.js';
import type { Binding, Bindings } from '../scope/bindings.js';
import type { Evaluator } from '../scope/evaluate.js';

/**
 * How a value begins, for the part that follows a credential (`'&ticket=' + t + extra`): a part
 * that is always empty or starts with `&` (or `#`) is a parameter of its own, and the rewrite may
 * keep it without a word; anything else might be the credential's own continuation.
 */
type Lead = 'empty' | 'separator' | 'separator-or-empty' | 'unknown';

export interface SeparationSource {
  index: NodeIndex;
  bindings: Bindings;
  evaluator: Evaluator;
}

const MAX_DEPTH = 8;

/** What a part kept after a credential is: nothing, a parameter of its own, text glued to the value, or unknown. */
export type TailPart = 'empty' | 'separator' | 'text' | 'unknown';

export function classifyTailPart(node: Node, source: SeparationSource): TailPart {
  const known = strictText(node, source.evaluator);
  if (known !== undefined) {
    const lead = leadOfText(known);
    return lead === 'unknown' ? 'text' : lead === 'empty' ? 'empty' : 'separator';
  }
  const lead = new LeadProver(source).lead(node, 0);
  if (lead === 'unknown') return 'unknown';
  return lead === 'empty' ? 'empty' : 'separator';
}

/**
 * The evaluator reads `process.env.X || 'https://...'` as its fallback, which is right for a base
 * URL and wrong here: `opts.query || ''` is not known to be ''. Values with `||`/`??`/`&&` in them
 * are left to the prover, which needs every branch.
 */
function strictText(node: Node, evaluator: Evaluator): string | undefined {
  return subtreeNodes(node).some((child) => child.type === 'LogicalExpression') ? undefined : evaluator.evaluateString(node);
}

/** Either of two values: both must be proven. */
function either(a: Lead, b: Lead): Lead {
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (a === b) return a;
  return 'separator-or-empty';
}

/** `a + b`: an empty `a` hands the lead to `b`. */
function then(a: Lead, b: () => Lead): Lead {
  if (a === 'separator' || a === 'unknown') return a;
  const next = b();
  if (next === 'unknown') return 'unknown';
  if (a === 'empty') return next;
  return next === 'separator' ? 'separator' : 'separator-or-empty';
}

function leadOfText(text: string): Lead {
  if (text === '') return 'empty';
  return text.startsWith('&') || text.startsWith('#') ? 'separator' : 'unknown';
}

type FunctionNode = Extract<Node, { params: unknown[]; body: unknown }>;

class LeadProver {
  private readonly active = new Set<Node>();

  constructor(private readonly source: SeparationSource) {}

  lead(raw: Node, depth: number): Lead {
    const node = unwrapExpression(raw);
    const known = strictText(node, this.source.evaluator);
    if (known !== undefined) return leadOfText(known);
    if (depth > MAX_DEPTH || this.active.has(node)) return 'unknown';
    this.active.add(node);
    try {
      return this.compute(node, depth + 1);
    } finally {
      this.active.delete(node);
    }
  }

  private compute(node: Node, depth: number): Lead {
    switch (node.type) {
      case 'LogicalExpression':
        // `a || b`, `a ?? b`: either side may be the value.
        return node.operator === '&&' ? 'unknown' : either(this.lead(node.left, depth), this.lead(node.right, depth));
      case 'ConditionalExpression':
        return either(this.lead(node.consequent, depth), this.lead(node.alternate, depth));
      case 'BinaryExpression':
        if (node.operator !== '+' || node.left.type === 'PrivateName') return 'unknown';
        return then(this.lead(node.left, depth), () => this.lead(node.right, depth));
      case 'TemplateLiteral':
        return this.templateLead(node, 0, depth);
      case 'Identifier':
        return this.identifierLead(node.name, depth);
      case 'CallExpression':
        return node.callee.type === 'Identifier' ? this.returnsLead(node.callee.name, depth) : 'unknown';
      default:
        return 'unknown';
    }
  }

  private templateLead(node: Extract<Node, { type: 'TemplateLiteral' }>, from: number, depth: number): Lead {
    const quasi = node.quasis[from]?.value.cooked;
    if (quasi === undefined || quasi === null) return 'unknown';
    const expression = node.expressions[from];
    const own = leadOfText(quasi);
    if (!expression) return own;
    return then(own, () => then(this.lead(expression, depth), () => this.templateLead(node, from + 1, depth)));
  }

  private identifierLead(name: string, depth: number): Lead {
    const binding = this.source.bindings.resolve(name);
    if (!binding || binding.module) return 'unknown';
    if (binding.kind === 'param') return this.parameterLead(binding, depth);
    if (binding.writes.length > 0 || !binding.init || binding.kind === 'function') return 'unknown';
    return this.lead(binding.init, depth);
  }

  /** A helper's parameter: what every call in this file passes (the helper must not escape the file). */
  private parameterLead(binding: Binding, depth: number): Lead {
    if (binding.writes.length > 0) return 'unknown';
    const { index } = this.source;
    let param: Node = binding.id;
    let fallback: Node | undefined;
    const parent = index.parentOf(param);
    if (parent?.type === 'AssignmentPattern' && parent.left === param) {
      fallback = parent.right;
      param = parent;
    }
    const fn = index.parentOf(param) as FunctionNode | null;
    const position = fn && Array.isArray(fn.params) ? (fn.params as Node[]).indexOf(param) : -1;
    if (!fn || position < 0) return 'unknown';
    const calls = this.callsOf(fn);
    if (!calls || calls.length === 0) return 'unknown';
    let result: Lead | undefined;
    for (const call of calls) {
      const arg = call.arguments[position];
      let lead: Lead;
      if (arg && arg.type !== 'SpreadElement') lead = this.lead(arg, depth);
      else if (call.arguments.slice(0, position).some((a) => a.type === 'SpreadElement')) lead = 'unknown';
      else lead = fallback ? this.lead(fallback, depth) : 'unknown';
      result = result === undefined ? lead : either(result, lead);
      if (result === 'unknown') return result;
    }
    return result ?? 'unknown';
  }

  /** A local helper's value: every `return` of it. */
  private returnsLead(name: string, depth: number): Lead {
    const fn = this.functionNamed(name);
    if (!fn) return 'unknown';
    const body = fn.body as Node;
    if (body.type !== 'BlockStatement') return this.lead(body, depth);
    const returns = this.source.index.ofType('ReturnStatement').filter((ret) => this.source.index.enclosingFunction(ret) === fn);
    if (returns.length === 0) return 'unknown';
    let result: Lead | undefined;
    for (const ret of returns) {
      const lead = ret.argument ? this.lead(ret.argument, depth) : 'unknown';
      result = result === undefined ? lead : either(result, lead);
      if (result === 'unknown') return result;
    }
    return result ?? 'unknown';
  }

  private functionNamed(name: string): FunctionNode | undefined {
    const binding = this.source.bindings.resolve(name);
    if (!binding || binding.writes.length > 0) return undefined;
    const init = binding.init ? unwrapExpression(binding.init) : undefined;
    if (init && (init.type === 'FunctionDeclaration' || init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression')) {
      return init as FunctionNode;
    }
    return undefined;
  }

  /**
   * Every call of the function, when the function is only ever called by name in this file: passed
   * as a value or exported, it has callers this proof cannot see.
   */
  private callsOf(fn: FunctionNode): Array<Extract<Node, { type: 'CallExpression' }>> | undefined {
    const { index } = this.source;
    let name: string | undefined;
    if (fn.type === 'FunctionDeclaration') name = fn.id?.name;
    else {
      const parent = index.parentOf(fn);
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') name = parent.id.name;
    }
    if (!name || this.functionNamed(name) !== fn) return undefined;
    const calls: Array<Extract<Node, { type: 'CallExpression' }>> = [];
    for (const id of index.ofType('Identifier')) {
      if (id.name !== name) continue;
      const parent = index.parentOf(id);
      const key = index.keyOf(id);
      if (parent?.type === 'CallExpression' && key === 'callee') calls.push(parent);
      else if ((parent === fn && key === 'id') || (parent?.type === 'VariableDeclarator' && key === 'id')) continue;
      else if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !parent.computed) continue;
      else if (parent && (parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && key === 'key' && !(parent as { computed?: boolean }).computed && !(parent as { shorthand?: boolean }).shorthand) continue;
      else return undefined;
    }
    return calls;
  }
}
