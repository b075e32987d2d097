import { REQUEST_SHAPES } from '../../../src/core/shapes/index.js';
import { stringParams, text, type Params } from '../recorder.js';
import { isStub, markStub } from '../stub-value.js';
import type { ClientKit } from './node-clients.js';

/**
 * The modules a request shape names as HTTP clients (`clientModules`, src/core/shapes). One with
 * no dedicated stand-in gets the generic one below, so that a new shape's fixture pairs run in
 * the oracle without a stand-in of their own (CONTRIBUTING.md, "Adding a request shape"); any
 * other module still has none, and requiring it is an error the run reports. Only the list of
 * modules comes from the shapes: what a request carries is what the call was given, never what a
 * shape reads from it, so a shape's wrong reading cannot prove itself here.
 */
export const SHAPE_CLIENT_MODULES: ReadonlySet<string> = new Set(REQUEST_SHAPES.flatMap((shape) => shape.clientModules ?? []));

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);
const URL_KEYS = new Set(['url', 'uri']);
const MAX_DEPTH = 4;

type Options = Record<string, unknown>;

/** Objects of the module's own realm (node:vm) have its Object: recognised by the constructor's name. */
const isPlainObject = (value: unknown): value is Options => {
  if (typeof value !== 'object' || value === null || isStub(value) || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto.constructor?.name === 'Object';
};
const isUrl = (value: unknown) => typeof value === 'string' || value instanceof URL;
/** `a=1&b=2`: a string a server would read as parameters. */
const isQueryText = (value: string) => /^[\w.%[\]-]+=/.test(value) && !/\s/.test(value) && !/^[a-z]+:\/\//i.test(value);

/**
 * Every value the call was given, as parameters in the order written: nested objects, arrays and
 * URLSearchParams by their entries, query text by its pairs. The generic stand-in does not know
 * which option of the library carries the query and which the body, so it records them all in one
 * list: a parameter lost, added or changed anywhere fails the comparison; one moved between two
 * options in the same order does not (a dedicated stand-in tells them apart).
 */
function flatten(key: string, value: unknown, params: Params, depth: number): void {
  if (value === undefined) return;
  // A stand-in argument (`<options>`) is a function underneath: it reads as its text.
  if (isStub(value)) params.push([key, text(value)]);
  else if (typeof value === 'function') return;
  else if (value instanceof URLSearchParams) params.push(...value.entries());
  else if (Array.isArray(value) && depth < MAX_DEPTH) for (const item of value) flatten(key, item, params, depth + 1);
  else if (isPlainObject(value) && depth < MAX_DEPTH) for (const [name, item] of Object.entries(value)) flatten(name, item, params, depth + 1);
  else if (typeof value === 'string' && isQueryText(value)) params.push(...stringParams(value));
  else params.push([key, text(value)]);
}

/**
 * A recording stand-in that knows no library: any property path of the module (`ky.get`,
 * `client.default`) can be called, and a call that names a URL (its first string or URL argument,
 * else a `url`/`uri` option) is a request of `<module>.<path>`, its method the verb the path ends
 * with, else a `method` option, else GET. It answers at once: a thenable of a stand-in response
 * whose methods (`.json()`) answer the same way, and a Node-style callback is called with it.
 */
export function genericClient(kit: ClientKit, module: string): unknown {
  const node = (path: readonly string[]): unknown => {
    const call = (...args: unknown[]) => {
      const options = args.filter(isPlainObject);
      const urlIndex = args.findIndex(isUrl);
      const optionUrl = options.map((option) => Object.entries(option).find(([key, value]) => URL_KEYS.has(key) && isUrl(value))?.[1]).find((url) => url !== undefined);
      const url = urlIndex >= 0 ? args[urlIndex] : optionUrl;
      if (url !== undefined) {
        const verb = [...path].reverse().find((name) => VERBS.has(name.toLowerCase()));
        const method = text(verb ?? options.map((option) => option.method).find((value) => value !== undefined) ?? 'GET');
        const params: Params = [];
        args.forEach((arg, index) => {
          if (index === urlIndex) return;
          if (!isPlainObject(arg)) return flatten('', arg, params, 0);
          for (const [key, value] of Object.entries(arg)) {
            if (key !== 'method' && !(URL_KEYS.has(key) && value === url)) flatten(key, value, params, 1);
          }
        });
        kit.recorder.record([module, ...path].join('.'), method.toLowerCase() === 'del' ? 'DELETE' : method, url, new URLSearchParams(params));
      }
      const callback = [...args].reverse().find((arg) => typeof arg === 'function');
      if (callback) kit.later(callback, [null, kit.response('response'), kit.response('body')]);
      return answer();
    };
    return markStub(
      new Proxy(call, {
        get(target, prop) {
          // Babel's ES-module interop asks for `__esModule`, then reads `default`: the module itself.
          if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
          if (prop === 'default') return node(path);
          if (prop === 'prototype' || prop === 'length' || prop === 'name') return Reflect.get(target, prop);
          return node([...path, prop]);
        },
      }),
    );
  };
  /** What a request returns: awaited, a stand-in response; any method of it, the same again. */
  const answer = (): unknown => {
    const response = Promise.resolve(kit.response('response'));
    return markStub(
      new Proxy(response, {
        get(target, prop) {
          if (prop === 'then' || prop === 'catch' || prop === 'finally') return (target[prop] as (...a: unknown[]) => unknown).bind(target);
          if (typeof prop === 'symbol') return undefined;
          return () => answer();
        },
      }),
    );
  };
  return node([]);
}
