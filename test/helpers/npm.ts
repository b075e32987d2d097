import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './projects.js';

/**
 * npm, as a user runs it, without what `npm test` put in the environment: npm passes its own
 * config to scripts as npm_config_* variables (npm_config_local_prefix is this repository), and a
 * nested install must see the temporary folder as its project. Cache, user config and registry
 * stay, so an offline cache or a mirror keep working.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_registry']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())));
}

export function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}

/** `npm pack` of this repository into a temporary folder; the path of the tarball. `npm test` has just built dist/, so no build here. */
export function packTarball(): string {
  const packDir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-pack-'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], REPO_ROOT)) as [{ filename: string }];
  return path.join(packDir, packed.filename);
}
