import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One request a fixture made, as the recording stubs saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  body: string | null;
}

export const ORACLE_TOKEN = 'ORACLETOKEN';
const here = import.meta.dirname;

function environment(): NodeJS.ProcessEnv {
  return { ...process.env, ZOHO_CRM_AUTHTOKEN: ORACLE_TOKEN };
}

/** Runs a PHP file with the recording stream wrapper and curl_* recorders prepended. */
export function recordPhp(file: string): RecordedRequest[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'oracle-php-'));
  const out = path.join(dir, 'requests.json');
  try {
    const run = spawnSync('php', ['-d', `auto_prepend_file=${path.resolve(here, '../oracle-php/record.php')}`, file], { env: { ...environment(), ORACLE_OUT: out }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`php ${file} failed: ${run.stderr || run.stdout}`);
    return JSON.parse(readFileSync(out, 'utf8')) as RecordedRequest[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a Python file with urllib/urllib2/requests stubs (python2 for Python 2 fixtures). */
export function recordPython(file: string, python: string, env: NodeJS.ProcessEnv = process.env): RecordedRequest[] {
  const run = spawnSync(python, ['-B', path.resolve(here, '../oracle-python/record.py'), file], { env: { ...env, ZOHO_CRM_AUTHTOKEN: ORACLE_TOKEN }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${python} ${file} failed: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as RecordedRequest[];
}

/** A request's parameters, from its query string and a form body, in order. */
function paramsOf(request: RecordedRequest): { base: string; params: Array<[string, string]> } {
  const [base, query = ''] = request.url.split(/\?(.*)/s, 2) as [string, string?];
  const pairs = [query, request.body ?? ''].filter(Boolean).flatMap((part) => [...new URLSearchParams(part)]);
  return { base: base!, params: pairs };
}

const LEGACY = new Set(['apikey', 'ticket', 'zoho_api_key']);
const NEW = new Set(['authtoken', 'scope']);

/**
 * The oracle's verdict: the same requests, in the same order, to the same URLs with the same
 * methods and the same other parameters; the legacy credentials gone; the token and the
 * expected scope added (`scopes[i]`: null for a service without one, undefined for a request that
 * is not Zoho's). Undefined when equivalent, else what differs.
 */
export function requestDifference(before: RecordedRequest[], after: RecordedRequest[], scopes: readonly (string | null | undefined)[]): string | undefined {
  if (before.length !== after.length) return `${before.length} requests before, ${after.length} after`;
  for (const [i, old] of before.entries()) {
    const now = after[i]!;
    // A request that is not Zoho's (scope undefined) must not change at all.
    if (scopes[i] === undefined) {
      if (JSON.stringify(old) !== JSON.stringify(now)) return `request ${i} is not Zoho's but changed: ${JSON.stringify(old)} -> ${JSON.stringify(now)}`;
      continue;
    }
    const a = paramsOf(old);
    const b = paramsOf(now);
    if (old.method !== now.method || a.base !== b.base) return `request ${i}: ${old.method} ${a.base} became ${now.method} ${b.base}`;
    // Python 2 dicts have no fixed order: parameters are compared as sorted lists.
    const rest = (params: Array<[string, string]>, drop: Set<string>) => params.filter(([name]) => !drop.has(name.toLowerCase())).map((pair) => pair.join('=')).sort();
    if (JSON.stringify(rest(a.params, LEGACY)) !== JSON.stringify(rest(b.params, NEW))) return `request ${i}: other parameters changed: ${old.url} ${old.body} -> ${now.url} ${now.body}`;
    if (b.params.some(([name]) => LEGACY.has(name.toLowerCase()))) return `request ${i}: still sends a legacy credential`;
    if (!a.params.some(([name]) => LEGACY.has(name.toLowerCase()))) {
      if (JSON.stringify(a.params) !== JSON.stringify(b.params)) return `request ${i}: a request without credentials changed`;
      continue;
    }
    const token = b.params.filter(([name]) => name === 'authtoken').map(([, value]) => value);
    if (token.length !== 1 || token[0] !== ORACLE_TOKEN) return `request ${i}: authtoken is ${JSON.stringify(token)}`;
    const scope = b.params.filter(([name]) => name === 'scope').map(([, value]) => value);
    const expected = scopes[i]!;
    if (expected === null ? scope.length !== 0 : scope.length !== 1 || scope[0] !== expected) return `request ${i}: scope is ${JSON.stringify(scope)}, expected ${expected}`;
  }
  return undefined;
}
