import { transformSync } from '@babel/core';
import { parse, parseExpression } from '@babel/parser';
import querystring from 'node:querystring';
import util from 'node:util';
import vm from 'node:vm';
import qs from 'qs';
import { angularGlobal, angularHttp, fetchClient, jqueryClient, legacyAjaxGlobals, xmlHttpRequestClass } from './clients/browser-clients.js';
import { genericClient, SHAPE_CLIENT_MODULES } from './clients/generic-client.js';
import { axiosClient, gotClient, needleClient, nodeHttp, requestClient, restlerClient, superagentClient, type ClientKit } from './clients/node-clients.js';
import { Recorder, type RecordedRequest } from './recorder.js';
import { queryPartFor } from './query-parts.js';
import { destub, isStub, markStub, stubValue } from './stub-value.js';

/** The token the default `--token-expr` (`process.env.ZOHO_CRM_AUTHTOKEN`) reads in the sandbox. */
export const ORACLE_TOKEN = 'oracle-authtoken';

export interface ModuleRun {
  requests: RecordedRequest[];
  /** Errors the module's code threw, in order (compared too: a rewrite must not make code throw). */
  errors: string[];
}

const MAX_CALLS = 400;

/**
 * Runs one module in a fresh `node:vm` context: TypeScript, Flow and JSX stripped by Babel, ES
 * modules turned into CommonJS, every client the detectors know replaced by a recorder. It runs
 * the module's top-level code, then calls (fixtures/README.md, "How the oracle runs a fixture")
 * every function the module exports or declares at its top level, the methods of every object and
 * class it declares or a call returns, and the callbacks and timers all of that handed on.
 */
export interface RunOptions {
  env?: Record<string, string>;
  /** The source is plain CommonJS JavaScript with no free names: run as it is (the fuzz suite's programs). */
  isPlainScript?: boolean;
}

export async function runModule(source: string, filePath: string, options: RunOptions = {}): Promise<ModuleRun> {
  const env = options.env ?? {};
  const recorder = new Recorder();
  const pending: Array<() => unknown> = [];
  let calls = 0;
  const guard = (fn: () => unknown) => {
    if (++calls > MAX_CALLS) return undefined;
    try {
      const result = fn();
      if (result && typeof (result as Promise<unknown>).then === 'function' && !isStub(result)) {
        (result as Promise<unknown>).then(undefined, (error: unknown) => recorder.errors.push(message(error)));
      }
      return result;
    } catch (error) {
      recorder.errors.push(message(error));
      return undefined;
    }
  };
  const injectables: Record<string, unknown> = {};
  const stub = (name: string) => stubValue(name, injectables);
  const kit: ClientKit = {
    recorder,
    response: (name) => stub(name),
    later: (callback, args) => pending.push(() => (callback as (...a: unknown[]) => unknown)(...args)),
  };
  const modules = clientModules(kit);
  Object.assign(injectables, { $http: angularHttp(kit), $: modules.jquery, jQuery: modules.jquery, axios: modules.axios, http: modules.http, https: modules.https, request: modules.request });

  const { code, freeNames } = options.isPlainScript ? { code: source, freeNames: [] } : transpile(source, filePath);
  const module = { exports: {} as unknown };
  const timers: Array<() => unknown> = [];
  const standIn = (name: string) => (Object.hasOwn(injectables, name) ? injectables[name] : (queryPartFor(name) ?? stub(name)));
  const argsFor = (fn: unknown) => parameterNames(fn).map((name, i) => standIn(name || `arg${i}`));
  // The clients and the real libraries are not the module's code: never walked into.
  const exercised = new Set<unknown>([...Object.values(modules), ...Object.values(injectables)]);
  const exercise = async (value: unknown, depth: number, self?: unknown): Promise<void> => {
    if (typeof value === 'string') return recordBuiltUrl(recorder, value);
    if (depth > 3 || value === null || isStub(value) || exercised.has(value)) return;
    if (typeof value !== 'function' && typeof value !== 'object') return;
    exercised.add(value);
    if (typeof value === 'function') {
      const prototypeMethods = methodsOf((value as { prototype?: object }).prototype);
      const isClass = /^class\b/.test(Function.prototype.toString.call(value));
      if (isClass || prototypeMethods.length > 0) {
        const instance = guard(() => Reflect.construct(value as new (...a: unknown[]) => unknown, argsFor(value)));
        if (instance && typeof instance === 'object') {
          for (const name of prototypeMethods) await settle(guard(() => (instance as Record<string, (...a: unknown[]) => unknown>)[name]!(...argsFor((instance as Record<string, unknown>)[name]))));
          await exercise(instance, depth + 1);
        }
        for (const name of methodsOf(value)) await exercise((value as unknown as Record<string, unknown>)[name], depth + 1, value);
        return;
      }
      const result = await settle(guard(() => Reflect.apply(value as (...a: unknown[]) => unknown, self ?? stub('this'), argsFor(value))));
      await exercise(result, depth + 1);
      for (const name of methodsOf(value)) await exercise((value as unknown as Record<string, unknown>)[name], depth + 1, value);
      return;
    }
    for (const key of Object.keys(value as object)) {
      const member = (value as Record<string, unknown>)[key];
      if (typeof member === 'function') await exercise(member, depth + 1, value);
      else if (typeof member === 'string' || (member && typeof member === 'object' && depth < 3)) await exercise(member, depth + 1);
    }
  };

  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (specifier: string) => {
      const name = specifier.replace(/^node:/, '');
      if (!Object.hasOwn(modules, name) && SHAPE_CLIENT_MODULES.has(specifier)) modules[name] = genericClient(kit, specifier);
      const found = modules[name];
      // The fixture's own modules (`./session`) are not part of the pair: a stand-in answers for them.
      if (found === undefined && specifier.startsWith('.')) return stub(`require(${specifier})`);
      if (found === undefined) throw new Error(`oracle: no stand-in for require('${specifier}')`);
      return found;
    },
    process: markStub({ env: environment(env), argv: [], nextTick: (fn: () => unknown) => pending.push(fn) }),
    console: markStub({ log() {}, info() {}, warn() {}, error() {}, debug() {} }),
    setTimeout: (fn: unknown) => (typeof fn === 'function' && timers.push(fn as () => unknown), 0),
    setInterval: (fn: unknown) => (typeof fn === 'function' && timers.push(fn as () => unknown), 0),
    setImmediate: (fn: unknown) => (typeof fn === 'function' && pending.push(fn as () => unknown), 0),
    clearTimeout() {},
    clearInterval() {},
    URL,
    URLSearchParams: class extends URLSearchParams {
      constructor(init?: unknown) {
        super(destub(init) as never);
      }
    },
    Buffer,
    fetch: fetchClient(kit),
    XMLHttpRequest: xmlHttpRequestClass(kit),
    $: modules.jquery,
    jQuery: modules.jquery,
    angular: angularGlobal(kit, (factory, dependencies) => {
      const names = dependencies ?? parameterNames(factory);
      const args = names.map(standIn);
      pending.push(async () => exercise(await settle(guard(() => (factory as (...a: unknown[]) => unknown)(...args))), 1));
    }),
    ...legacyAjaxGlobals(kit),
    window: stub('window'),
    document: stub('document'),
    __jsx: (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children }),
    __fragment: 'fragment',
  });
  // Names the fixture takes from elsewhere (a global session, a constant of another file): stand-ins.
  for (const name of freeNames) {
    const isDefined = /^[A-Za-z_$][\w$]*$/.test(name) && vm.runInContext(`typeof ${name} !== 'undefined'`, context);
    if (!isDefined) (context as Record<string, unknown>)[name] = standIn(name);
  }
  guard(() => new vm.Script(code, { filename: filePath }).runInContext(context, { timeout: 2000 }));
  const names = topLevelNames(code);
  const declared = names.length === 0 ? {} : (guard(() => new vm.Script(`({ ${names.map((n) => `${JSON.stringify(n)}: typeof ${n} === 'undefined' ? undefined : ${n}`).join(', ')} })`).runInContext(context)) as Record<string, unknown> | undefined) ?? {};

  await drain(pending);
  await exercise(module.exports, 0);
  for (const name of names) await exercise(declared[name], 0);
  await drain(pending);
  for (const timer of timers.splice(0, 50)) await settle(guard(timer));
  await drain(pending);
  return { requests: recorder.requests, errors: recorder.errors };

  async function drain(queue: Array<() => unknown>): Promise<void> {
    for (let round = 0; round < 20 && queue.length > 0; round++) {
      for (const task of queue.splice(0)) await settle(guard(task));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Credentials are set (to `<env:NAME>`), as on the server the code was written for; other
 * variables are not, so that `process.env.CRM_URL || 'https://crm.zoho.com/...'` takes its fallback.
 */
function environment(env: Record<string, string>): Record<string, string> {
  const fixed: Record<string, string> = { ...env, ZOHO_CRM_AUTHTOKEN: ORACLE_TOKEN };
  const isCredential = (name: string) => /KEY|TICKET|TOKEN|SECRET|PASS|USER|LOGIN|EMAIL/i.test(name);
  return new Proxy(fixed, {
    get: (target, name) => {
      if (typeof name === 'symbol') return undefined;
      if (Object.hasOwn(target, name)) return target[name];
      return isCredential(name) ? `<env:${name}>` : undefined;
    },
  });
}

/** A URL the code builds and returns (or keeps in a top-level constant) is the request it stands for. */
function recordBuiltUrl(recorder: Recorder, value: string): void {
  // A printf template (`...?apikey=%s`) is not a request yet: the call that fills it in sends one.
  if (/%[sdifjoOc]/.test(value)) return;
  if (/^https?:\/\/[^\s]+$/i.test(value.trim()) && value.includes('=')) recorder.record('value', 'VALUE', value.trim());
}

function clientModules(kit: ClientKit): Record<string, unknown> {
  const axios = axiosClient(kit);
  const jquery = jqueryClient(kit);
  return {
    http: nodeHttp(kit, 'http'),
    https: nodeHttp(kit, 'https'),
    request: requestClient(kit),
    axios: Object.assign(axios as object, { default: axios }),
    superagent: superagentClient(kit),
    got: gotClient(kit),
    needle: needleClient(kit),
    restler: restlerClient(kit),
    querystring: { ...querystring, stringify: (object: unknown, ...rest: never[]) => querystring.stringify(destub(object) as never, ...rest), encode: (object: unknown, ...rest: never[]) => querystring.stringify(destub(object) as never, ...rest) },
    qs: { ...qs, stringify: (object: unknown, options?: never) => qs.stringify(destub(object), options) },
    util,
    url: { URL, URLSearchParams, parse: (u: string) => new URL(u) },
    jquery,
    react: markStub({ createElement: () => null, useEffect: () => undefined, useState: (v: unknown) => [v, () => undefined] }),
    vue: markStub({ defineComponent: (c: unknown) => c, ref: (v: unknown) => ({ value: v }) }),
  };
}

async function settle(value: unknown): Promise<unknown> {
  if (!value || isStub(value) || typeof (value as Promise<unknown>).then !== 'function') return value;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 50)));
  try {
    return await Promise.race([(value as Promise<unknown>).then(undefined, () => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function message(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as Error).message) : String(error);
}

function methodsOf(object: object | undefined): string[] {
  if (!object) return [];
  return Object.getOwnPropertyNames(object).filter((name) => {
    if (name === 'constructor' || name === 'prototype' || name === 'length' || name === 'name' || name === 'caller' || name === 'arguments') return false;
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    return typeof descriptor?.value === 'function';
  });
}

/** Parameter names, read from the function's own source (`$http` is injected by name, as AngularJS does). */
function parameterNames(fn: unknown): string[] {
  if (typeof fn !== 'function') return [];
  const source = Function.prototype.toString.call(fn);
  for (const wrapped of [`(${source})`, `({ ${source} })`]) {
    try {
      const params = paramsOf(parseExpression(wrapped, { plugins: ['jsx'] }) as unknown as Node);
      if (params) return params.map((p) => p.name ?? p.left?.name ?? '');
    } catch {
      continue;
    }
  }
  return [];
}

interface Node {
  type: string;
  params?: Array<{ name?: string; left?: { name?: string } }>;
  properties?: Node[];
  kind?: string;
  body?: { body?: Node[] };
}

function paramsOf(node: Node): Node['params'] {
  if (node.type === 'ClassExpression') return node.body?.body?.find((member) => member.kind === 'constructor')?.params ?? [];
  return node.params ?? node.properties?.[0]?.params;
}

function topLevelNames(code: string): string[] {
  const names: string[] = [];
  const program = parse(code, { sourceType: 'script', allowReturnOutsideFunction: true, errorRecovery: true }).program;
  for (const statement of program.body) {
    if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) names.push(statement.id.name);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) if (declarator.id.type === 'Identifier' && declarator.init) names.push(declarator.id.name);
    }
  }
  return names;
}


function transpile(source: string, filePath: string): { code: string; freeNames: string[] } {
  const freeNames: string[] = [];
  const collectFreeNames = () => ({
    visitor: {
      Program: {
        exit(programPath: { scope: { globals: Record<string, unknown> } }) {
          freeNames.push(...Object.keys(programPath.scope.globals));
        },
      },
    },
  });
  const isTypeScript = /\.[cm]?tsx?$/.test(filePath);
  const result = transformSync(source, {
    filename: filePath,
    babelrc: false,
    configFile: false,
    sourceType: 'unambiguous',
    presets: isTypeScript ? [['@babel/preset-typescript', { isTSX: filePath.endsWith('x'), allExtensions: true, onlyRemoveTypeImports: false }]] : ['@babel/preset-flow'],
    plugins: [collectFreeNames, ['@babel/plugin-transform-react-jsx', { pragma: '__jsx', pragmaFrag: '__fragment', throwIfNamespace: false }], ['@babel/plugin-transform-modules-commonjs', { strictMode: false }]],
  });
  if (!result?.code) throw new Error(`oracle: Babel gave no code for ${filePath}`);
  return { code: result.code, freeNames };
}
