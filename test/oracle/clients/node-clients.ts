import type { Recorder } from '../recorder.js';
import { text } from '../recorder.js';
import { markStub } from '../stub-value.js';

/**
 * Recording stand-ins for the Node HTTP clients of the apikey/ticket years. Each records what its
 * real counterpart would send (documented option names per client) and answers at once with a
 * stand-in response, calling the callback so that code chained after a request runs too.
 */
export interface ClientKit {
  recorder: Recorder;
  /** A stand-in value for a response, body or error-free result. */
  response: (name: string) => unknown;
  /** Runs a user callback later (as I/O would), with its errors recorded. */
  later: (callback: unknown, args: unknown[]) => void;
}

type Options = Record<string, unknown>;

const isObject = (value: unknown): value is Options => typeof value === 'object' && value !== null;
const lastFunction = (args: unknown[]) => [...args].reverse().find((arg) => typeof arg === 'function');

function answer(kit: ClientKit, args: unknown[]): Promise<unknown> {
  const callback = lastFunction(args);
  if (callback) kit.later(callback, [null, kit.response('response'), kit.response('body')]);
  return Promise.resolve(kit.response('response'));
}

/** `http`/`https`: `get`/`request` with a URL or `{ host, path, method }`; the body is what `write`/`end` give. */
export function nodeHttp(kit: ClientKit, protocol: 'http' | 'https'): unknown {
  const send = (isGet: boolean) => (...args: unknown[]) => {
    const [first, second] = args;
    const options = isObject(first) && !(first instanceof URL) ? first : isObject(second) ? second : {};
    let url = typeof first === 'string' || first instanceof URL ? String(first) : '';
    if (!url) {
      const host = text(options.hostname ?? options.host ?? 'localhost');
      url = `${protocol}://${host}${options.port ? `:${text(options.port)}` : ''}${text(options.path ?? '/')}`;
    }
    const chunks: string[] = [];
    let isDone = false;
    const finish = () => {
      if (isDone) return;
      isDone = true;
      kit.recorder.record(protocol, text(options.method ?? 'GET'), url, undefined, chunks.length > 0 ? chunks.join('') : undefined);
      const callback = lastFunction(args);
      if (callback) kit.later(callback, [kit.response('response')]);
    };
    const req = markStub({
      write: (chunk: unknown) => void chunks.push(String(chunk)),
      end: (chunk?: unknown) => {
        if (chunk !== undefined && typeof chunk !== 'function') chunks.push(String(chunk));
        finish();
      },
      on: () => req,
      setTimeout: () => req,
      abort: () => undefined,
    });
    // `http.get` ends the request itself.
    if (isGet) finish();
    return req;
  };
  return markStub({ get: send(true), request: send(false) });
}

/** `request`: `(url|options, [options], callback)`; `qs` is the query, `form`/`body` the body; `defaults` makes another. */
export function requestClient(kit: ClientKit, defaults: Options = {}): unknown {
  const send = (method: string | undefined) => (...args: unknown[]) => {
    const [first, second] = args;
    const own: Options = typeof first === 'string' ? { ...(isObject(second) && typeof second !== 'function' ? second : {}), url: first } : isObject(first) ? first : {};
    const options: Options = { ...defaults, ...own };
    const url = text(options.url ?? options.uri);
    const base = options.baseUrl === undefined ? undefined : text(options.baseUrl);
    kit.recorder.record('request', text(method ?? options.method ?? 'GET'), url, options.qs, options.form ?? options.formData ?? options.body, base);
    return Object.assign(answer(kit, args), { on: () => undefined, pipe: () => undefined });
  };
  const client = Object.assign(send(undefined), {
    get: send('GET'),
    post: send('POST'),
    put: send('PUT'),
    del: send('DELETE'),
    delete: send('DELETE'),
    defaults: (options: Options) => requestClient(kit, { ...defaults, ...options }),
  });
  return markStub(client);
}

/** axios: `axios(config)`, the verbs, `create(defaults)`, `defaults` and request interceptors. */
export function axiosClient(kit: ClientKit, instanceDefaults: Options = {}): unknown {
  const interceptors: Array<(config: Options) => Options> = [];
  const defaults: Options = { ...instanceDefaults, params: instanceDefaults.params, headers: {} };
  const send = (config: Options) => {
    let merged: Options = { ...defaults, ...config, params: mergeParams(defaults.params, config.params) };
    for (const interceptor of interceptors) merged = interceptor(merged) ?? merged;
    const base = merged.baseURL === undefined ? undefined : text(merged.baseURL);
    kit.recorder.record('axios', text(merged.method ?? 'get'), text(merged.url ?? ''), merged.params, merged.data, base);
    return Promise.resolve(kit.response('response'));
  };
  const withUrl = (method: string) => (url: unknown, config?: Options) => send({ ...config, url, method });
  const withData = (method: string) => (url: unknown, data?: unknown, config?: Options) => send({ ...config, url, data, method });
  const client = Object.assign((first: unknown, second?: Options) => (typeof first === 'string' ? send({ ...second, url: first }) : send((first ?? {}) as Options)), {
    request: (config: Options) => send(config),
    get: withUrl('get'),
    delete: withUrl('delete'),
    head: withUrl('head'),
    post: withData('post'),
    put: withData('put'),
    patch: withData('patch'),
    create: (options: Options = {}) => axiosClient(kit, { ...defaults, ...options }),
    defaults,
    interceptors: {
      request: { use: (fn: (config: Options) => Options) => interceptors.push(fn) },
      response: { use: () => 0 },
    },
  });
  return markStub(client);
}

function mergeParams(base: unknown, own: unknown): unknown {
  if (base === undefined) return own;
  if (own === undefined) return base;
  return isObject(base) && isObject(own) ? { ...base, ...own } : own;
}

/** superagent: a chain of `.query()`/`.send()`, sent on `.end()` or when awaited. */
export function superagentClient(kit: ClientKit): unknown {
  const start = (method: string, url: unknown) => {
    const queries: unknown[] = [];
    const bodies: unknown[] = [];
    let isSent = false;
    const sendNow = () => {
      if (isSent) return;
      isSent = true;
      const query = queries.map((q) => (typeof q === 'string' ? q : new URLSearchParams(Object.entries(q as Options).map(([k, v]): [string, string] => [k, text(v)])).toString())).join('&');
      const body = bodies.length === 0 ? undefined : bodies.every((b) => isObject(b)) ? Object.assign({}, ...(bodies as Options[])) : bodies.map(String).join('&');
      kit.recorder.record('superagent', method, text(url) + (query ? (text(url).includes('?') ? '&' : '?') + query : ''), undefined, body);
    };
    const chain: Options = markStub({
      query: (q: unknown) => (queries.push(q), chain),
      send: (b: unknown) => (bodies.push(b), chain),
      set: () => chain,
      type: () => chain,
      accept: () => chain,
      timeout: () => chain,
      field: (k: string, v: unknown) => (bodies.push({ [k]: v }), chain),
      end: (callback?: unknown) => {
        sendNow();
        if (callback) kit.later(callback, [null, kit.response('response')]);
        return chain;
      },
      then: (resolve: (value: unknown) => unknown, reject?: unknown) => {
        sendNow();
        return Promise.resolve(kit.response('response')).then(resolve, reject as never);
      },
    });
    return chain;
  };
  const verb = (method: string) => (url: unknown, callback?: unknown) => {
    const chain = start(method, url) as { end: (cb: unknown) => unknown };
    if (typeof callback === 'function') chain.end(callback);
    return chain;
  };
  return markStub(Object.assign((method: string, url: unknown) => start(String(method).toUpperCase(), url), {
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    del: verb('DELETE'),
    delete: verb('DELETE'),
  }));
}

/** got: `(url, options)` or `(options)`; `searchParams` (`query` before v10), `form`/`body`/`json`; `extend` and `prefixUrl`. */
export function gotClient(kit: ClientKit, defaults: Options = {}): unknown {
  const send = (method: string | undefined) => (first: unknown, second?: Options) => {
    const own: Options = typeof first === 'string' || first instanceof URL ? { ...second, url: first } : { ...(first as Options) };
    const options: Options = { ...defaults, ...own };
    const base = options.prefixUrl === undefined ? undefined : text(options.prefixUrl);
    const body = options.form ?? (isObject(options.json) ? options.json : undefined) ?? options.body;
    kit.recorder.record('got', text(method ?? options.method ?? 'GET'), text(options.url ?? ''), options.searchParams ?? options.query, body, base);
    const response = Promise.resolve(kit.response('response'));
    return Object.assign(response, { json: () => response, text: () => response });
  };
  return markStub(Object.assign(send(undefined), {
    get: send('GET'),
    post: send('POST'),
    put: send('PUT'),
    delete: send('DELETE'),
    extend: (options: Options) => gotClient(kit, { ...defaults, ...options }),
  }));
}

/** needle: a GET's data is its query string; other verbs send it as the body. */
export function needleClient(kit: ClientKit): unknown {
  const request = (method: string, url: unknown, data: unknown, ...rest: unknown[]) => {
    const isGet = /^(get|head)$/i.test(method);
    kit.recorder.record('needle', method, url, isGet && typeof data !== 'function' ? data : undefined, isGet || typeof data === 'function' ? undefined : data);
    return answer(kit, [data, ...rest]);
  };
  const client = Object.assign((method: string, url: unknown, data?: unknown, ...rest: unknown[]) => request(method, url, data, ...rest), {
    request,
    get: (url: unknown, ...rest: unknown[]) => request('get', url, undefined, ...rest),
    head: (url: unknown, ...rest: unknown[]) => request('head', url, undefined, ...rest),
    post: (url: unknown, data: unknown, ...rest: unknown[]) => request('post', url, data, ...rest),
    put: (url: unknown, data: unknown, ...rest: unknown[]) => request('put', url, data, ...rest),
  });
  return markStub(client);
}

/** restler: `{ query, data }` options; the result is an emitter. */
export function restlerClient(kit: ClientKit): unknown {
  const verb = (method: string, hasData: boolean) => (url: unknown, ...rest: unknown[]) => {
    const options = (hasData && !isObject(rest[1]) ? { data: rest[0] } : rest[hasData ? 1 : 0] ?? rest[0] ?? {}) as Options;
    const merged = hasData && isObject(rest[1]) ? { ...(rest[1] as Options), data: rest[0] } : options;
    kit.recorder.record('restler', method, url, merged.query, merged.data);
    const emitter: Options = markStub({ on: () => emitter, once: () => emitter });
    return emitter;
  };
  return markStub({
    get: verb('GET', false),
    del: verb('DELETE', false),
    head: verb('HEAD', false),
    post: verb('POST', false),
    put: verb('PUT', false),
    postJson: verb('POST', true),
    putJson: verb('PUT', true),
    json: (url: unknown, data: unknown, options: Options = {}, method = 'GET') => verb(String(method), false)(url, { ...options, data }),
  });
}
