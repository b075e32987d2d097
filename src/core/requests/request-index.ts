import type { Node, ObjectExpression } from '@babel/types';
import { classifyRequestText, type Endpoint } from '../zoho/endpoint.js';
import { joinBase, knownText } from './known-text.js';
import type { RequestCall, RequestShape, ShapeTools } from '../shapes/request-shape.js';

const URL_KEYS = ['url', 'uri', 'baseURL', 'baseUrl'];
const HOST_KEYS = ['hostname', 'host'];

/**
 * Every request call of a file, as the shapes recognise them, indexed by the expressions that
 * hold their parameters, URL and options; and where each call sends its request.
 */
export class RequestIndex {
  private readonly byParam = new Map<Node, RequestCall[]>();
  private readonly byOptions = new Map<Node, RequestCall[]>();
  private readonly byCall = new Map<Node, RequestCall>();
  private readonly endpoints = new Map<RequestCall, Endpoint | undefined>();

  constructor(
    private readonly tools: ShapeTools,
    shapes: readonly RequestShape[],
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

  /** Requests that send the value at this expression (a parameters position or a URL). */
  atParam(node: Node): RequestCall[] | undefined {
    return this.byParam.get(node);
  }

  /** Requests whose options object is this expression. */
  atOptions(node: Node): RequestCall[] | undefined {
    return this.byOptions.get(node);
  }

  requestCalls(): RequestCall[] {
    return [...this.byCall.values()];
  }

  /** Where a request call sends its request; a factory without a base URL is judged by its instance's calls. */
  endpointOf(request: RequestCall): Endpoint | undefined {
    if (this.endpoints.has(request)) return this.endpoints.get(request);
    this.endpoints.set(request, undefined);
    const endpoint = this.computeEndpoint(request);
    this.endpoints.set(request, endpoint);
    return endpoint;
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

}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
