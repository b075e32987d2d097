import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO_ROOT, 'dist/src/bin.js');

/**
 * A temporary copy of `fixtures/projects/<name>`. Files named `_gitignore` become `.gitignore`
 * (a real one would hide fixture files from this repository's own git). With `git`, the copy is
 * a fresh repository with everything committed.
 */
export function copyProject(name: string, options: { git?: boolean } = {}): string {
  return copyFixture(path.join('fixtures/projects', name), options);
}

/** The same, for any folder of the repository (`fixtures/legacy-crm-app`, `fixtures/cross-module/esm/input`). */
export function copyFixture(relativeDir: string, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), `zoho-authtoken-${relativeDir.replace(/[\\/]/g, '-')}-`));
  cpSync(path.join(REPO_ROOT, relativeDir), dir, { recursive: true });
  renameGitignores(dir);
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'add', '-A');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'fixture');
  }
  return dir;
}

function renameGitignores(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) renameGitignores(full);
    else if (entry.name === '_gitignore') renameSync(full, path.join(dir, '.gitignore'));
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary, as a user would. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file's bytes and mtime under a folder, to prove nothing was written. */
export function snapshotTree(dir: string): Map<string, { bytes: string; mtimeMs: number; mode: number }> {
  const snapshot = new Map<string, { bytes: string; mtimeMs: number; mode: number }>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const info = statSync(full);
        snapshot.set(path.relative(dir, full), { bytes: readFileSync(full).toString('base64'), mtimeMs: info.mtimeMs, mode: info.mode });
      }
    }
  };
  walk(dir);
  return snapshot;
}
