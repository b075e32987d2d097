import { spawnSync } from 'node:child_process';

/** How to run Python 2 here, if at all: `python2` on the PATH, or a 2.x that pyenv has installed. */
export interface Python2 {
  command: string;
  env: NodeJS.ProcessEnv;
}

function isPython2(command: string, env: NodeJS.ProcessEnv): boolean {
  const run = spawnSync(command, ['-c', 'import sys; sys.exit(sys.version_info[0] != 2)'], { env, encoding: 'utf8' });
  return run.status === 0;
}

export function findPython2(): Python2 | undefined {
  for (const command of ['python2', 'python2.7']) if (isPython2(command, process.env)) return { command, env: process.env };
  const versions = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8' });
  const version = versions.status === 0 ? versions.stdout.split('\n').find((line) => /^2\.\d/.test(line.trim()))?.trim() : undefined;
  if (!version) return undefined;
  const env = { ...process.env, PYENV_VERSION: version };
  return isPython2('python', env) ? { command: 'python', env } : undefined;
}
