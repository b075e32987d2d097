import { main } from '../../src/cli.js';
import type { CliRun } from './projects.js';

/**
 * The CLI in this process: `main(argv, io)` from the sources, as runCli runs the built binary
 * (same environment, NO_COLOR set, no terminal). The bin adds only the process wiring, which the
 * end-to-end tests (cli-demo, cli-workers, cli-migrate-kill, the package test) prove. From the
 * sources the run is in-band: worker threads need the build.
 */
export async function runMain(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    isStdoutTty: false,
    isStderrTty: false,
  });
  return { code, stdout, stderr };
}
