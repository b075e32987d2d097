import type { Endpoint } from '../zoho/endpoint.js';
import type { ZohoService } from '../zoho/services.js';

/** What the places a parameters value reaches say about it, together. */
export type Verdict =
  | { kind: 'zoho'; service: ZohoService }
  | { kind: 'not-zoho' }
  | { kind: 'unknown-zoho'; host: string }
  | { kind: 'conflict'; reason: string }
  | { kind: 'unproven' };

function describe(endpoint: Endpoint): string {
  if (endpoint.kind === 'service') return `Zoho ${endpoint.service.name}`;
  return endpoint.host;
}

/**
 * One Zoho service proves the parameters Zoho's; another host next to it makes them ambiguous
 * (left to a human). Only other hosts: proven not Zoho, left alone. Nothing known: unproven.
 */
export function judgeEndpoints(endpoints: ReadonlyArray<Endpoint | undefined>): Verdict {
  const known = endpoints.filter((endpoint): endpoint is Endpoint => endpoint !== undefined);
  const services = [...new Map(known.flatMap((e) => (e.kind === 'service' ? [[e.service.id, e.service] as const] : []))).values()];
  const others = known.filter((endpoint) => endpoint.kind !== 'service');
  if (services.length > 1) return { kind: 'conflict', reason: `the parameters are sent to several Zoho services (${services.map((s) => s.name).join(', ')})` };
  if (services.length === 1) {
    const other = others[0];
    if (other) return { kind: 'conflict', reason: `the same parameters are also sent to ${describe(other)}` };
    return { kind: 'zoho', service: services[0]! };
  }
  const unknownZoho = others.find((endpoint) => endpoint.kind === 'unknown-zoho');
  if (unknownZoho) return { kind: 'unknown-zoho', host: unknownZoho.host };
  if (others.length > 0) return { kind: 'not-zoho' };
  return { kind: 'unproven' };
}
