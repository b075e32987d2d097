import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN } from './projects.js';

/** A legacy request `migrate` rewrites, and what it becomes. */
export const LEGACY = "const u = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n";
export const MIGRATED = "const u = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN + '&scope=crmapi';\n";

/** A temporary git repository holding the files, everything committed (migrate refuses a dirty tree); `write` adds to it first. */
export function makeGitTree(files: Record<string, string | Uint8Array>, write?: (dir: string) => void): string {
  const dir = makeTree(files);
  write?.(dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return dir;
}

/** A temporary folder holding the given files (text or bytes), built by the test itself. */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-tree-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export interface JsonFile {
  file: string;
  status: string;
  reason?: string;
}

export interface JsonResult {
  summary: Record<string, number>;
  findings: { file: string; ruleId: string; line: number; column: number; fixable: boolean }[];
  files: JsonFile[];
}

/** The one entry of `file` in a JSON result (fails when there is none or more than one). */
export function entryOf(json: JsonResult, file: string): JsonFile {
  const entries = json.files.filter((entry) => entry.file === file);
  if (entries.length !== 1) throw new Error(`${file}: ${entries.length} entries in ${JSON.stringify(json.files.map((entry) => entry.file))}`);
  return entries[0]!;
}

/** An unprivileged user, where the tests run as root (which chmod 000 does not stop). */
export const NOBODY = { uid: 65534, gid: 65534 };

/** Can the built CLI run as `nobody` here (setpriv installed, the checkout readable by others)? */
export function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)})`]);
  return probe.status === 0;
}

/** Runs the built CLI as `nobody` (setpriv drops root's power to read anything). */
export function runCliAsNobody(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Lets `nobody` into a temporary tree (mkdtemp makes it 0700). */
export function openToOthers(dir: string): void {
  chmodSync(dir, 0o755);
}

/** Writes `line` `lines` times, then `tail`, in chunks: a file of many MiB without building it in memory. */
export function writeLines(file: string, line: string, lines: number, tail: string): void {
  const fd = openSync(file, 'w');
  const perChunk = Math.max(1, Math.floor(65536 / line.length));
  for (let done = 0; done < lines; done += perChunk) writeSync(fd, line.repeat(Math.min(perChunk, lines - done)));
  writeSync(fd, tail);
  closeSync(fd);
}
