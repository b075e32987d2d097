import { analyzeFile } from '../core/analyze.js';
import type { CredentialUse } from '../core/credentials/credential-use.js';
import type { FileInput } from '../core/file-analysis.js';
import type { Finding } from '../core/findings.js';
import { maskSecrets } from '../core/mask.js';
import { migrateFile } from '../core/migrate-source.js';
import type { ResolvedOptions } from '../core/options.js';
import { excerptLines } from '../core/source/excerpt.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { includedFileReader } from '../project/included-files.js';
import { projectIndexFor } from '../project/index.js';
import type { ModuleReads } from '../project/project-index.js';
import type { Command, FileResult, ReportedFinding } from '../run-result.js';

/** The core options resolved once by run.ts (plain data, copied to every worker), and the project. */
export interface FileAnalysisOptions extends ResolvedOptions {
  /**
   * The directory `file` is relative to. Given, imports of other project modules are resolved
   * (src/project); a plain string, so that a worker thread builds its own index from it.
   */
  projectRoot?: string;
  /** migrate: mark flagged ticket generation/regeneration code with a comment (`--annotate`). */
  annotate?: boolean;
}

export interface FileAnalysisOutcome {
  result: FileResult;
  /** The rewritten text, when migrate should write it. */
  output?: string;
  /** What the analysis read from other modules (given a project root). */
  moduleReads?: ModuleReads;
  /** The credentials the rewrite took out (offsets into `output`), for `--remove-ticket-code`. */
  removedCredentials?: CredentialUse[];
}

export function toReported(finding: Finding, file: string, secrets: readonly string[]): ReportedFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: maskSecrets(finding.message, secrets),
    fixable: finding.fixable,
    fingerprint: finding.fingerprint,
  };
}

function withExcerpt(finding: ReportedFinding, source: string, secrets: readonly string[]): ReportedFinding {
  return { ...finding, excerpt: excerptLines(source, finding.line, finding.endLine, secrets) };
}

/**
 * One file's analysis, without touching the disk: the findings, and for migrate and report the
 * rewritten text and its masked diff. Safe to run on a worker thread. `text` has passed the
 * prefilter already (readSourceFile decides on the bytes), so it is not asked again here.
 */
export function analyzeFileText(text: string, file: string, command: Command, options: FileAnalysisOptions): FileAnalysisOutcome {
  const { projectRoot, annotate, ...core } = options;
  // Only candidate files get a resolver, and it reads a module only when a value is asked of it.
  const moduleResolver = projectRoot !== undefined ? projectIndexFor(projectRoot).resolverFor() : undefined;
  const included: ModuleReads = { modules: [], hasUnresolvedImport: false };
  const onIncluded = (absolute: string, isFound: boolean) => {
    if (isFound) included.modules.push(absolute);
    else included.hasUnresolvedImport = true;
  };
  const input: FileInput = {
    options: core,
    filePath: file,
    ...(moduleResolver ? { moduleResolver } : {}),
    ...(projectRoot !== undefined ? { readIncluded: includedFileReader(projectRoot, onIncluded) } : {}),
  };
  // What the analysis read besides the file: JavaScript modules through the index, PHP/Python/Ruby includes.
  const withReads = (outcome: FileAnalysisOutcome): FileAnalysisOutcome => {
    if (!moduleResolver) return outcome;
    const reads = moduleResolver.reads();
    return { ...outcome, moduleReads: { modules: [...new Set([...reads.modules, ...included.modules])], hasUnresolvedImport: reads.hasUnresolvedImport || included.hasUnresolvedImport } };
  };
  if (command === 'check') {
    const analysis = analyzeFile(text, input);
    const findings = analysis.findings.map((finding) => toReported(finding, file, analysis.secrets));
    return withReads({ result: { file, status: 'unchanged', findings, remaining: findings, secrets: analysis.secrets, suppressed: analysis.suppressed } });
  }
  const migration = migrateFile(text, input, command === 'migrate' && Boolean(annotate));
  const secrets = migration.secrets;
  // A report is read away from the code, so its findings carry their lines: `findings` from the
  // text as read, `remaining` from the text migrate would write (their line numbers point there).
  const reported = (finding: Finding, source: string): ReportedFinding =>
    command === 'report' ? withExcerpt(toReported(finding, file, secrets), source, secrets) : toReported(finding, file, secrets);
  const result: FileResult = {
    file,
    status: migration.changed ? 'changed' : 'unchanged',
    findings: migration.findings.map((finding) => reported(finding, text)),
    remaining: migration.remaining.map((finding) => reported(finding, migration.output)),
    secrets,
    suppressed: migration.suppressed,
  };
  if (migration.refusedReason) {
    result.status = 'error';
    result.reason = migration.refusedReason;
  }
  if (!migration.changed) return withReads({ result });
  result.diff = unifiedDiff(file, text, migration.output, secrets);
  return withReads({ result, output: migration.output, removedCredentials: migration.removedCredentials });
}
