#!/usr/bin/env node
import { main } from './cli.js';

// The bin only wires the process to the CLI; the CLI returns the exit code.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isStdoutTty: Boolean(process.stdout.isTTY),
});
