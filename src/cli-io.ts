/** What the CLI needs of its process: the bin passes the real one, tests pass strings and flags. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isStdoutTty: boolean;
  /** The progress bar is drawn only on a terminal. */
  isStderrTty?: boolean;
  /** Aborted on SIGINT: the run stops between files and reports what it did. */
  signal?: AbortSignal;
}
