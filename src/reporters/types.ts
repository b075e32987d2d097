import type { Command, RunResult } from '../runner/result.js';

export interface ReporterContext {
  /** Colour escapes allowed (a TTY, and no NO_COLOR). */
  isColor: boolean;
  /** The command line that reproduces the run, for reports that tell the user what to run next. */
  commandLine?: string;
  /** The `migrate` command line that applies what this run planned (same paths and options). */
  migrateCommandLine?: string;
}

/** A reporter is a pure function from a run's result to text. */
export interface Reporter {
  name: string;
  commands: readonly Command[];
  render(result: RunResult, context: ReporterContext): string;
}
