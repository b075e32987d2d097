import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/runner/discover.js';
import { runMain } from './helpers/run-main.js';
import { entryOf, LEGACY, makeTree, MIGRATED, type JsonResult } from './helpers/trees.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'protocol.file.allow=always', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });

/**
 * Every kind of ignore rule git has, and the two cases only git's own list gets right: a tracked
 * file that a pattern also matches, and a folder excluded by `.git/info/exclude`.
 */
const TREE: Record<string, string> = {
  '.gitignore': 'build/\n/generated.js\n*.min.js\n!keep.min.js\ntracked-ignored.js\nlogs\n',
  'src/.gitignore': 'local-*.js\n!local-keep.js\n/only-here.js\n',
  'src/deep/.gitignore': '*.ts\n!important.ts\n',
  'src/a.js': LEGACY,
  'generated.js': LEGACY,
  'src/generated.js': LEGACY,
  'build/out.js': LEGACY,
  'src/build/x.js': LEGACY,
  'app.min.js': LEGACY,
  'keep.min.js': LEGACY,
  'src/local-a.js': LEGACY,
  'src/local-keep.js': LEGACY,
  'src/only-here.js': LEGACY,
  'only-here.js': LEGACY,
  'src/deep/x.ts': LEGACY,
  'src/deep/important.ts': LEGACY,
  'logs/today.js': LEGACY,
  'scratch/s.js': LEGACY,
  'tracked-ignored.js': LEGACY,
  'README.md': 'not a source file\n',
};

/** The tree as a git repository: committed, one tracked file that .gitignore matches, one excluded folder, one untracked file. */
function gitRepo(): string {
  const dir = makeTree(TREE);
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, '.git/info/exclude'), 'scratch/\n');
  git(dir, 'add', '-A');
  git(dir, 'add', '-f', 'tracked-ignored.js');
  git(dir, 'commit', '-q', '-m', 'fixture');
  writeFileSync(path.join(dir, 'src/untracked.js'), LEGACY);
  return dir;
}

/** The same files without `.git`, outside any work tree: the walk lists them. */
function plainCopy(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-walk-'));
  cpSync(dir, copy, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
  return copy;
}

async function listed(dir: string, paths: readonly string[] = ['.']): Promise<string[]> {
  const discovery = await discoverFiles(paths, { cwd: dir });
  return discovery.files.map((file) => path.relative(dir, file).split(path.sep).join('/'));
}

describe("discovery in a git work tree is git's own file list", () => {
  it('agrees with the walk on nested, negated, anchored and dir/ patterns; differs exactly where git knows better', async () => {
    const repo = gitRepo();
    const fromGit = await listed(repo);
    const fromWalk = await listed(plainCopy(repo));
    expect(fromGit).toEqual([
      'keep.min.js',
      'only-here.js',
      'src/a.js',
      'src/deep/important.ts',
      'src/generated.js',
      'src/local-keep.js',
      'src/untracked.js',
      'tracked-ignored.js',
    ]);
    // The walk sees no index and no .git/info/exclude: those two files are the whole difference.
    expect(fromWalk).toEqual([...fromGit.filter((file) => file !== 'tracked-ignored.js'), 'scratch/s.js'].sort());
    // And git itself, asked directly, lists the same source files.
    const oracle = git(repo, 'ls-files', '--cached', '--others', '--exclude-standard', '-z')
      .split('\0')
      .filter((file) => /\.(js|ts)$/.test(file))
      .sort();
    expect(fromGit).toEqual(oracle);
  });

  it('leaves out tracked files deleted from the work tree; follows tracked and untracked links like the walk', async () => {
    const repo = gitRepo();
    symlinkSync('a.js', path.join(repo, 'src/tracked-link.js'));
    git(repo, 'add', 'src/tracked-link.js');
    git(repo, 'commit', '-q', '-m', 'link');
    symlinkSync('a.js', path.join(repo, 'src/untracked-link.js'));
    symlinkSync('/nonexistent/z.js', path.join(repo, 'src/dangling.js'));
    rmSync(path.join(repo, 'src/generated.js'));
    const discovery = await discoverFiles(['.'], { cwd: repo });
    const names = discovery.files.map((file) => path.relative(repo, file));
    expect(names).not.toContain('src/generated.js');
    // A link's target is analysed once, under its own name.
    expect(names.filter((name) => name.includes('link'))).toEqual([]);
    expect(names).toContain('src/a.js');
    expect(discovery.problems.map((problem) => [path.relative(repo, problem.absolute), problem.reason])).toEqual([['src/dangling.js', 'dangling symbolic link (its target does not exist)']]);
    expect((await runMain(['check'], repo)).stdout).not.toContain('src/generated.js');

    // A tracked file replaced by a link (not committed): never followed, never written over.
    rmSync(path.join(repo, 'src/local-keep.js'));
    symlinkSync('a.js', path.join(repo, 'src/local-keep.js'));
    const migrated = await runMain(['migrate', '--force', '--format', 'json'], repo);
    const entry = (JSON.parse(migrated.stdout) as JsonResult).files.find((file) => file.file === 'src/local-keep.js');
    expect(entry).toMatchObject({ status: 'skipped', reason: 'a symbolic link where git records a file (a type change not committed yet): not followed' });
    expect(lstatSync(path.join(repo, 'src/local-keep.js')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(repo, 'src/a.js'), 'utf8')).toBe(MIGRATED);
  });

  it('lists only under the given paths, and honours --ignore for files and folders', async () => {
    const repo = gitRepo();
    expect(await listed(repo, ['src'])).toEqual(['src/a.js', 'src/deep/important.ts', 'src/generated.js', 'src/local-keep.js', 'src/untracked.js']);
    const discovery = await discoverFiles(['.'], { cwd: repo, ignore: ['src/deep', '*.min.js'] });
    const names = discovery.files.map((file) => path.relative(repo, file));
    expect(names).not.toContain('src/deep/important.ts');
    expect(names).not.toContain('keep.min.js');
    expect(names).toContain('src/a.js');
  });

  it('notes submodules and nested repositories instead of passing them silently; never lists node_modules, even tracked', async () => {
    const sub = makeTree({ 'lib.js': LEGACY });
    git(sub, 'init', '-q', '-b', 'main');
    git(sub, 'add', '-A');
    git(sub, 'commit', '-q', '-m', 'sub');
    const repo = makeTree({ 'a.js': LEGACY, 'node_modules/dep/index.js': LEGACY, 'nested/n.js': LEGACY });
    git(path.join(repo, 'nested'), 'init', '-q');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'submodule', 'add', '-q', sub, 'vendor/sub');
    git(repo, 'add', '-f', 'a.js', 'node_modules/dep/index.js');
    git(repo, 'commit', '-q', '-m', 'with a submodule');
    symlinkSync('a.js', path.join(repo, 'alias.js'));
    const discovery = await discoverFiles(['.'], { cwd: repo });
    expect(discovery.files.map((file) => path.relative(repo, file))).toEqual(['a.js']);
    const problems = Object.fromEntries(discovery.problems.map((problem) => [path.relative(repo, problem.absolute), problem.reason]));
    expect(problems).toEqual({
      'vendor/sub': 'git submodule: not scanned from here; run the command inside it to check its files',
      nested: 'nested git repository: not scanned from here; run the command inside it to check its files',
    });
  });

  it('check reports a tracked file that .gitignore matches and skips what .git/info/exclude excludes; migrate rewrites it', async () => {
    const repo = gitRepo();
    const result = await runMain(['check', '--format', 'json'], repo);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as JsonResult;
    const withFindings = [...new Set(json.findings.map((finding) => finding.file))];
    expect(withFindings).toContain('tracked-ignored.js');
    expect(withFindings).not.toContain('scratch/s.js');
    expect(json.files.map((file) => file.file)).not.toContain('scratch/s.js');
    expect(entryOf(json, 'tracked-ignored.js').status).toBe('unchanged');

    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'untracked added');
    const migrated = await runMain(['migrate'], repo);
    expect(migrated.stdout).toContain('migrated  tracked-ignored.js');
    expect(readFileSync(path.join(repo, 'tracked-ignored.js'), 'utf8')).toBe(MIGRATED);
    expect(readFileSync(path.join(repo, 'scratch/s.js'), 'utf8')).toBe(LEGACY);
    expect((await runMain(['check'], repo)).code).toBe(0);
  });

  it('a folder outside any work tree is walked, its .gitignore files honoured', async () => {
    const dir = makeTree({ 'a.js': LEGACY, '.gitignore': 'b.js\n', 'b.js': LEGACY });
    mkdirSync(path.join(dir, 'empty'));
    expect(await listed(dir)).toEqual(['a.js']);
  });
});
