import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HTTP_CLIENTS } from '../src/core/removal/side-effects.js';
import { REQUEST_SHAPES } from '../src/core/shapes/index.js';

// The removal's client list is derived from the request shapes; this pins that it cannot drift
// back into a list of its own that misses a client the shapes learn.
describe('the ticket removal knows every HTTP client the request shapes know', () => {
  const declared = REQUEST_SHAPES.flatMap((shape) => (shape.clientModules ?? []).map((specifier) => ({ shape: shape.id, specifier })));

  it('has clients declared by the shapes', () => {
    expect(declared.length).toBeGreaterThan(0);
  });

  it.each(declared)('$shape: $specifier', ({ specifier }) => {
    expect(HTTP_CLIENTS.has(specifier)).toBe(true);
    if (isBuiltin(specifier)) expect(HTTP_CLIENTS.has(specifier.startsWith('node:') ? specifier : `node:${specifier}`)).toBe(true);
  });

  it('holds nothing no shape declares, save the node: form of a built-in', () => {
    const specifiers = new Set(declared.map(({ specifier }) => specifier));
    for (const client of HTTP_CLIENTS) expect(specifiers.has(client) || (client.startsWith('node:') && specifiers.has(client.slice('node:'.length))), client).toBe(true);
  });

  it('covers the clients the old hand-kept list had, and the ones it missed', () => {
    for (const client of ['http', 'https', 'node:http', 'node:https', 'request', 'axios', 'superagent', 'got', 'node-fetch', 'needle', 'restler']) expect(HTTP_CLIENTS.has(client), client).toBe(true);
    for (const client of ['request-promise', 'cross-fetch', 'undici', 'jquery']) expect(HTTP_CLIENTS.has(client), client).toBe(true);
  });

  it('does not count a query-string builder as a client: it sends nothing', () => {
    for (const builder of ['qs', 'querystring', 'query-string']) expect(HTTP_CLIENTS.has(builder), builder).toBe(false);
  });
});
