import type { Node } from '@babel/types';
import type { Endpoint } from '../zoho/endpoint.js';

/** What the object-request pass proved about a file, handed to the string pass that runs after it. */
export interface Claims {
  /**
   * Expressions through which an object's parameters enter a string-built URL
   * (`CRM + '?' + qs.stringify({ apikey, ticket })`): the object rewrite owns them, so a string
   * request that also spells apikey/ticket around one is left to a human instead of rewritten twice.
   */
  paramNodes: ReadonlySet<Node>;
  /**
   * Where a value ends up when nothing in it names a URL (`axios.post(CRM_URL, 'apikey=' + k)`):
   * the request calls it reaches, judged together; undefined when nothing is proven.
   */
  endpointOf(node: Node): Endpoint | undefined;
}

export const NO_CLAIMS: Claims = { paramNodes: new Set(), endpointOf: () => undefined };
