/**
 * What a caller passes for a part of a query string (fixtures/README.md): `extra`, `suffix`,
 * `query` are more parameters (`&extra=<extra>`), `sep` is `&`. The rewrite keeps such parts and
 * notes that they must start with `&`; the oracle runs the code as its callers use it.
 */
export function queryPartFor(name: string): string | undefined {
  if (/^(sep|separator|amp)$/i.test(name)) return '&';
  if (/^(extra|extras|suffix|query|queryString|qs|more|rest|tail|additional|paging|pagePart)$/i.test(name)) return `&${name}=<${name}>`;
  return undefined;
}

