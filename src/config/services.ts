import { ZOHO_SERVICES, type ZohoService } from '../core/zoho/services.js';
import type { ServiceEntry } from './schema.js';

/** What a new service (an id not in the built-in table) must give: everything but the id and the optional `hasPathStyleParams`. */
const REQUIRED_FOR_NEW = ['name', 'hostLabels', 'apiPath', 'scope', 'apiKeyParams', 'ticketParams'] as const;

export type ServiceTableMerge = { ok: true; services: ZohoService[] } | { ok: false; index: number; problem: string };

function toFields(entry: ServiceEntry): Partial<ZohoService> {
  const fields: Partial<ZohoService> = {};
  if (entry.name !== undefined) fields.name = entry.name;
  if (entry.hostLabels !== undefined) fields.hostLabels = entry.hostLabels;
  // Matched case-insensitively, like the built-in paths (src/core/zoho/services.ts).
  if (entry.apiPath !== undefined) fields.apiPath = new RegExp(entry.apiPath, 'i');
  if (entry.scope !== undefined) fields.scope = entry.scope;
  if (entry.apiKeyParams !== undefined) fields.apiKeyParams = entry.apiKeyParams;
  if (entry.ticketParams !== undefined) fields.ticketParams = entry.ticketParams;
  if (entry.hasPathStyleParams !== undefined) fields.hasPathStyleParams = entry.hasPathStyleParams;
  return fields;
}

/**
 * The config file's `"services"` (already checked by the schema) over the built-in table: an
 * entry with a built-in id changes the fields it gives, an entry with a new id is added and must
 * give every field. The result is the whole table, the core option `services`.
 */
export function mergeServiceTable(entries: readonly ServiceEntry[], base: readonly ZohoService[] = ZOHO_SERVICES): ServiceTableMerge {
  const services = [...base];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (seen.has(entry.id)) return { ok: false, index, problem: `id: "${entry.id}" appears twice` };
    seen.add(entry.id);
    const fields = toFields(entry);
    const existing = services.findIndex((service) => service.id === entry.id);
    if (existing >= 0) {
      services[existing] = { ...services[existing]!, ...fields };
      continue;
    }
    const missing = REQUIRED_FOR_NEW.filter((key) => entry[key] === undefined);
    if (missing.length > 0) return { ok: false, index, problem: `"${entry.id}" is not a built-in service (${base.map((s) => s.id).join(', ')}), so it needs ${missing.join(', ')}` };
    services.push({ id: entry.id, ...fields } as ZohoService);
  }
  return { ok: true, services };
}
