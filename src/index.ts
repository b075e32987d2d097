/** The library API: the same analysis the CLI runs, for tools that embed it. */
export { analyzeSource, type AnalyzeOptions, type FileAnalysis } from './core/analyze.js';
export { migrateSource, type MigrateSourceResult } from './core/migrate-source.js';
export { applyEdits, applyEditGroups } from './core/edits.js';
export type { Edit, Finding, RuleId, Severity } from './core/findings.js';
export { RULES } from './core/rules.js';
export { run, type RunOptions } from './runner/run.js';
export type { RunResult, FileResult, ReportedFinding, Summary } from './runner/result.js';
export { projectIndexUsage, type ProjectIndexUsage } from './project/index.js';
