import type { CallExpression, ExpressionStatement, MemberExpression, NewExpression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { LexicalBinding, LexicalScopes } from '../scope/lexical-scopes.js';

export type AnyCall = CallExpression | NewExpression;

/** Where a request goes: a URL (absolute, or relative to an instance's base), or Node's host + path. */
export interface UrlParts {
  url?: Node;
  /** The factory call (`axios.create`, `request.defaults`) whose base URL a relative URL extends. */
  factory?: AnyCall;
  host?: Node;
  path?: Node;
}

/** A call that sends a request, as one shape understands it. */
export interface RequestCall {
  call: AnyCall;
  parts: UrlParts;
  /** Expressions whose values are sent as query or body parameters. */
  paramNodes: Node[];
  /** The options object argument and its keys that carry parameters, for options objects that arrive through variables. */
  options?: { node: Node; paramKeys: readonly string[] };
  /** `axios.create(...)`, `request.defaults(...)`: the calls of the instance inherit its base URL and parameters. */
  isFactory?: boolean;
}

/** What a call does to a parameters value given at one of its arguments. */
export type Conversion =
  /** `qs.stringify(obj)`, `$.param(obj)`: a query string. */
  | 'string'
  /** `new URLSearchParams(obj)`, `Object.fromEntries(pairs)`: the same parameters in another container. */
  | 'params';

/** Help shapes get from the analysis: scopes, module names, options objects. */
export interface ShapeTools {
  context: AnalysisContext;
  scopes: LexicalScopes;
  /** The module a name comes from (`import x from 'm'`, `require('m')`), '' for an undeclared global. */
  moduleOf(node: Node): string | undefined;
  /** The object literal an options argument is, directly or through a variable that holds only it. */
  objectLiteral(node: Node): ObjectExpression | undefined;
  /** The value of a static property of an object literal (the last one wins, as at run time). */
  property(object: ObjectExpression, keys: readonly string[]): Node | undefined;
  /** The call whose result an expression holds (`const api = axios.create(...)`; `api`). */
  creatorOf(node: Node): AnyCall | undefined;
  bindingOf(node: Node): LexicalBinding | undefined;
  /** Every shape's `paramKeys`, together. */
  paramKeys: ReadonlySet<string>;
}

/** How one parameter is written, which decides how it is edited. */
export type EntryForm =
  /** `{ apikey: k }`, `{ 'apikey': k }`, `{ apikey }` */
  | { kind: 'property'; property: ObjectProperty; object: ObjectExpression }
  /** `params.apikey = k;`, `params['ticket'] = t;` */
  | { kind: 'assignment'; member: MemberExpression; statement: ExpressionStatement | null }
  /** `params.append('apikey', k);`, `url.searchParams.set('ticket', t);` */
  | { kind: 'call'; call: CallExpression; statement: ExpressionStatement | null };

export interface ParamEntry {
  /** The name as written. */
  name: string;
  form: EntryForm;
  /** The node that spells the name (identifier key, string literal). */
  key: Node;
  value: Node;
}

/** A parameter whose name is computed, so no edit can be planned for it. */
export interface DynamicEntry {
  node: Node;
  /** What makes it dynamic, for the message. */
  how: string;
  /** The legacy names it sets, when known. */
  names: string[];
}

/**
 * One place that sets request parameters and is planned as a unit: an object literal, or the
 * statements that fill one variable (`params.apikey = k`, `params.append('ticket', t)`).
 */
export interface Carrier {
  kind: 'object' | 'mutations' | 'dynamic';
  /** Identity, to merge what several shapes find about one variable. */
  id: string;
  /** The reported construct. */
  start: number;
  end: number;
  /** Every parameter with a static name, in source order (legacy or not). */
  entries: ParamEntry[];
  dynamic: DynamicEntry[];
  /** Set when the parameters cannot be rewritten where they are (from another module's constant, set on a nested member). */
  foreignReason?: string;
  /** Legacy names set in a way no entry models (a nested member), for messages. */
  otherNames?: string[];
  /** Where the parameters' value starts to flow. */
  starts: Node[];
  /** Values the parameters are part of from the start (the object, the variable): their keys count. */
  holders: Node[];
  /** Where the request goes, when the carrier itself shows it (`new URL(zoho).searchParams`). */
  fixedUrl?: Node;
}

/**
 * One way code sends or builds a request (axios, request, jQuery, fetch, Node https, URLSearchParams,
 * query-string builders, plain objects). A shape only recognises syntax; the flow of values between
 * them is the analysis's job, so an object that passes through several shapes is seen once.
 */
export interface RequestShape {
  /** The shape's name, which is also its fixture folder under fixtures/transforms/. */
  id: string;
  /**
   * The options keys under which this shape's calls send parameters (`params`, `qs`, `body`): the
   * flow follows a value set under any shape's key (`options.qs = { ... }`) towards its request.
   */
  paramKeys?: readonly string[];
  /**
   * The modules whose bindings this shape's calls read as an HTTP client (`require('axios')`), as
   * written in an import. The ticket removal takes its client list from here (removal/side-effects.ts),
   * so a client the shapes learn is one the removal knows sends requests.
   */
  clientModules?: readonly string[];
  /**
   * The globals it calls with no import (`fetch(url)`, `new XMLHttpRequest()`, `$.ajax(...)`,
   * `superagent.get(url)`): the ticket removal takes its global clients from here, as it takes
   * its modules from clientModules.
   */
  clientGlobals?: readonly string[];
  /** The request this call sends, if it is one this shape knows. */
  requestCall?(call: AnyCall, tools: ShapeTools): RequestCall | undefined;
  /** What the call makes of a parameters value given as argument `index`. */
  conversion?(call: AnyCall, index: number, tools: ShapeTools): Conversion | undefined;
  /** Parameters this shape sets outside object literals (`params.append('apikey', k)`). */
  carriers?(tools: ShapeTools): Carrier[];
}

/** `a.b.c` of a callee, with the first name's module. */
export function calleeParts(call: AnyCall, tools: ShapeTools): { names: string[]; module: string | undefined } | undefined {
  const names: string[] = [];
  let current: Node = unwrapExpression(call.callee);
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    const name = staticPropertyName(current.property, current.computed);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrapExpression(current.object);
  }
  if (current.type !== 'Identifier') return undefined;
  names.unshift(current.name);
  return { names, module: tools.moduleOf(current) };
}

/** A name is the module's when it is imported or required from one of `modules`, or is the undeclared global. */
export function isModuleName(parts: { names: string[]; module: string | undefined }, modules: readonly string[], globals: readonly string[]): boolean {
  if (parts.module === '') return globals.includes(parts.names[0]!);
  return parts.module !== undefined && modules.includes(parts.module);
}

/**
 * The options object a request is sent with: the keys of it that carry parameters, and the URL it
 * names under one of `urlKeys` when the call did not give one already.
 */
export function withOptions(request: RequestCall, options: Node | undefined, paramKeys: readonly string[], urlKeys: readonly string[], tools: ShapeTools): RequestCall {
  if (!options) return request;
  request.options = { node: options, paramKeys };
  const literal = tools.objectLiteral(options);
  if (!literal) return request;
  for (const key of paramKeys) {
    const value = tools.property(literal, [key]);
    if (value) request.paramNodes.push(value);
  }
  const url = tools.property(literal, urlKeys);
  if (url && !request.parts.url) request.parts.url = url;
  return request;
}

/** Arguments that are plain expressions (a spread makes positions unknown). */
export function plainArguments(call: AnyCall): Node[] | undefined {
  if (call.arguments.some((arg) => arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder')) return undefined;
  return call.arguments as Node[];
}
