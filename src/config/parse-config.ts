import type { ZohoService } from '../core/zoho/services.js';
import { ConfigError } from './config-error.js';
import { describeIssues, keyPath } from './errors.js';
import { configSchema, type ConfigFile } from './schema.js';
import { mergeServiceTable } from './services.js';

/** Checks a configuration value (the parsed file, or the package.json key) against the schema. */
export function parseConfig(value: unknown, where = 'configuration', prefix: readonly PropertyKey[] = []): { config: ConfigFile; services?: ZohoService[] } {
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(`${where}: ${describeIssues(parsed.error.issues, value, prefix)}`);
  const config = parsed.data;
  if (config.services === undefined) return { config };
  const merged = mergeServiceTable(config.services);
  if (!merged.ok) throw new ConfigError(`${where}: ${keyPath([...prefix, 'services', merged.index])}: ${merged.problem}`);
  return { config, services: merged.services };
}

