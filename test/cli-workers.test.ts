import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProgress } from '../src/runner/progress.js';
import { BIN, runCli } from './helpers/projects.js';
import { LEGACY, makeTree, MIGRATED } from './helpers/trees.js';

/** A tree of `count` files, every third one legacy, in folders of 50. */
function manyFiles(count: number): { dir: string; legacy: string[] } {
  const files: Record<string, string> = {};
  const legacy: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `src/part-${String(Math.floor(i / 50)).padStart(3, '0')}/file-${String(i).padStart(5, '0')}.js`;
    const isLegacy = i % 3 === 0;
    files[name] = isLegacy ? LEGACY : `export const value${i} = ${i};\n`;
    if (isLegacy) legacy.push(name);
  }
  return { dir: makeTree(files), legacy };
}

describe('worker threads', () => {
  it('--jobs 1 (in-band) and --jobs 2 (worker threads) give the same result, file order included', () => {
    // 100 candidates spread over the tree: the second worker leaves those it reads to the analyst
    // thread (worker-pool.ts), and each comes back in its place in the report.
    const { dir, legacy } = manyFiles(300);
    // Nothing found, but a suppressed finding to count: not a plain "unchanged" for the thread boundary.
    writeFileSync(path.join(dir, 'src/suppressed.js'), `// zoho-authtoken-ignore-next-line the mirror is retired with the importer\n${LEGACY}`);
    const inBand = runCli(['check', '--format', 'json', '--jobs', '1'], dir);
    const pooled = runCli(['check', '--format', 'json', '--jobs', '2'], dir);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(inBand.stdout);
    const json = JSON.parse(pooled.stdout);
    expect(json.summary.filesScanned).toBe(301);
    expect(json.summary.suppressed).toBe(1);
    expect([...new Set(json.findings.map((finding: { file: string }) => finding.file))]).toEqual(legacy);

    // Outcomes that need a write arrive while earlier ones are still being handled: none may be dropped.
    const planInBand = runCli(['migrate', '--dry-run', '--format', 'json', '--jobs', '1'], dir);
    const planPooled = runCli(['migrate', '--dry-run', '--format', 'json', '--jobs', '2'], dir);
    expect(planPooled.stdout).toBe(planInBand.stdout);
    expect(JSON.parse(planPooled.stdout).summary.filesChanged).toBe(legacy.length);

    const migrated = runCli(['migrate', '--jobs', '2'], dir);
    expect(migrated.code).toBe(0);
    for (const file of legacy) expect(readFileSync(path.join(dir, file), 'utf8')).toBe(MIGRATED);
  });

  it.each([['--jobs', '0'], ['--jobs', 'many'], ['--max-line-length', '-1']])('%s %s is a usage error', (flag, value) => {
    const dir = makeTree({ 'a.js': LEGACY });
    const result = runCli(['check', flag, value], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${flag} "${value}" must be a whole number of at least 1`);
  });
});

describe('SIGINT during migrate', () => {
  it('leaves every file fully old or fully new, prints what it wrote, exits 2 with one line', async () => {
    const { dir, legacy } = manyFiles(3000);
    const first = path.join(dir, legacy[0]!);
    const child = spawn(process.execPath, [BIN, 'migrate'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Files are handed out in order: once the first one is new, the run is under way.
    const deadline = Date.now() + 60_000;
    while (readFileSync(first, 'utf8') === LEGACY && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/interrupted: \d+ file\(s\) written before the interrupt \(listed above\), every other file left as it was/);
    const written = new Set<string>();
    for (const file of legacy) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect([LEGACY, MIGRATED], file).toContain(text);
      if (text === MIGRATED) written.add(file);
    }
    expect(written.size).toBeGreaterThan(0);
    expect(written.size).toBeLessThan(legacy.length);
    const listed = stdout.split('\n').filter((line) => line.startsWith('migrated  ')).map((line) => line.slice('migrated  '.length));
    expect(new Set(listed)).toEqual(written);
    expect(stderr).toContain(`interrupted: ${written.size} file(s)`);
    // No temporary file of an atomic write is left behind.
    const leftovers = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.zoho-authtoken.tmp'));
    expect(leftovers).toEqual([]);
  }, 120_000);
});

describe('progress bar', () => {
  it('shows files done/total, files/s and ETA', () => {
    expect(formatProgress({ done: 12_000, total: 48_000, elapsedMs: 1500 })).toBe('[######------------------] 12000/48000 files  8,000 files/s  ETA 5s');
    expect(formatProgress({ done: 0, total: 10, elapsedMs: 0 })).toBe('[------------------------] 0/10 files  0 files/s  ETA --');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('is drawn on stderr only when stderr is a terminal, and never with --no-progress or --quiet', () => {
    const { dir } = manyFiles(150);
    // script(1) gives the CLI a pseudo-terminal; its output is what the terminal would show.
    const onTerminal = (args: string) =>
      spawnSync('script', ['-qec', `${process.execPath} ${BIN} check ${args}`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
    expect(onTerminal('')).toMatch(/\[[#-]{24}\] \d+\/150 files {2}[\d,]+ files\/s {2}ETA/);
    expect(onTerminal('--no-progress')).not.toContain('files/s');
    expect(onTerminal('--quiet')).not.toContain('files/s');
    const piped = runCli(['check'], dir);
    expect(piped.stderr).toBe('');
  });
});
