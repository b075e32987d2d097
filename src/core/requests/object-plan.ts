import type { Node } from '@babel/types';
import type { Edit } from '../findings.js';
import { isApiKeyKeyName, isLegacyKeyName, type ZohoService } from '../zoho/services.js';
import { entryEdits, type EditStyle, type EntryAction } from './object-edits.js';
import type { Carrier, ParamEntry } from '../shapes/request-shape.js';
import { legacyEntries } from './object-request.js';
import type { Proof } from './param-flow.js';

/** A carrier and the places its parameters reach. */
export interface CarrierFlow {
  carrier: Carrier;
  proofs: Proof[];
  /** Why the carrier's keys cannot be renamed even when it is proven Zoho (a declared type, a read of `params.ticket`). */
  blocker?: string;
}

/** The carriers whose parameters end up in the same requests: planned and judged together. */
export function groupCarriers(flows: readonly CarrierFlow[]): CarrierFlow[][] {
  const parent = flows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byRoot = new Map<Node, number>();
  flows.forEach((flow, i) => {
    for (const proof of flow.proofs) {
      const other = byRoot.get(proof.root);
      if (other === undefined) byRoot.set(proof.root, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, CarrierFlow[]>();
  flows.forEach((flow, i) => {
    const list = groups.get(find(i)) ?? [];
    list.push(flow);
    groups.set(find(i), list);
  });
  return [...groups.values()];
}

export interface CarrierPlan {
  carrier: Carrier;
  edits: Edit[];
}

type Role = { kind: 'primary'; needsScope: boolean } | { kind: 'remove' };

function sameRole(a: Role, b: Role): boolean {
  return a.kind === b.kind && (a.kind !== 'primary' || b.kind !== 'primary' || a.needsScope === b.needsScope);
}

/**
 * Plans one group for a Zoho service, the rule of the string rewrite carried over to objects: the
 * apikey becomes `authtoken: <token>`, the ticket gives its place to `scope` (or goes), and each
 * request ends up with exactly one authtoken and one scope. A request that already has a scope or
 * an authtoken keeps it. Returns a reason when the group cannot be planned safely.
 */
export function planGroup(group: readonly CarrierFlow[], service: ZohoService, keysOf: (holder: Node) => ReadonlySet<string>, style: (carrier: Carrier) => EditStyle): CarrierPlan[] | string {
  const roots = new Map<Node, { carriers: Set<Carrier>; keys: Set<string> }>();
  for (const { carrier, proofs } of group) {
    for (const proof of proofs) {
      const root = roots.get(proof.root) ?? { carriers: new Set<Carrier>(), keys: new Set<string>() };
      root.carriers.add(carrier);
      for (const holder of proof.holders) for (const key of keysOf(holder)) root.keys.add(key);
      for (const entry of carrier.entries) root.keys.add(entry.name.toLowerCase());
      roots.set(proof.root, root);
    }
  }
  const roles = new Map<Carrier, Role>();
  for (const { carriers, keys } of roots.values()) {
    const serviceEntries = (carrier: Carrier) => legacyEntries(carrier).filter((entry) => isLegacyKeyName(entry.name, service));
    const withApiKey = [...carriers].filter((carrier) => serviceEntries(carrier).some((entry) => isApiKeyKeyName(entry.name, service)));
    const withLegacy = [...carriers].filter((carrier) => serviceEntries(carrier).length > 0);
    if (withApiKey.length > 1) return 'the apikey is set in more than one place for the same request';
    const primary = keys.has('authtoken') ? undefined : (withApiKey[0] ?? (withLegacy.length === 1 ? withLegacy[0] : undefined));
    if (!keys.has('authtoken') && !primary) return 'the ticket is set in several places and the apikey in none of them';
    const needsScope = service.scope !== null && !keys.has('scope');
    for (const carrier of carriers) {
      const role: Role = carrier === primary ? { kind: 'primary', needsScope } : { kind: 'remove' };
      const known = roles.get(carrier);
      if (known && !sameRole(known, role)) return 'the parameters are shared by requests that need different changes';
      roles.set(carrier, role);
    }
  }
  const plans: CarrierPlan[] = [];
  for (const { carrier } of group) {
    const role = roles.get(carrier);
    const legacy = legacyEntries(carrier).filter((entry) => isLegacyKeyName(entry.name, service));
    if (!role || legacy.length === 0) continue;
    const actions = new Map<ParamEntry, EntryAction>();
    let scopeAfter: ParamEntry | undefined;
    if (role.kind === 'remove') for (const entry of legacy) actions.set(entry, 'remove');
    else {
      const auth = legacy.find((entry) => isApiKeyKeyName(entry.name, service)) ?? legacy[0]!;
      const rest = legacy.filter((entry) => entry !== auth);
      actions.set(auth, 'authtoken');
      if (role.needsScope && rest[0]) actions.set(rest[0], 'scope');
      else if (role.needsScope) scopeAfter = auth;
      for (const entry of rest) if (!actions.has(entry)) actions.set(entry, 'remove');
    }
    const edits = entryEdits(actions, scopeAfter, style(carrier));
    if (typeof edits === 'string') return edits;
    plans.push({ carrier, edits });
  }
  return plans;
}

/** The legacy parameter names of a group, for messages: `apikey and ticket`. */
export function describeGroup(group: readonly CarrierFlow[], service?: ZohoService): string {
  const names = new Set<string>();
  for (const { carrier } of group) for (const entry of legacyEntries(carrier)) if (isLegacyKeyName(entry.name, service)) names.add(entry.name);
  for (const { carrier } of group) for (const name of [...carrier.dynamic.flatMap((d) => d.names), ...(carrier.otherNames ?? [])]) names.add(name);
  return [...names].join(' and ') || 'apikey/ticket';
}
