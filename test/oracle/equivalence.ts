import type { Params, RecordedRequest } from './recorder.js';
import type { ModuleRun } from './run-module.js';
import { ORACLE_TOKEN } from './run-module.js';

/**
 * The oracle's own reading of DESIGN §1, kept apart from src/core on purpose (a shared table
 * would let a wrong fact prove itself): which endpoints are Zoho's, which parameters each
 * service's legacy authentication used, and the scope its authtoken takes.
 */
interface OracleService {
  name: string;
  matches: (endpoint: URL) => boolean;
  legacy: readonly string[];
  scope: string | null;
}

const SERVICES: readonly OracleService[] = [
  { name: 'Reports', matches: (u) => /(^|\.)reportsapi\.zoho\./.test(u.hostname), legacy: ['zoho_api_key', 'ticket'], scope: null },
  { name: 'Invoice', matches: (u) => /(^|\.)invoice\.zoho\./.test(u.hostname), legacy: ['ticket'], scope: 'invoiceapi' },
  { name: 'Recruit', matches: (u) => /(^|\.)recruit\.zoho\./.test(u.hostname) || u.pathname.startsWith('/ats/private/'), legacy: ['apikey', 'ticket'], scope: 'recruitapi' },
  { name: 'Support', matches: (u) => /(^|\.)support\.zoho\./.test(u.hostname), legacy: ['apikey', 'ticket'], scope: 'supportapi' },
  { name: 'Creator', matches: (u) => /(^|\.)creator\.zoho\./.test(u.hostname), legacy: ['apikey', 'ticket'], scope: 'creatorapi' },
  { name: 'CRM', matches: (u) => /(^|\.)crm\.zoho\./.test(u.hostname) || u.pathname.startsWith('/crm/private/'), legacy: ['apikey', 'ticket'], scope: 'crmapi' },
];

function serviceOf(request: RecordedRequest): OracleService | undefined {
  let url: URL;
  try {
    url = new URL(request.endpoint);
  } catch {
    return undefined;
  }
  return SERVICES.find((service) => service.matches(url));
}

const lower = (name: string) => name.toLowerCase();
const without = (params: Params, names: readonly string[]) => params.filter(([key]) => !names.includes(lower(key)));
const bodyParams = (request: RecordedRequest): Params => (Array.isArray(request.body) ? request.body : []);
const allParams = (request: RecordedRequest): Params => [...request.query, ...bodyParams(request)];

export interface Difference {
  index: number;
  problem: string;
  before?: RecordedRequest;
  after?: RecordedRequest;
}

/**
 * Compares the requests of the input's run with the output's: the same requests in the same
 * order, each either unchanged or migrated exactly: the service's legacy parameters gone, one
 * `authtoken` with the token and (where the service takes one) one `scope`, and every other part
 * (client, method, endpoint, the other parameters, their order, where they are sent) the same.
 * `isRefusalExplained` says whether an unchanged legacy request is allowed (the core reported why).
 */
export function compareRuns(before: ModuleRun, after: ModuleRun, isRefusalExplained: boolean): Difference[] {
  const differences: Difference[] = [];
  const count = Math.max(before.requests.length, after.requests.length);
  for (let index = 0; index < count; index++) {
    const a = before.requests[index];
    const b = after.requests[index];
    if (!a || !b) {
      differences.push({ index, problem: a ? 'the output does not send this request' : 'the output sends a request the input did not', ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) });
      continue;
    }
    const problem = compareRequest(a, b, isRefusalExplained);
    if (problem) differences.push({ index, problem, before: a, after: b });
  }
  if (JSON.stringify(before.errors) !== JSON.stringify(after.errors)) {
    differences.push({ index: -1, problem: `the code threw differently: ${JSON.stringify(before.errors)} -> ${JSON.stringify(after.errors)}` });
  }
  return differences;
}

function compareRequest(a: RecordedRequest, b: RecordedRequest, isRefusalExplained: boolean): string | undefined {
  if (a.client !== b.client || a.method !== b.method || a.endpoint !== b.endpoint) return 'client, method or endpoint changed';
  const service = serviceOf(a);
  const legacy = service?.legacy ?? [];
  const hasLegacy = allParams(a).some(([key]) => legacy.includes(lower(key)));
  if (JSON.stringify(a) === JSON.stringify(b)) {
    return hasLegacy && !isRefusalExplained ? `a ${service!.name} request still sends legacy parameters and no finding says why` : undefined;
  }
  if (!service || !hasLegacy) return 'a request without legacy parameters changed';
  const after = allParams(b);
  if (after.some(([key]) => legacy.includes(lower(key)))) return `the output still sends ${legacy.join('/')}`;
  const added = ['authtoken', 'scope'];
  const rest = (params: Params, drop: readonly string[]) => JSON.stringify(without(params, drop));
  if (rest(a.query, [...legacy, ...added]) !== rest(b.query, added)) return 'the query parameters other than the credentials changed';
  if (Array.isArray(a.body) || Array.isArray(b.body)) {
    if (rest(bodyParams(a), [...legacy, ...added]) !== rest(bodyParams(b), added)) return 'the body parameters other than the credentials changed';
  } else if (JSON.stringify(a.body) !== JSON.stringify(b.body)) return 'the body changed';
  const tokens = after.filter(([key]) => lower(key) === 'authtoken');
  if (tokens.length !== 1 || tokens[0]![1] !== ORACLE_TOKEN) return `expected one authtoken=${ORACLE_TOKEN}, got ${JSON.stringify(tokens)}`;
  const scopes = after.filter(([key]) => lower(key) === 'scope');
  const hadScope = allParams(a).find(([key]) => lower(key) === 'scope');
  const expected = hadScope ? hadScope[1] : service.scope;
  if (expected === null ? scopes.length !== 0 : scopes.length !== 1 || scopes[0]![1] !== expected) return `expected scope ${expected ?? '(none)'}, got ${JSON.stringify(scopes)}`;
  return undefined;
}
