import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/projects.js';
import { LEGACY, makeTree, MIGRATED } from './helpers/trees.js';

const FILES = 600;
const TEMP = /\.zoho-authtoken\.tmp$/;
const nameOf = (i: number) => `src/m${String(i).padStart(4, '0')}.js`;

/** Every name under `dir` (but .git), relative. */
function allNames(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => !name.startsWith('.git'));
}

describe('an interrupted migrate loses nothing', () => {
  it('SIGKILL while writing: every file is its old or its new bytes; the next run leaves no temporary file and finishes the job', async () => {
    // A comment per file makes each one distinct, so a mix of two files' bytes would show.
    const files = Object.fromEntries(Array.from({ length: FILES }, (_, i) => [nameOf(i), `// module ${i}\n${LEGACY}`]));
    const dir = makeTree(files);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');

    const child = spawn(process.execPath, [BIN, 'migrate', '--jobs', '1', '--no-progress'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed at the first sign of writing: a temporary file, or a file already renamed into place.
    const src = path.join(dir, 'src');
    const first = path.join(dir, nameOf(0));
    let isWriting = false;
    while (!isWriting && child.exitCode === null) {
      isWriting = readdirSync(src).some((name) => TEMP.test(name)) || readFileSync(first, 'utf8') !== files[nameOf(0)];
      if (!isWriting) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    let migrated = 0;
    for (let i = 0; i < FILES; i++) {
      const bytes = readFileSync(path.join(dir, nameOf(i)), 'utf8');
      const before = files[nameOf(i)]!;
      expect([before, `// module ${i}\n${MIGRATED}`], nameOf(i)).toContain(bytes);
      if (bytes !== before) migrated++;
    }
    // Killed mid-run: some files written, not all.
    expect(migrated).toBeLessThan(FILES);

    // What a kill in the middle of a write leaves (planted too, so the clean-up is always tested).
    writeFileSync(path.join(src, `.m0001.js.${child.pid}.0badcafe.zoho-authtoken.tmp`), '// half a rewr');
    // A file of another tool with a similar name is not ours to remove.
    writeFileSync(path.join(src, '.m0002.js.swp'), 'vim');
    const again = runCli(['migrate', '--force', '--no-progress'], dir);
    expect(again.code).toBe(0);
    expect(allNames(dir).filter((name) => TEMP.test(name))).toEqual([]);
    expect(allNames(dir)).toContain('src/.m0002.js.swp');
    for (let i = 0; i < FILES; i++) expect(readFileSync(path.join(dir, nameOf(i)), 'utf8')).toBe(`// module ${i}\n${MIGRATED}`);
  }, 120_000);
});
