import { queryPartFor } from './query-parts.js';

/**
 * The stand-in the oracle passes for every argument it cannot know (a ticket, a callback, a
 * session object): it reads as `<name>` wherever a string is wanted, any property of it is another
 * stand-in, calling or constructing it gives one, and what code stores on it stays there. It is
 * never a thenable, so awaiting it does not hang. The same names give the same text in the run of
 * the input and of the output, so requests built from them compare equal.
 */
export type Injectables = Readonly<Record<string, unknown>>;

export function stubValue(name: string, injectables: Injectables): unknown {
  const stored = new Map<PropertyKey, unknown>();
  const text = () => `<${name}>`;
  const target = function stub() {};
  return markStub(new Proxy(target, {
    get(_, prop) {
      if (stored.has(prop)) return stored.get(prop);
      if (prop === Symbol.toPrimitive) return text;
      if (prop === 'toString' || prop === 'valueOf' || prop === 'toJSON') return text;
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'prototype') return target.prototype;
      if (prop === 'length') return 0;
      if (Object.hasOwn(injectables, prop)) return injectables[prop];
      return queryPartFor(prop) ?? stubValue(`${name}.${prop}`, injectables);
    },
    set(_, prop, value) {
      stored.set(prop, value);
      return true;
    },
    has: (_, prop) => stored.has(prop),
    apply: () => stubValue(`${name}()`, injectables),
    construct: () => stubValue(`new ${name}`, injectables) as object,
  }));
}

/** A value with every stand-in in it replaced by its text, for the real serializers (they drop functions). */
export function destub(value: unknown, depth = 0): unknown {
  if (isStub(value) && typeof value === 'function') return String(value);
  if (depth > 4 || value === null || typeof value !== 'object' || isStub(value)) return value;
  if (Array.isArray(value)) return value.map((item) => destub(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto.constructor?.name !== 'Object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, destub(item, depth + 1)]));
}

const stubs = new WeakSet<object>();

/** Marks and recognises stand-ins, so the oracle does not walk into them as if they were the module's objects. */
export function markStub<T extends object>(value: T): T {
  stubs.add(value);
  return value;
}

export function isStub(value: unknown): boolean {
  return typeof value === 'object' || typeof value === 'function' ? stubs.has(value as object) : false;
}
