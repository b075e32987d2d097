/**
 * What the oracle records of one request: who sent it, the method, the endpoint (origin and path)
 * and the query and body parameters in the order they were written. Two runs send the same
 * requests when these lists are equal.
 */
export type Params = Array<[string, string]>;

export interface RecordedRequest {
  client: string;
  method: string;
  endpoint: string;
  query: Params;
  /** Form or object body as parameters; any other body as its text. */
  body: Params | { raw: string } | null;
}

/** Where relative URLs resolve: a browser page of the app, not a Zoho host. */
const PAGE = 'https://app.example/';

export function text(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== null && !(value instanceof URLSearchParams) && isPlainObject(value)) {
    return JSON.stringify(value);
  }
  return String(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto.constructor?.name === 'Object';
}

/** An object's parameters: arrays repeat the key, nested values are written as JSON. */
export function objectParams(value: unknown): Params {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return stringParams(value);
  if (value instanceof URLSearchParams || (typeof value === 'object' && value.constructor?.name === 'URLSearchParams')) {
    return [...(value as URLSearchParams).entries()];
  }
  if (typeof value !== 'object') return [['', String(value)]];
  const params: Params = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    if (Array.isArray(item)) for (const element of item) params.push([key, text(element)]);
    else params.push([key, text(item)]);
  }
  return params;
}

/** `a=1&b=2` as parameters (as a server would read them). */
export function stringParams(query: string): Params {
  return [...new URLSearchParams(query.startsWith('?') ? query.slice(1) : query).entries()];
}

export function bodyOf(value: unknown): RecordedRequest['body'] {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('{')) {
      try {
        return objectParams(JSON.parse(trimmed));
      } catch {
        return { raw: value };
      }
    }
    return value.includes('=') ? stringParams(value) : { raw: value };
  }
  return objectParams(value);
}

export class Recorder {
  readonly requests: RecordedRequest[] = [];
  readonly errors: string[] = [];

  /** `url` may carry a query; `query` and `body` are added to what it carries. */
  record(client: string, method: string | undefined, url: unknown, query?: unknown, body?: unknown, base?: string): void {
    if (this.requests.length > 500) throw new Error('oracle: more than 500 requests (a loop?)');
    const href = base ? joinBase(base, text(url)) : text(url);
    let parsed: URL;
    try {
      parsed = new URL(href, PAGE);
    } catch {
      parsed = new URL(PAGE + encodeURIComponent(href));
    }
    const fromUrl = stringParams(parsed.search);
    // Zoho Creator's RPC URLs carry the parameters as the last path segment (`/api/xml/read/apikey=K`).
    let pathname = parsed.pathname;
    const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
    if (parsed.search === '' && /^[\w.]+=/.test(decodeURIComponent(lastSegment))) {
      pathname = pathname.slice(0, pathname.lastIndexOf('/'));
      fromUrl.push(...stringParams(decodeURIComponent(lastSegment)));
    }
    this.requests.push({
      client,
      method: (method ?? 'GET').toUpperCase(),
      endpoint: decodeURI(parsed.origin + pathname),
      query: [...fromUrl, ...objectParams(query)],
      body: bodyOf(body),
    });
  }
}

/** axios' and request's base URL rule: a relative URL is appended to the base. */
export function joinBase(base: string, url: string): string {
  if (/^[a-z]+:\/\//i.test(url)) return url;
  if (url === '' || url === 'undefined') return base;
  return base.replace(/\/+$/, '') + '/' + url.replace(/^\/+/, '');
}
