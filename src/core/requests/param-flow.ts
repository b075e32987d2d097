import type { Node, ObjectExpression } from '@babel/types';
import { calleeName, isPlusExpression, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import { classifyRequestText, type Endpoint } from '../zoho/endpoint.js';
import { joinBase, knownText } from './known-text.js';
import type { AnyCall, RequestCall, RequestShape, ShapeTools } from './request-shape.js';

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

/** Option keys that carry request parameters (axios `params`/`data`, request `qs`/`form`, jQuery `data`, fetch `body`). */
export const PARAM_KEYS: ReadonlySet<string> = new Set(['params', 'qs', 'query', 'data', 'form', 'body', 'searchParams', 'formData']);
const URL_KEYS = ['url', 'uri', 'baseURL', 'baseUrl'];
const HOST_KEYS = ['hostname', 'host'];
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
  private readonly byParam = new Map<Node, RequestCall[]>();
  private readonly byOptions = new Map<Node, RequestCall[]>();
  private readonly byCall = new Map<Node, RequestCall>();
  private readonly endpoints = new Map<RequestCall, Endpoint | undefined>();
  private typesSeen: Node[] = [];

  constructor(
    private readonly tools: ShapeTools,
    private readonly shapes: readonly RequestShape[],
  ) {
    const { index } = tools.context;
    for (const call of [...index.ofType('CallExpression'), ...index.ofType('NewExpression')]) {
      for (const shape of shapes) {
        const request = shape.requestCall?.(call, tools);
        if (!request) continue;
        this.byCall.set(call, request);
        const positions = request.parts.url ? [...request.paramNodes, request.parts.url] : request.paramNodes;
        for (const node of positions) push(this.byParam, node, request);
        if (request.parts.path) push(this.byParam, request.parts.path, request);
        if (request.options) push(this.byOptions, request.options.node, request);
        break;
      }
    }
  }

  requestCalls(): RequestCall[] {
    return [...this.byCall.values()];
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

  /** Where a request call sends its request; a factory without a base URL is judged by its instance's calls. */
  endpointOf(request: RequestCall): Endpoint | undefined {
    if (this.endpoints.has(request)) return this.endpoints.get(request);
    this.endpoints.set(request, undefined);
    const endpoint = this.computeEndpoint(request);
    this.endpoints.set(request, endpoint);
    return endpoint;
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

  /** An options object's own URL (`{ url, qs }`, `{ host, path, ... }`), when it proves something. */
  siblingEndpoint(object: ObjectExpression): Endpoint | undefined {
    const url = this.tools.property(object, URL_KEYS);
    if (url) return classifyRequestText(knownText(url, this.textSource()), this.tools.context.options.services);
    const host = this.tools.property(object, HOST_KEYS);
    const path = this.tools.property(object, ['path', 'pathname']);
    return host || path ? this.hostPathEndpoint(host, path) : undefined;
  }

  private textSource() {
    return { evaluator: this.tools.context.evaluator, scopes: this.tools.scopes };
  }

  private hostPathEndpoint(host: Node | undefined, path: Node | undefined): Endpoint | undefined {
    const source = this.textSource();
    const hostText = host ? knownText(host, source) : '';
    const pathText = path ? knownText(path, source) : '';
    const services = this.tools.context.options.services;
    if (hostText !== '' && !hostText.includes('\u0000')) return classifyRequestText(`//${hostText}${pathText.startsWith('/') ? '' : '/'}${pathText}`, services);
    return classifyRequestText(pathText, services);
  }

  private computeEndpoint(request: RequestCall): Endpoint | undefined {
    const { url, factory, host, path } = request.parts;
    const services = this.tools.context.options.services;
    if (host || path) return this.hostPathEndpoint(host, path);
    let text = url ? knownText(url, this.textSource()) : '';
    if (factory) {
      const base = this.byCall.get(factory);
      const baseText = base?.parts.url ? knownText(base.parts.url, this.textSource()) : undefined;
      text = joinBase(baseText, text);
    }
    const endpoint = text === '' ? undefined : classifyRequestText(text, services);
    if (endpoint || !request.isFactory) return endpoint;
    // No base URL in the factory: the instance is what its calls show, when they all agree.
    const found = this.requestCalls()
      .filter((other) => other.parts.factory === request.call)
      .map((other) => (other.parts.url ? classifyRequestText(knownText(other.parts.url, this.textSource()), services) : undefined));
    const first = found[0];
    if (!first || found.some((other) => other?.kind !== first.kind || (other.kind === 'service' && first.kind === 'service' && other.service.id !== first.service.id))) return undefined;
    return first;
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
      const requests = this.byParam.get(node);
      if (requests) {
        for (const request of requests) proof(node, this.endpointOf(request), request);
        return;
      }
    } else {
      const requests = this.byOptions.get(node)?.filter((request) => request.options?.paramKeys.includes(container));
      if (requests && requests.length > 0) {
        for (const request of requests) proof(node, this.endpointOf(request), request);
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
          if (name === undefined || !PARAM_KEYS.has(name) || object.type !== 'Identifier') return;
          const binding = this.tools.bindingOf(object);
          const init = binding?.init ? unwrapExpression(binding.init) : undefined;
          const endpoint = init?.type === 'ObjectExpression' ? this.siblingEndpoint(init) : undefined;
          if (endpoint) return proof(node, endpoint);
          if (binding) for (const reference of binding.references) next(reference, { container: name });
        }
        return;
      }
      case 'ObjectProperty': {
        const object = index.parentOf(parent);
        if (key !== 'value' || object?.type !== 'ObjectExpression' || container !== undefined) return;
        const name = parent.computed ? this.tools.context.evaluator.evaluateString(parent.key) : staticPropertyName(parent.key, false);
        if (name === undefined || !PARAM_KEYS.has(name)) return;
        const endpoint = this.siblingEndpoint(object);
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
    const endpoint = classifyRequestText(knownText(chain, this.textSource()), this.tools.context.options.services);
    if (endpoint) proof(chain, endpoint);
    else next(chain, { isConverted: true });
  }
}

/**
 * Types that hold any key (`any`, `object`, `Record<string, ...>`, index signatures, URLSearchParams):
 * renaming a key in a value of such a type cannot break the type check.
 */
export function isLooseType(annotation: Node | null | undefined): boolean {
  if (!annotation) return true;
  const type = bareType(annotation);
  switch (type.type) {
    case 'TSAnyKeyword':
    case 'TSUnknownKeyword':
    case 'TSObjectKeyword':
    case 'AnyTypeAnnotation':
    case 'MixedTypeAnnotation':
      return true;
    case 'TSTypeLiteral':
      return type.members.every((member) => member.type === 'TSIndexSignature');
    case 'ObjectTypeAnnotation':
      return type.properties.length === 0 && (type.indexers ?? []).length > 0;
    case 'TSTypeReference': {
      const name = type.typeName.type === 'Identifier' ? type.typeName.name : type.typeName.right.name;
      return ['Record', 'URLSearchParams', 'FormData', 'ParsedUrlQueryInput', 'Dictionary', 'const'].includes(name);
    }
    default:
      return false;
  }
}

function bareType(annotation: Node): Node {
  return annotation.type === 'TSTypeAnnotation' || annotation.type === 'TypeAnnotation' ? annotation.typeAnnotation : annotation;
}

/** `any` and `unknown` take a possibly undefined token; every other declared type may want a string. */
export function isAnyType(annotation: Node): boolean {
  const type = bareType(annotation);
  return type.type === 'TSAnyKeyword' || type.type === 'TSUnknownKeyword' || type.type === 'AnyTypeAnnotation' || type.type === 'MixedTypeAnnotation';
}

/** The declared type a value meets at its parent: a typed variable, a cast, a typed parameter, a return type. */
function declaredTypes(parent: Node, key: string | null, index: { enclosingFunction(node: Node): Node | null }): Node[] {
  let annotation: Node | null | undefined;
  if (parent.type === 'VariableDeclarator' && key === 'init') annotation = (parent.id as { typeAnnotation?: Node | null }).typeAnnotation;
  else if ((parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSTypeAssertion') && key === 'expression') annotation = parent.typeAnnotation;
  else if (parent.type === 'ReturnStatement') annotation = (index.enclosingFunction(parent) as { returnType?: Node | null } | null)?.returnType;
  else if (parent.type === 'ArrowFunctionExpression' && key === 'body') annotation = parent.returnType;
  return annotation ? [annotation] : [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
