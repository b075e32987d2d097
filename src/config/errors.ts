import type { z } from 'zod';
import { RULE_IDS } from '../core/findings.js';
import { configSchema, serviceEntrySchema } from './schema.js';

export { ConfigError } from './config-error.js';

/** `services[1].apiPath`, `rules.legacy-auth-params`: the path as a reader finds it in the file. */
export function keyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** The keys allowed where an unknown one was found, for the hint. */
function allowedKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(configSchema.shape);
  if (path[0] === 'rules') return RULE_IDS;
  if (path[0] === 'services') return Object.keys(serviceEntrySchema.shape);
  return [];
}

/** The closest allowed key (a typo, a wrong case), if one is close enough to suggest. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // A longer spelling of a key (`tokenExpression` for `tokenExpr`) is the likeliest slip of all.
  const stem = candidates.find((candidate) => candidate.length >= 4 && word.toLowerCase().startsWith(candidate.toLowerCase()));
  if (stem) return stem;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[]): string {
  const at = (path: readonly PropertyKey[]) => keyPath([...prefix, ...path]) || '(top level)';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const allowed = allowedKeys(issue.path);
      const suggestion = closest(key, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
      return `${at([...issue.path, key])}: unknown key${hint}`;
    }
    case 'invalid_type':
      return `${at(issue.path)}: expected ${issue.expected === 'object' && issue.path.length === 0 ? 'a JSON object' : issue.expected}, got ${describe(valueAt(input, issue.path))}`;
    case 'invalid_value':
      return `${at(issue.path)}: expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describe(valueAt(input, issue.path))}`;
    case 'invalid_union':
      return `${at(issue.path)}: ${describe(valueAt(input, issue.path))} is not allowed here`;
    default:
      return `${at(issue.path)}: ${issue.message}`;
  }
}

/** zod's issues as one line: the first problem, and how many more there are. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PropertyKey[] = []): string {
  const first = describeIssue(issues[0]!, input, prefix);
  return issues.length > 1 ? `${first} (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : first;
}
