import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../../ast/node-utils.js';
import { calleeParts, isModuleName, plainArguments, withOptions, type AnyCall, type RequestCall, type RequestShape, type ShapeTools } from '../request-shape.js';

const MODULES = ['axios'];
const GLOBALS = ['axios'];
const WITHOUT_DATA = new Set(['get', 'delete', 'head', 'options']);
const WITH_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const PARAM_KEYS = ['params', 'data'];

/** `axios.create(...)` calls, and the instances made by them. */
function factoryOf(node: Node, tools: ShapeTools): AnyCall | undefined {
  const creator = tools.creatorOf(node);
  if (!creator) return undefined;
  const parts = calleeParts(creator, tools);
  return parts && parts.names.length === 2 && parts.names[1] === 'create' && isModuleName(parts, MODULES, GLOBALS) ? creator : undefined;
}

/** `axios.get(...)`, or a call of an instance (`api.get(...)`, `this.http.get(...)`, `api(...)`). */
function instanceCall(call: AnyCall, tools: ShapeTools): { isAxios: boolean; factory: AnyCall | undefined; method: string | undefined } | undefined {
  const parts = calleeParts(call, tools);
  if (parts && parts.names.length <= 2 && isModuleName(parts, MODULES, GLOBALS)) return { isAxios: true, factory: undefined, method: parts.names[1] };
  const callee = unwrapExpression(call.callee);
  const isMethod = callee.type === 'MemberExpression';
  const method = isMethod ? staticPropertyName(callee.property, callee.computed) : undefined;
  const factory = factoryOf(isMethod ? callee.object : callee, tools);
  if (!factory || (isMethod && method === undefined)) return undefined;
  return { isAxios: false, factory, method };
}

/** The request of one config object: its `url` (an instance's `baseURL`), and its `params` and `data`. */
function withConfig(request: RequestCall, config: Node | undefined, tools: ShapeTools): RequestCall {
  return withOptions(request, config, PARAM_KEYS, request.isFactory ? ['baseURL'] : ['url'], tools);
}

const CONFIG_PARAM_KEYS = new Set(PARAM_KEYS);

/** `x.interceptors.request.use`: the object whose requests the interceptor changes. */
function interceptedObject(call: AnyCall): Node | undefined {
  let member: Node = unwrapExpression(call.callee);
  for (const name of ['use', 'request', 'interceptors']) {
    if (member.type !== 'MemberExpression' || staticPropertyName(member.property, member.computed) !== name) return undefined;
    member = unwrapExpression(member.object);
  }
  return member;
}

/**
 * `instance.interceptors.request.use((config) => { config.params = { ...config.params, apikey, ticket }; return config; })`:
 * what the interceptor puts in `config.params` or `config.data` goes with every request of the
 * instance, so it is proven Zoho by the instance's `baseURL`. On the global `axios` it goes with
 * every request, whatever its URL: not provable, so reported (https://axios-http.com/docs/interceptors).
 */
function interceptorRequest(call: AnyCall, tools: ShapeTools): RequestCall | undefined {
  const target = interceptedObject(call);
  const fn = call.arguments[0];
  if (!target || !fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return undefined;
  const isAxios = target.type === 'Identifier' && isModuleName({ names: [target.name], module: tools.moduleOf(target) }, MODULES, GLOBALS);
  const factory = isAxios ? undefined : factoryOf(target, tools);
  if (!isAxios && !factory) return undefined;
  const config = fn.params[0];
  const binding = config?.type === 'Identifier' ? tools.bindingOf(config) : undefined;
  if (!binding) return undefined;
  const request: RequestCall = { call, parts: factory ? { factory } : {}, paramNodes: [] };
  // `config.params` and `config.data` where the interceptor reads or writes them, and what it assigns to them.
  for (const reference of binding.references) {
    const member = tools.context.index.parentOf(reference);
    if (member?.type !== 'MemberExpression' || member.object !== reference || !CONFIG_PARAM_KEYS.has(staticPropertyName(member.property, member.computed) ?? '')) continue;
    request.paramNodes.push(member);
    const assignment = tools.context.index.parentOf(member);
    if (assignment?.type === 'AssignmentExpression' && assignment.left === member && assignment.operator === '=') request.paramNodes.push(assignment.right);
  }
  return request.paramNodes.length > 0 ? request : undefined;
}

/**
 * axios: `axios(config)`, `axios(url, config)`, `axios.get(url, { params })`, `axios.post(url, data, { params })`,
 * and `axios.create({ baseURL, params })` instances, whose calls (and request interceptors) inherit the base URL and parameters
 * (https://axios-http.com/docs/req_config).
 */
export const axiosShape: RequestShape = {
  id: 'axios',
  clientModules: MODULES,
  clientGlobals: GLOBALS,
  paramKeys: PARAM_KEYS,
  requestCall(call, tools) {
    if (call.type !== 'CallExpression') return undefined;
    const interceptor = interceptorRequest(call, tools);
    if (interceptor) return interceptor;
    const args = plainArguments(call);
    const target = instanceCall(call, tools);
    if (!args || !target) return undefined;
    const { isAxios, factory, method } = target;
    const base: RequestCall = { call, parts: factory ? { factory } : {}, paramNodes: [] };
    if (method === undefined || method === 'request') {
      const isConfigFirst = method === 'request' || Boolean(args[0] && tools.objectLiteral(args[0]));
      if (isConfigFirst) return withConfig(base, args[0], tools);
      if (args[0]) base.parts.url = args[0];
      return withConfig(base, args[1], tools);
    }
    if (method === 'create' && isAxios) return withConfig({ ...base, isFactory: true }, args[0], tools);
    if (WITHOUT_DATA.has(method)) {
      if (args[0]) base.parts.url = args[0];
      return withConfig(base, args[1], tools);
    }
    if (WITH_DATA.has(method)) {
      if (args[0]) base.parts.url = args[0];
      if (args[1]) base.paramNodes.push(args[1]);
      return withConfig(base, args[2], tools);
    }
    return undefined;
  },
};
