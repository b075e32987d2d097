import type { Node } from '@babel/types';
import { calleeName, isPlusExpression, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import { classifyRequestText, type Endpoint } from '../zoho/endpoint.js';
import { declaredTypes } from './declared-types.js';
import { knownText } from './known-text.js';
import { isQuerySerializer, keyListQuery } from './query-serializers.js';
import { RequestIndex } from './request-index.js';
import type { AnyCall, RequestCall, RequestShape, ShapeTools } from '../shapes/request-shape.js';

/** A place that shows where the parameters go: a request call, a URL string, an options object with a URL. */
export interface Proof {
  /** The expression at that place: parameters that reach the same one form one request. */
  root: Node;
  /** undefined: a request whose URL the source does not fix. */
  endpoint: Endpoint | undefined;
  /** Objects and variables the value passed through on the way: their keys are part of the request. */
  holders: Node[];
  /** The request call, when the proof is one. */
  request?: RequestCall;
}

export interface FlowResult {
  proofs: Proof[];
  /** Expressions through which the parameters enter a string-built URL (`'?' + qs.stringify(p)`), with that string. */
  chainHoles: Array<{ hole: Node; chain: Node }>;
  /** Declared types the parameters pass through (`const p: ZohoParams = ...`, `Record<string, string>`). */
  types: Node[];
}

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TypeCastExpression', 'ParenthesizedExpression', 'AwaitExpression']);
const MAX_STEPS = 2000;

interface Step {
  node: Node;
  /** Set while the value is a property of an options object: the key it sits under. */
  container: string | undefined;
  holders: Node[];
  /** Set once the parameters became another value (a query string, a URLSearchParams): its types do not name their keys. */
  isConverted?: boolean;
}

/**
 * Follows a parameters value through one file: variables, returns and call sites of local
 * functions, spreads, `Object.assign`, conversions (`qs.stringify`, `new URLSearchParams`) and
 * strings, until it reaches a request call or an options object whose URL shows where it goes.
 * It never guesses: a value that leaves the file, or goes where no shape understands, proves nothing.
 */
export class ParamFlow {

  private readonly requests: RequestIndex;
  private typesSeen: Node[] = [];

  constructor(
    private readonly tools: ShapeTools,
    private readonly shapes: readonly RequestShape[],
  ) {
    this.requests = new RequestIndex(tools, shapes);
  }

  follow(starts: readonly Node[], holders: readonly Node[]): FlowResult {
    const result: FlowResult = { proofs: [], chainHoles: [], types: [] };
    const seen = new Set<string>();
    const queue: Step[] = starts.map((node) => ({ node, container: undefined, holders: [...holders] }));
    let steps = 0;
    this.typesSeen = result.types;
    while (queue.length > 0 && steps++ < MAX_STEPS) {
      const step = queue.pop()!;
      const key = `${step.node.start}:${step.node.end}:${step.node.type}:${step.container ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.step(step, queue, result);
    }
    return result;
  }

  /** Call sites of a function declared in this file, by the name it is bound to. */
  callSites(fn: Node): AnyCall[] {
    const { index } = this.tools.context;
    let nameNode: Node | undefined;
    if (fn.type === 'FunctionDeclaration' && fn.id) nameNode = fn.id;
    else if (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') {
      let holder: Node = fn;
      for (let parent = index.parentOf(holder); parent && WRAPPERS.has(parent.type); parent = index.parentOf(holder)) holder = parent;
      const declarator = index.parentOf(holder);
      if (declarator?.type === 'VariableDeclarator' && declarator.init === holder && declarator.id.type === 'Identifier') nameNode = declarator.id;
    }
    const binding = nameNode ? this.tools.bindingOf(nameNode) : undefined;
    if (!binding || binding.writes.length > 0) return [];
    const calls: AnyCall[] = [];
    for (const reference of binding.references) {
      const parent = index.parentOf(reference);
      if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === reference) calls.push(parent);
    }
    return calls;
  }

  /** The values a parameter of a local function receives: at each call site, the variable passed in. */
  argumentBindings(binding: LexicalBinding): LexicalBinding[] {
    if (!binding.param) return [];
    const found: LexicalBinding[] = [];
    for (const call of this.callSites(binding.param.fn)) {
      const arg = call.arguments[binding.param.index];
      const inner = arg && arg.type !== 'SpreadElement' && arg.type !== 'ArgumentPlaceholder' ? unwrapExpression(arg) : undefined;
      const argBinding = inner?.type === 'Identifier' ? this.tools.bindingOf(inner) : undefined;
      if (argBinding) found.push(argBinding);
    }
    return found;
  }

  private step(step: Step, queue: Step[], result: FlowResult): void {
    const { node, container, holders } = step;
    const { index } = this.tools.context;
    const next = (target: Node, options: { container?: string | undefined; holders?: Node[]; isConverted?: boolean } = {}): void => {
      const isConverted = options.isConverted ?? step.isConverted ?? false;
      queue.push({ node: target, container: 'container' in options ? options.container : container, holders: options.holders ?? holders, isConverted });
    };
    const proof = (root: Node, endpoint: Endpoint | undefined, request?: RequestCall): void => {
      result.proofs.push({ root, endpoint, holders, ...(request ? { request } : {}) });
    };

    if (container === undefined) {
      const requests = this.requests.atParam(node);
      if (requests) {
        for (const request of requests) proof(node, this.requests.endpointOf(request), request);
        return;
      }
    } else {
      const requests = this.requests.atOptions(node)?.filter((request) => request.options?.paramKeys.includes(container));
      if (requests && requests.length > 0) {
        for (const request of requests) proof(node, this.requests.endpointOf(request), request);
        return;
      }
    }

    const parent = index.parentOf(node);
    const key = index.keyOf(node);
    if (!parent) return;
    if (container === undefined && !step.isConverted) result.types.push(...declaredTypes(parent, key, index));
    if (WRAPPERS.has(parent.type) || (parent.type === 'ConditionalExpression' && key !== 'test') || parent.type === 'LogicalExpression') return next(parent);
    if (parent.type === 'SequenceExpression' && parent.expressions[parent.expressions.length - 1] === node) return next(parent);

    switch (parent.type) {
      case 'VariableDeclarator':
        if (key === 'init' && parent.id.type === 'Identifier') this.toReferences(parent.id, next, holders);
        return;
      case 'AssignmentExpression': {
        if (key !== 'right' || parent.operator !== '=') return;
        const left = parent.left;
        if (left.type === 'Identifier') return this.toReferences(left, next, holders);
        if (left.type === 'MemberExpression' && container === undefined) {
          const name = staticPropertyName(left.property, left.computed);
          const object = unwrapExpression(left.object);
          if (name === undefined || !this.tools.paramKeys.has(name) || object.type !== 'Identifier') return;
          const binding = this.tools.bindingOf(object);
          const init = binding?.init ? unwrapExpression(binding.init) : undefined;
          const endpoint = init?.type === 'ObjectExpression' ? this.requests.siblingEndpoint(init) : undefined;
          if (endpoint) return proof(node, endpoint);
          if (binding) for (const reference of binding.references) next(reference, { container: name });
        }
        return;
      }
      case 'ObjectProperty': {
        const object = index.parentOf(parent);
        if (key !== 'value' || object?.type !== 'ObjectExpression' || container !== undefined) return;
        const name = parent.computed ? this.tools.context.evaluator.evaluateString(parent.key) : staticPropertyName(parent.key, false);
        if (name === undefined || !this.tools.paramKeys.has(name)) return;
        const endpoint = this.requests.siblingEndpoint(object);
        if (endpoint) return proof(node, endpoint);
        return next(object, { container: name });
      }
      case 'SpreadElement': {
        const object = index.parentOf(parent);
        if (object?.type === 'ObjectExpression') next(object, { holders: [...holders, object] });
        return;
      }
      case 'CallExpression':
      case 'NewExpression':
        if (key === 'arguments') this.throughArgument(parent, parent.arguments.indexOf(node as never), next, holders);
        return;
      case 'ReturnStatement': {
        const fn = index.enclosingFunction(parent);
        if (fn) for (const call of this.callSites(fn)) next(call);
        return;
      }
      case 'ArrowFunctionExpression':
        if (key === 'body') for (const call of this.callSites(parent)) next(call);
        return;
      case 'MemberExpression': {
        // `params.toString()`: the query string of a URLSearchParams.
        const call = index.parentOf(parent);
        if (key === 'object' && call?.type === 'CallExpression' && call.callee === parent && staticPropertyName(parent.property, parent.computed) === 'toString') next(call, { isConverted: true });
        return;
      }
      case 'TemplateLiteral':
      case 'BinaryExpression':
        if (container === undefined && (parent.type === 'TemplateLiteral' || isPlusExpression(parent))) this.intoString(node, next, proof, result);
        return;
      default:
        return;
    }
  }

  private toReferences(id: Node, next: (node: Node, options?: { holders?: Node[] }) => void, holders: Node[]): void {
    const binding = this.tools.bindingOf(id);
    if (!binding) return;
    const withVariable = [...holders, binding.id];
    for (const reference of binding.references) next(reference, { holders: withVariable });
  }

  private throughArgument(call: AnyCall, position: number, next: (node: Node, options?: { container?: string | undefined; holders?: Node[]; isConverted?: boolean }) => void, holders: Node[]): void {
    if (position < 0) return;
    if (calleeName(call) === 'Object.assign') {
      // Sources merge into the target, and the call returns the target.
      const target = call.arguments[0];
      if (position > 0 && target && target.type !== 'SpreadElement' && target.type !== 'ArgumentPlaceholder') {
        const inner = unwrapExpression(target);
        if (inner.type === 'Identifier') this.toReferences(inner, next, holders);
        else if (inner.type === 'ObjectExpression') next(call, { holders: [...holders, inner] });
      }
      if (position === 0 || unwrapExpression(call.arguments[0] as Node).type !== 'ObjectExpression') next(call);
      return;
    }
    const keyList = keyListQuery(call, position, this.tools.context.index);
    if (keyList) return next(keyList, { isConverted: true });
    for (const shape of this.shapes) {
      const conversion = shape.conversion?.(call, position, this.tools);
      if (conversion) return next(call, { holders: conversion === 'params' ? [...holders, call] : holders, isConverted: true });
    }
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'Identifier') return;
    const binding = this.tools.bindingOf(callee);
    const fn = binding?.init ? unwrapExpression(binding.init) : undefined;
    if (!fn || binding!.writes.length > 0 || !(fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression')) return;
    const param = fn.params[position];
    if (param?.type !== 'Identifier') return;
    if (param.typeAnnotation) this.typesSeen.push(param.typeAnnotation);
    // A local `toQuery(obj)`: its result is the object's query string.
    if (isQuerySerializer(fn, param)) return next(call, { isConverted: true });
    this.toReferences(param, next, holders);
  }

  private intoString(node: Node, next: (node: Node, options?: { isConverted?: boolean }) => void, proof: (root: Node, endpoint: Endpoint | undefined) => void, result: FlowResult): void {
    const { index } = this.tools.context;
    let chain: Node = node;
    for (let parent = index.parentOf(chain); parent; parent = index.parentOf(chain)) {
      const isChain = isPlusExpression(parent) || parent.type === 'TemplateLiteral' || (parent.type === 'ParenthesizedExpression' && index.parentOf(parent) && isPlusExpression(index.parentOf(parent)!));
      if (!isChain) break;
      chain = parent;
    }
    result.chainHoles.push({ hole: node, chain });
    const endpoint = classifyRequestText(knownText(chain, { evaluator: this.tools.context.evaluator, scopes: this.tools.scopes }), this.tools.context.options.services);
    if (endpoint) proof(chain, endpoint);
    else next(chain, { isConverted: true });
  }
}

