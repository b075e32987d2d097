import { scopeProblem } from '../options.js';
import { ZOHO_SERVICES, type ZohoService } from './services.js';

/**
 * The service table as a user writes it in JSON (the config file's `"services"` array): each
 * entry changes the built-in service with the same `id`, or adds a service. Every field but `id`
 * is optional when changing a built-in one, and required (but `hasPathStyleParams`) when adding:
 *
 *   [ { "id": "crm", "scope": "ZohoCRM/crmapi" },
 *     { "id": "projects", "name": "Projects", "hostLabels": ["projects"],
 *       "apiPath": "^/portal/[^/]+/api/private/", "scope": "projectsapi",
 *       "apiKeyParams": ["apikey"], "ticketParams": ["ticket"] } ]
 *
 * `apiPath` is a regular expression matched case-insensitively against the URL path, anchored
 * at the start (`^/`). `scope` is null for a service that takes authtoken without a scope.
 * CRM's scope still comes from `--scope` when given. Parameter names are limited to the ones the
 * detectors look for, so a table can never ask for a rewrite nothing would find.
 */
export interface ServiceTableEntry {
  id: string;
  name?: string;
  hostLabels?: string[];
  apiPath?: string;
  scope?: string | null;
  apiKeyParams?: string[];
  ticketParams?: string[];
  hasPathStyleParams?: boolean;
}

export type ServiceTableParse = { ok: true; services: ZohoService[] } | { ok: false; problems: string[] };

const ENTRY_KEYS = ['id', 'name', 'hostLabels', 'apiPath', 'scope', 'apiKeyParams', 'ticketParams', 'hasPathStyleParams'] as const;
const REQUIRED_FOR_NEW = ['name', 'hostLabels', 'apiPath', 'scope', 'apiKeyParams', 'ticketParams'] as const;
const ID = /^[a-z][a-z0-9-]*$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The legacy parameter names the detectors know, from the built-in table. */
const KNOWN_API_KEY_PARAMS = [...new Set(ZOHO_SERVICES.flatMap((service) => service.apiKeyParams))];
const KNOWN_TICKET_PARAMS = [...new Set(ZOHO_SERVICES.flatMap((service) => service.ticketParams))];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Checks one entry; pushes a problem per bad field and returns the fields it could read. */
function readEntry(raw: Record<string, unknown>, where: string, problems: string[]): Partial<ZohoService> {
  const entry: Partial<ZohoService> = {};
  for (const key of Object.keys(raw)) {
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) problems.push(`${where}: unknown key "${key}" (allowed: ${ENTRY_KEYS.join(', ')})`);
  }
  if ('name' in raw) {
    if (typeof raw.name === 'string' && raw.name.trim() !== '') entry.name = raw.name;
    else problems.push(`${where}.name: expected a non-empty string, got ${describe(raw.name)}`);
  }
  if ('hostLabels' in raw) {
    const labels = raw.hostLabels;
    if (Array.isArray(labels) && labels.length > 0 && labels.every((label) => typeof label === 'string' && HOST_LABEL.test(label))) {
      entry.hostLabels = labels as string[];
    } else {
      problems.push(`${where}.hostLabels: expected a non-empty array of host labels (the "crm" of crm.zoho.com), got ${describe(labels)}`);
    }
  }
  if ('apiPath' in raw) {
    const source = raw.apiPath;
    if (typeof source !== 'string' || !/^\^(\/|\\\/)/.test(source)) {
      problems.push(`${where}.apiPath: expected a regular expression starting with "^/", got ${describe(source)}`);
    } else {
      try {
        entry.apiPath = new RegExp(source, 'i');
      } catch (error) {
        problems.push(`${where}.apiPath: not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  if ('scope' in raw) {
    const scope = raw.scope;
    const problem = typeof scope === 'string' ? scopeProblem(scope) : scope === null ? undefined : `expected a string or null, got ${describe(scope)}`;
    if (problem) problems.push(`${where}.scope: ${problem}`);
    else entry.scope = scope as string | null;
  }
  const readNames = (key: 'apiKeyParams' | 'ticketParams', known: readonly string[]) => {
    if (!(key in raw)) return;
    const names = raw[key];
    const isKnown = (name: unknown) => typeof name === 'string' && known.some((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (Array.isArray(names) && names.every(isKnown)) entry[key] = names as string[];
    else problems.push(`${where}.${key}: expected an array of ${known.map((name) => `"${name}"`).join(' or ')}, got ${describe(names)}`);
  };
  readNames('apiKeyParams', KNOWN_API_KEY_PARAMS);
  readNames('ticketParams', KNOWN_TICKET_PARAMS);
  if ('hasPathStyleParams' in raw) {
    if (typeof raw.hasPathStyleParams === 'boolean') entry.hasPathStyleParams = raw.hasPathStyleParams;
    else problems.push(`${where}.hasPathStyleParams: expected true or false, got ${describe(raw.hasPathStyleParams)}`);
  }
  return entry;
}

/**
 * Validates a user-supplied service table (see ServiceTableEntry) and merges it over `base`:
 * the result is the whole table to pass as the core option `services`. Problems name the entry
 * and field (`services[1].scope: ...`), one line each.
 */
export function parseServiceTable(value: unknown, base: readonly ZohoService[] = ZOHO_SERVICES, label = 'services'): ServiceTableParse {
  if (!Array.isArray(value)) return { ok: false, problems: [`${label}: expected an array of services, got ${describe(value)}`] };
  const problems: string[] = [];
  const services = [...base];
  const seen = new Set<string>();
  value.forEach((raw, index) => {
    const where = `${label}[${index}]`;
    if (!isRecord(raw)) {
      problems.push(`${where}: expected an object, got ${describe(raw)}`);
      return;
    }
    if (typeof raw.id !== 'string' || !ID.test(raw.id)) {
      problems.push(`${where}.id: expected a lower-case id such as "crm", got ${describe(raw.id)}`);
      return;
    }
    if (seen.has(raw.id)) problems.push(`${where}.id: "${raw.id}" appears twice`);
    seen.add(raw.id);
    const before = problems.length;
    const fields = readEntry(raw, where, problems);
    if (problems.length > before) return;
    const existing = services.findIndex((service) => service.id === raw.id);
    if (existing >= 0) {
      services[existing] = { ...services[existing]!, ...fields };
      return;
    }
    const missing = REQUIRED_FOR_NEW.filter((key) => !(key in fields));
    if (missing.length > 0) {
      problems.push(`${where}: "${raw.id}" is not a built-in service, so it needs ${missing.join(', ')}`);
      return;
    }
    services.push({ id: raw.id, ...fields } as ZohoService);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, services };
}
