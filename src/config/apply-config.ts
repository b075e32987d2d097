import type { CoreOptions } from '../core/options.js';
import type { RunOptions } from '../runner/run.js';
import type { LoadedConfig } from './load.js';

/** What a configuration says about the analysis itself: the options analyze/migrateSource take. */
export function coreOptionsOf(loaded: LoadedConfig): CoreOptions {
  const { config } = loaded;
  return {
    ...(config.tokenExpr !== undefined ? { tokenExpr: config.tokenExpr } : {}),
    ...(config.scope !== undefined ? { scope: config.scope } : {}),
    ...(loaded.services !== undefined ? { services: loaded.services } : {}),
    ...(config.rules !== undefined ? { rules: config.rules } : {}),
    ...(config.annotateComment !== undefined ? { annotateComment: config.annotateComment } : {}),
    ...(config.tokenExprs !== undefined ? { tokenExprs: config.tokenExprs } : {}),
  };
}

/**
 * A run's options with the configuration filled in where the caller (the CLI's flags, a library
 * user) left them unset: what the caller gives always wins. Rule severities merge per rule. The
 * config's `include`/`ignore` become a file filter relative to the config file's folder; the
 * caller's `ignore` (`--ignore`, relative to cwd) still applies as well.
 */
export function applyConfig(options: RunOptions, loaded: LoadedConfig): RunOptions {
  const fromConfig = coreOptionsOf(loaded);
  const merged: RunOptions = { ...fromConfig, ...options };
  for (const key of ['tokenExpr', 'scope', 'services', 'annotateComment', 'tokenExprs'] as const) {
    if (options[key] === undefined && fromConfig[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = fromConfig[key];
  }
  if (fromConfig.rules !== undefined || options.rules !== undefined) merged.rules = { ...fromConfig.rules, ...options.rules };
  const removal = loaded.config.removeTicketCode;
  if (options.removeTicketCode === undefined && removal !== undefined && removal !== false) merged.removeTicketCode = removal === true ? 'on' : 'exports';
  const { include, ignore } = loaded.config;
  if (options.fileFilter === undefined && (include !== undefined || ignore !== undefined)) {
    merged.fileFilter = { root: loaded.root, include: include ?? [], ignore: ignore ?? [] };
  }
  return merged;
}
