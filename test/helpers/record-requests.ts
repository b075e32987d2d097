import path from 'node:path';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** What a login answered in 2011: every stubbed client returns it, so ticket code gets its ticket. */
const LOGIN_BODY = 'GETUSERNAME=null\nWARNING=null\nPASS_EXPIRY=-1\nTICKET=0123456789abcdef0123456789abcdef\nRESULT=TRUE\n';
const realRequire = createRequire(import.meta.url);

function describeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return JSON.stringify(body);
}

/**
 * Runs a tree of CommonJS modules (held in memory) in node:vm with recording stubs for request,
 * http/https, axios and node-fetch, calls every exported function with stub arguments, and returns
 * the requests made, one line each, sorted. A small stand-in for the lead's request oracle.
 */
export async function recordRequests(files: Record<string, string>): Promise<string[]> {
  const requests: string[] = [];
  const record = (method: string, url: unknown, extra: Record<string, unknown> = {}) => {
    requests.push(`${method.toUpperCase()} ${String(url)}${Object.entries(extra).filter(([, value]) => value !== undefined).map(([key, value]) => ` ${key}=${describeBody(value)}`).join('')}`);
  };
  const answer = (callback: unknown) => {
    if (typeof callback !== 'function') return;
    try {
      callback(null, { statusCode: 200 }, LOGIN_BODY);
    } catch {
      // A callback that chokes on the stub's answer still made its request.
    }
  };
  const requestStub = Object.assign(
    (options: Record<string, unknown>, callback: unknown) => {
      record(String(options.method ?? 'get'), options.url, { qs: options.qs, form: options.form, body: options.body });
      answer(callback);
    },
    Object.fromEntries(
      ['get', 'post', 'put', 'del'].map((method) => [
        method,
        (target: unknown, callback: unknown) => {
          const options = typeof target === 'string' ? { url: target } : (target as Record<string, unknown>);
          record(method, options.url, { qs: options.qs, form: options.form, body: options.body });
          answer(callback);
        },
      ]),
    ),
  );
  const nodeHttp = {
    get: (url: unknown, callback?: (res: unknown) => void) => {
      record('get', url);
      const res = { statusCode: 200, on: (event: string, fn: (chunk?: string) => void) => (event === 'data' ? fn(LOGIN_BODY) : event === 'end' ? fn() : undefined, res), setEncoding: () => res };
      try {
        callback?.(res);
      } catch {
        // as above
      }
      const req = { on: () => req, end: () => req };
      return req;
    },
    createServer: () => ({ listen: () => undefined }),
  };
  const axiosWith = (defaults: Record<string, unknown>): unknown => {
    const send = (method: string, url: string, data: unknown, config: Record<string, unknown> = {}) => {
      record(method, `${(defaults.baseURL as string | undefined) ?? ''}${url}`, { params: { ...(defaults.params as object), ...(config.params as object) }, data });
      return Promise.resolve({ data: LOGIN_BODY });
    };
    return Object.assign((config: Record<string, unknown>) => send(String(config.method ?? 'get'), String(config.url), config.data, config), {
      get: (url: string, config?: Record<string, unknown>) => send('get', url, undefined, config),
      post: (url: string, data?: unknown, config?: Record<string, unknown>) => send('post', url, data, config),
      create: (config: Record<string, unknown>) => axiosWith({ ...defaults, ...config }),
    });
  };
  const fetchStub = (url: unknown, init: Record<string, unknown> = {}) => {
    record(String(init.method ?? 'get'), url, { body: init.body });
    return Promise.resolve({ text: () => Promise.resolve(LOGIN_BODY), json: () => Promise.resolve({}) });
  };
  // Schedulers never fire here: a renewal job is registered, and that is all.
  const cronStub = { schedule: () => ({ stop() {} }), scheduleJob: () => ({}) };
  const packages: Record<string, unknown> = { request: requestStub, http: nodeHttp, https: nodeHttp, axios: axiosWith({}), 'node-fetch': fetchStub, 'cross-fetch': fetchStub, 'node-cron': cronStub, 'node-schedule': cronStub };

  const cache = new Map<string, { exports: unknown }>();
  const context = vm.createContext({ process: { env: { ZOHO_CRM_AUTHTOKEN: 'TOKEN', ZOHO_API_KEY: 'KEY', ZOHO_USER: 'user', ZOHO_PASSWORD: 'pw' } }, setInterval: () => 0, setTimeout: () => 0, clearInterval: () => undefined, URL, URLSearchParams, Promise, console: { log() {}, error() {} }, Buffer });
  const load = (name: string): unknown => {
    const known = cache.get(name);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    cache.set(name, module);
    const localRequire = (specifier: string) => {
      if (specifier.startsWith('.')) {
        const base = path.posix.normalize(path.posix.join(path.posix.dirname(name), specifier));
        const target = [base, `${base}.js`, `${base}/index.js`].find((candidate) => candidate in files);
        if (!target) throw new Error(`no module ${specifier} from ${name}`);
        return load(target);
      }
      return specifier in packages ? packages[specifier] : realRequire(specifier);
    };
    vm.runInContext(`(function (require, module, exports) {${files[name]}\n})`, context)(localRequire, module, module.exports);
    return module.exports;
  };
  for (const name of Object.keys(files).sort()) load(name);
  for (const name of Object.keys(files).sort()) {
    const exported = cache.get(name)!.exports as Record<string, unknown>;
    for (const value of Object.values(exported ?? {})) {
      if (typeof value !== 'function') continue;
      const args = Array.from({ length: Math.max(0, value.length - 1) }, () => '1');
      try {
        await (value as (...all: unknown[]) => unknown)(...args, () => undefined);
      } catch {
        // A stub argument it could not use: the requests before that are recorded.
      }
    }
  }
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return requests.sort();
}
