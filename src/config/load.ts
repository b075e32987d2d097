import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZohoService } from '../core/zoho/services.js';
import { describeIoError } from '../io-error.js';
import { ConfigError } from './config-error.js';
import type { ConfigFile } from './schema.js';

export const CONFIG_FILE_NAME = 'zoho-authtoken.config.json';
export const PACKAGE_JSON_KEY = 'zohoAuthtoken';

/** A configuration as read and checked: where it came from and what it says. */
export interface LoadedConfig {
  /** Absolute path of the file read; undefined when no configuration was found. */
  file?: string;
  /** The folder the `include`/`ignore` globs are relative to: the file's folder (else the cwd). */
  root: string;
  config: ConfigFile;
  /** The whole service table (built-in entries changed and added by `config.services`). */
  services?: ZohoService[];
}

export interface LoadConfigOptions {
  cwd: string;
  /** `--config <file>`, relative to cwd: read this one and search for none. */
  configFile?: string;
}

interface ConfigSource {
  file: string;
  /** Set when the configuration is this key of a package.json. */
  key?: typeof PACKAGE_JSON_KEY;
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

async function readJson(file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${display(file, cwd)}: ${describeIoError(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${display(file, cwd)}: not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

function hasConfigKey(pkg: unknown): boolean {
  return pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) && PACKAGE_JSON_KEY in pkg;
}

/**
 * The configuration that applies to a run in `cwd`: `zoho-authtoken.config.json`, or the
 * `"zohoAuthtoken"` key of package.json, in `cwd` or the nearest folder above it that has one.
 * The search stops at the root of the git work tree (the folder holding `.git`), so a file in a
 * home folder or an enclosing checkout never leaks into a project; outside git it goes up to the
 * file-system root. Both kinds in one folder is an error: edits to the one ignored would silently
 * do nothing.
 */
export async function findConfigSource(cwd: string): Promise<ConfigSource | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    const pkgFile = path.join(dir, 'package.json');
    const hasFile = existsSync(file);
    const hasPackageKey = existsSync(pkgFile) && hasConfigKey(await readJson(pkgFile, cwd));
    if (hasFile && hasPackageKey) {
      throw new ConfigError(`both ${display(file, cwd)} and "${PACKAGE_JSON_KEY}" in ${display(pkgFile, cwd)} configure this project; keep one`);
    }
    if (hasFile) return { file };
    if (hasPackageKey) return { file: pkgFile, key: PACKAGE_JSON_KEY };
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Finds (or, with `configFile`, reads) the configuration and checks it. Every problem is a
 * ConfigError: one line naming the file and the key path; the CLI exits 2 on it.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const cwd = path.resolve(options.cwd);
  let source: ConfigSource | undefined;
  if (options.configFile !== undefined) {
    const file = path.resolve(cwd, options.configFile);
    if (!existsSync(file)) throw new ConfigError(`--config ${options.configFile}: no such file`);
    source = path.basename(file) === 'package.json' ? { file, key: PACKAGE_JSON_KEY } : { file };
  } else source = await findConfigSource(cwd);
  if (!source) return { root: cwd, config: {} };

  const where = display(source.file, cwd);
  let value = await readJson(source.file, cwd);
  if (source.key) {
    if (!hasConfigKey(value)) throw new ConfigError(`${where}: has no "${PACKAGE_JSON_KEY}" key`);
    value = (value as Record<string, unknown>)[source.key];
  }
  // The schema (zod) is loaded only when there is a configuration to check.
  const { parseConfig } = await import('./parse-config.js');
  const { config, services } = parseConfig(value, where, source.key ? [source.key] : []);
  return { file: source.file, root: path.dirname(source.file), config, ...(services ? { services } : {}) };
}
