// The CLI as a process: argv, stdio and SIGINT wired to main(). src/bin.ts loads it.
import { main } from './cli.js';

// The first Ctrl-C asks the run to stop between files (it reports what it wrote); a second one
// is Node's default: exit at once (files are still whole: every write is an atomic rename).
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// The bin only wires the process to the CLI; the CLI returns the exit code.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isStdoutTty: Boolean(process.stdout.isTTY),
  isStderrTty: Boolean(process.stderr.isTTY),
  signal: interrupt.signal,
});
