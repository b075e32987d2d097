import type { RuleId } from '../core/findings.js';
import type { Command, RunResult } from '../run-result.js';

/** Where the rule pages (docs/rules/<rule-id>.md) are, for outputs that point readers at them. */
export interface RuleDocs {
  /** The folder as the reader can open it (relative to the working directory when below it). */
  dir: string;
  /** The pages' Markdown, for formats that carry the help itself (SARIF). */
  pages?: Partial<Record<RuleId, string>>;
}

export interface ReporterContext {
  /** Colour escapes allowed (a TTY, and no NO_COLOR). */
  isColor: boolean;
  /** The command line that reproduces the run, for reports that tell the user what to run next. */
  commandLine?: string;
  /**
   * The working directory's path inside its git work tree (`packages/api`, or '' at the root);
   * undefined outside git. Code scanning, annotations and code quality reports need paths from
   * the repository root, while `file` in a result is relative to the working directory.
   */
  repoPrefix?: string;
  /** The `migrate` command line that applies what this run planned (same paths and options). */
  migrateCommandLine?: string;
  /** The rule pages; without it, outputs name them by their path inside the package. */
  ruleDocs?: RuleDocs;
}

/** A reporter is a pure function from a run's result to text. */
export interface Reporter {
  name: string;
  commands: readonly Command[];
  render(result: RunResult, context: ReporterContext): string;
  /**
   * Markdown for the CI job summary (`$GITHUB_STEP_SUMMARY`), when the format has one. Pure too:
   * the CLI decides where it goes.
   */
  renderStepSummary?(result: RunResult, context: ReporterContext): string;
  /** Does the format name files from the repository root (so the CLI must ask git for it)? */
  usesRepoPaths?: boolean;
  /** Does the format carry the rule pages themselves (so the CLI reads them)? */
  usesRuleDocPages?: boolean;
}
