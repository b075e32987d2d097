import { text } from '../recorder.js';
import { markStub } from '../stub-value.js';
import type { ClientKit } from './node-clients.js';

/**
 * Recording stand-ins for the browser's request APIs and the Ajax helpers of 2008–2013: fetch,
 * XMLHttpRequest, jQuery, AngularJS `$http` (and vue-resource's, which has `body`), Prototype,
 * ExtJS, Dojo and MooTools. Each places data where its library did: a GET's data in the query,
 * any other verb's in the body.
 */
type Options = Record<string, unknown>;

const isObject = (value: unknown): value is Options => typeof value === 'object' && value !== null;
const isGet = (method: unknown) => /^(get|head|jsonp|delete)$/i.test(text(method ?? 'GET'));

function send(kit: ClientKit, client: string, method: unknown, url: unknown, data: unknown, extraQuery?: unknown): void {
  const verb = text(method ?? 'GET');
  if (isGet(verb)) kit.recorder.record(client, verb, url, mergeQuery(extraQuery, data));
  else kit.recorder.record(client, verb, url, extraQuery, data);
}

function mergeQuery(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (isObject(a) && isObject(b)) return { ...a, ...b };
  return `${new URLSearchParams(isObject(a) ? (a as Record<string, string>) : text(a))}&${new URLSearchParams(isObject(b) ? (b as Record<string, string>) : text(b))}`;
}

export function fetchClient(kit: ClientKit): unknown {
  return markStub((url: unknown, init: Options = {}) => {
    const target = isObject(url) && 'url' in url ? url.url : url;
    kit.recorder.record('fetch', text(init.method ?? 'GET'), target, undefined, init.body);
    return Promise.resolve(kit.response('response'));
  });
}

export function xmlHttpRequestClass(kit: ClientKit): unknown {
  return markStub(
    class XMLHttpRequest {
      private method = 'GET';
      private url: unknown = '';
      open(method: string, url: unknown) {
        this.method = method;
        this.url = url;
      }
      setRequestHeader() {}
      send(body?: unknown) {
        kit.recorder.record('xhr', this.method, this.url, undefined, body ?? undefined);
        const onload = (this as unknown as Options).onload ?? (this as unknown as Options).onreadystatechange;
        if (typeof onload === 'function') kit.later(onload.bind(this), []);
      }
    },
  );
}

/** jQuery's `$.param` (jQuery 1.x: spaces as `+`, arrays as `key[]`? no: `traditional` style, repeated keys). */
export function jqueryParam(value: unknown): string {
  const parts: string[] = [];
  for (const [key, item] of Object.entries((value ?? {}) as Options)) {
    const items = Array.isArray(item) ? item : [item];
    for (const element of items) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text(typeof element === 'function' ? element() : element ?? ''))}`);
  }
  return parts.join('&').replace(/%20/g, '+');
}

export function jqueryClient(kit: ClientKit): unknown {
  const ajax = (first: unknown, second?: Options) => {
    const settings: Options = typeof first === 'string' ? { ...second, url: first } : { ...(first as Options) };
    const data = isObject(settings.data) && settings.processData !== false ? jqueryParam(settings.data) : settings.data;
    send(kit, 'jquery', settings.type ?? settings.method ?? 'GET', settings.url, data);
    const callback = settings.success;
    if (typeof callback === 'function') kit.later(callback, [kit.response('data')]);
    return promiseLike(kit);
  };
  const shorthand = (method: string) => (url: unknown, data?: unknown, callback?: unknown) => {
    const hasData = typeof data !== 'function';
    send(kit, 'jquery', method, url, hasData && isObject(data) ? jqueryParam(data) : hasData ? data : undefined);
    const done = hasData ? callback : data;
    if (typeof done === 'function') kit.later(done, [kit.response('data')]);
    return promiseLike(kit);
  };
  const $ = Object.assign((selector: unknown) => markStub({ selector, load: () => undefined, on: () => undefined, val: () => '<val>' }), {
    ajax,
    get: shorthand('GET'),
    post: shorthand('POST'),
    getJSON: shorthand('GET'),
    param: jqueryParam,
  });
  return markStub($);
}

function promiseLike(kit: ClientKit): unknown {
  const promise = Promise.resolve(kit.response('data'));
  const chain: object = Object.assign(promise, {
    done: (cb: unknown) => (typeof cb === 'function' && kit.later(cb, [kit.response('data')]), chain),
    fail: () => chain,
    always: () => chain,
    success: (cb: unknown) => (typeof cb === 'function' && kit.later(cb, [kit.response('data')]), chain),
    error: () => chain,
  });
  return chain;
}

/** AngularJS `$http` (params → query, data → body) and vue-resource's `this.$http` (body → body). */
export function angularHttp(kit: ClientKit): unknown {
  const request = (config: Options) => {
    kit.recorder.record('$http', text(config.method ?? 'GET'), config.url, config.params, config.data ?? config.body);
    return promiseLike(kit);
  };
  const withUrl = (method: string) => (url: unknown, config: Options = {}) => request({ ...config, url, method });
  const withData = (method: string) => (url: unknown, data: unknown, config: Options = {}) => request({ ...config, url, method, data: data ?? config.data ?? config.body });
  return markStub(Object.assign(request, {
    get: withUrl('GET'),
    delete: withUrl('DELETE'),
    head: withUrl('HEAD'),
    jsonp: withUrl('JSONP'),
    post: withData('POST'),
    put: withData('PUT'),
    patch: withData('PATCH'),
  }));
}

/** `angular.module(...)`: each registered factory, service or controller is built at once, `$http` injected by name. */
export function angularGlobal(kit: ClientKit, build: (factory: unknown, dependencies: string[] | undefined) => void): unknown {
  const module: Options = markStub({});
  const register = (_name: unknown, definition: unknown) => {
    if (Array.isArray(definition)) build(definition[definition.length - 1], definition.slice(0, -1).map(String));
    else build(definition, undefined);
    return module;
  };
  for (const kind of ['factory', 'service', 'controller', 'directive', 'run', 'config', 'provider', 'filter']) {
    module[kind] = (name: unknown, definition?: unknown) => register(name, definition ?? name);
  }
  return markStub({ module: () => module });
}

/** Prototype's `Ajax.Request`/`Ajax.Updater` (`parameters`), ExtJS's `Ext.Ajax.request` (`params`), Dojo's `xhrGet`/`xhrPost` (`content`). */
export function legacyAjaxGlobals(kit: ClientKit): Record<string, unknown> {
  class AjaxRequest {
    constructor(url: unknown, options: Options = {}) {
      send(kit, 'prototype', options.method ?? 'POST', url, options.parameters ?? options.postBody);
      if (typeof options.onSuccess === 'function') kit.later(options.onSuccess, [kit.response('transport')]);
    }
  }
  class AjaxUpdater {
    constructor(_container: unknown, url: unknown, options: Options = {}) {
      send(kit, 'prototype', options.method ?? 'POST', url, options.parameters ?? options.postBody);
    }
  }
  const dojoXhr = (method: string) => (options: Options) => {
    send(kit, 'dojo', method, options.url, options.content ?? options.postData);
    return promiseLike(kit);
  };
  class MooRequest {
    private readonly options: Options;
    constructor(options: Options = {}) {
      this.options = options;
    }
    send(data?: unknown) {
      const options = this.options;
      send(kit, 'mootools', options.method ?? 'POST', options.url, data ?? options.data);
      return this;
    }
    get(data?: unknown) {
      send(kit, 'mootools', 'GET', this.options.url, data ?? this.options.data);
      return this;
    }
    post(data?: unknown) {
      send(kit, 'mootools', 'POST', this.options.url, data ?? this.options.data);
      return this;
    }
  }
  const Request = Object.assign(MooRequest, { JSON: class extends MooRequest {}, HTML: class extends MooRequest {} });
  return {
    Ajax: markStub({ Request: AjaxRequest, Updater: AjaxUpdater }),
    Ext: markStub({
      Ajax: markStub({
        request: (options: Options) => {
          const method = options.method ?? (options.params || options.jsonData ? 'POST' : 'GET');
          send(kit, 'ext', method, options.url, options.params ?? options.jsonData);
        },
      }),
    }),
    dojo: markStub({ xhrGet: dojoXhr('GET'), xhrPost: dojoXhr('POST'), xhrPut: dojoXhr('PUT') }),
    Request: markStub(Request),
  };
}
