/**
 * The library API: the same analysis the CLI runs, for tools that embed it. The CLI is a thin
 * layer over these: loadConfig + applyConfig + run, then a reporter.
 */
export { analyze, OptionsError, type AnalyzeInput } from './analyze-input.js';
export { analyzeSource, type AnalyzeOptions, type FileAnalysis } from './core/analyze.js';
export { migrateSource, type MigrateSourceResult } from './core/migrate-source.js';
export { applyEdits, applyEditGroups } from './core/edits.js';
export { RULE_IDS, type Edit, type Finding, type RuleId, type Severity } from './core/findings.js';
export { DEFAULT_SCOPE, DEFAULT_TOKEN_EXPR, type CoreOptions, type RuleSetting, type RuleSettings } from './core/options.js';
export { RULES, type RuleMeta } from './core/rules.js';
export { ZOHO_SERVICES, type ZohoService } from './core/zoho/services.js';
export { run, type RunOptions } from './runner/run.js';
export { UsageError } from './usage-error.js';
export type { FileFilter, Shard } from './runner/select-files.js';
export type { Command, FileResult, FileStatus, ReportedFinding, RunResult, Summary } from './run-result.js';
export { parseConfig } from './config/parse-config.js';
export { loadConfig, CONFIG_FILE_NAME, PACKAGE_JSON_KEY, type LoadConfigOptions, type LoadedConfig } from './config/load.js';
export { applyConfig, coreOptionsOf } from './config/apply-config.js';
export { ConfigError } from './config/errors.js';
export type { ConfigFile, ServiceEntry } from './config/schema.js';
export { projectIndexUsage, type ProjectIndexUsage } from './project/index.js';
