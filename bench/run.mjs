#!/usr/bin/env node
// npm run bench [-- --runs 5] [--jscodeshift-runs 1] [--no-jscodeshift] [--write-results]
// Side-by-side, on the same files, in one run: `check`, `migrate --dry-run`, ripgrep (the
// read-and-match floor) and jscodeshift with this project's own transform; medians over
// interleaved runs (so a busy machine slows every tool alike), peak RSS of each process tree,
// scaling over a quarter, a half and the whole corpus, and the correctness targets.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, EXTENSIONS, JS_EXTENSIONS, ROOT, TREES, measureTree, prepareCorpus } from './corpus.mjs';
import { measure, median } from './measure.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'jscodeshift-runs': { type: 'string', default: '1' },
    'no-jscodeshift': { type: 'boolean', default: false },
    'write-results': { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs);
const JSCODESHIFT_RUNS = flags['no-jscodeshift'] ? 0 : Number(flags['jscodeshift-runs']);
const BIN = path.join(ROOT, 'dist/src/bin.js');
const TRANSFORM = path.join(ROOT, 'dist/transforms/zoho-authtoken.cjs');
const JSCODESHIFT = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const CPUS = os.availableParallelism();
const OUT = path.join(CACHE, 'out');

function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return;
  const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
  if (!canApt) {
    console.error('bench: ripgrep is missing. Install it with: sudo apt-get update && sudo apt-get install -y ripgrep (Debian package "ripgrep")');
    process.exit(1);
  }
  console.error('bench: installing ripgrep with apt-get ...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureBuilt() {
  if (existsSync(BIN) && existsSync(TRANSFORM)) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The trees live inside this repository's work tree (which ignores .bench-cache/): git must not
 * look above a tree for a repository, or check would list the tree with git and find it all
 * ignored. A tree that is a repository of its own (full-git) is still found.
 */
const TOOL_ENV = { GIT_CEILING_DIRECTORIES: TREES };

const TOOLS = {
  // The files check reads: every extension it discovers, dotenv files, no npm lock files.
  rg: (tree) => [
    'rg',
    ['-l', '-i', 'zoho|apikey|ticket', '--no-ignore', '--hidden', '-g', `*.{${EXTENSIONS.join(',')}}`, '-g', '.env', '-g', '.env.*', '-g', '!package-lock.json', '-g', '!npm-shrinkwrap.json', '-g', '!.git', '.'],
    { cwd: tree },
  ],
  check: (tree, name) => [process.execPath, [BIN, 'check', '--format', 'json', '--output', path.join(OUT, `check-${name}.json`), '.'], { cwd: tree, env: TOOL_ENV }],
  'migrate --dry-run': (tree, name) => [process.execPath, [BIN, 'migrate', '--dry-run', '--format', 'json', '--output', path.join(OUT, `migrate-${name}.json`), '.'], { cwd: tree, env: TOOL_ENV }],
  jscodeshift: (tree) => [
    process.execPath,
    [JSCODESHIFT, '-t', TRANSFORM, '--dry', '--silent', '--no-babel', '--parser=tsx', `--extensions=${JS_EXTENSIONS.join(',')}`, `--cpus=${CPUS}`, '--ignore-pattern=**/.git/**', '.'],
    { cwd: tree },
  ],
};

async function time(tool, tree, name) {
  const [command, args, options] = TOOLS[tool](tree, name);
  const result = await measure(command, args, options);
  const isOk = tool === 'rg' ? result.code === 0 || result.code === 1 : tool === 'jscodeshift' ? result.code === 0 : result.code <= 1;
  if (!isOk) throw new Error(`${tool} on ${name} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result;
}

async function benchScale(name, tree, options = { jscodeshift: true }) {
  const size = measureTree(tree);
  const samples = { rg: [], check: [], 'migrate --dry-run': [], jscodeshift: [] };
  await time('rg', tree, name); // warms the page cache for everyone
  for (let run = 0; run < RUNS; run++) {
    for (const tool of ['rg', 'check', 'migrate --dry-run']) samples[tool].push(await time(tool, tree, name));
    process.stderr.write(`bench: ${name}: run ${run + 1}/${RUNS}\n`);
  }
  for (let run = 0; run < (options.jscodeshift ? JSCODESHIFT_RUNS : 0); run++) {
    samples.jscodeshift.push(await time('jscodeshift', tree, name));
    process.stderr.write(`bench: ${name}: jscodeshift run ${run + 1}/${JSCODESHIFT_RUNS}\n`);
  }
  const rows = {};
  for (const [tool, list] of Object.entries(samples)) {
    if (list.length === 0) continue;
    const wall = median(list.map((sample) => sample.wallMs)) / 1000;
    rows[tool] = { wall, peakRss: Math.max(...list.map((sample) => sample.peakRssBytes)), runs: list.length, filesPerSecond: size.files / wall, mbPerSecond: size.bytes / 1e6 / wall };
  }
  const rgFiles = samples.rg[0].stdout.split('\n').filter(Boolean).length;
  return { name, size, rows, rgFiles };
}

/** Findings in the real packages (each one a false positive) and planted files found, from check's JSON. */
function correctness(name, planted) {
  const json = JSON.parse(readFileSync(path.join(OUT, `check-${name}.json`), 'utf8'));
  const byFile = new Map();
  for (const finding of json.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const falsePositives = json.findings.filter((finding) => !finding.file.startsWith('planted/'));
  const missed = planted.filter((file) => !byFile.has(file));
  const skipped = json.files.filter((file) => file.status === 'skipped');
  const errors = json.files.filter((file) => file.status === 'error');
  return { summary: json.summary, falsePositives, missed, planted: planted.length, skipped, errors };
}

/**
 * What the cross-module index cost a `check` of the tree: the library's `run` in-band (`jobs: 1`,
 * so the index lives in the one thread asked), in a child process of its own, then
 * `projectIndexUsage()`.
 */
function projectIndexCost(tree) {
  const script = `const api = await import(${JSON.stringify(path.join(ROOT, 'dist/src/index.js'))});
    await api.run({ command: 'check', paths: ['.'], cwd: process.cwd(), jobs: 1 });
    process.stdout.write(JSON.stringify(api.projectIndexUsage()));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...TOOL_ENV } });
  if (child.status !== 0) throw new Error(`project index cost on ${tree}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(child.stdout);
}

const fmt = (value, digits = 2) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (bytes) => fmt(bytes / 1024 / 1024, 0);

function machine() {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const jscodeshift = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/jscodeshift/package.json'), 'utf8')).version;
  return `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${CPUS} cores available, ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}; ${rg}; jscodeshift ${jscodeshift}`;
}

async function main() {
  ensureBuilt();
  ensureRipgrep();
  mkdirSync(OUT, { recursive: true });
  const trees = await prepareCorpus();
  const loadBefore = os.loadavg();
  const scales = [];
  for (const name of ['quarter', 'half', 'full']) scales.push(await benchScale(name, trees[name]));
  // The same files as `full`, in a fresh git repository with every file added: git's own file list.
  const inGit = await benchScale('full-git', trees.fullGit, { jscodeshift: false });
  const quiet = await benchScale('no-candidates', trees.noCandidates, { jscodeshift: false });
  const loadAfter = os.loadavg();
  const result = correctness('full', trees.planted);

  const lines = [];
  lines.push(`# Benchmark results`, '', `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}.`);
  lines.push(`Load average (1/5/15 min) before: ${loadBefore.map((value) => fmt(value)).join(' / ')}, after: ${loadAfter.map((value) => fmt(value)).join(' / ')} (the machine is shared: the ratios, measured in interleaved runs, are the figures to read).`);
  lines.push('Every tool reads the same files (JS/TS, Vue/Svelte/HTML, the other languages and config files check scans), except jscodeshift, which is given the JS/TS files only (its transform parses nothing else).');
  lines.push(`Runs: median of ${RUNS} for rg, check and migrate --dry-run; ${JSCODESHIFT_RUNS} for jscodeshift. Command: \`npm run bench -- --runs ${RUNS} --jscodeshift-runs ${JSCODESHIFT_RUNS}\`.`, '');
  lines.push('| tree | files | MB | tool | wall (median) | files/s | MB/s | peak RSS (MiB) |', '|---|---:|---:|---|---:|---:|---:|---:|');
  for (const scale of [...scales, inGit, quiet]) {
    for (const [tool, row] of Object.entries(scale.rows)) {
      lines.push(`| ${scale.name} | ${scale.size.files.toLocaleString('en-US')} | ${fmt(scale.size.bytes / 1e6, 1)} | ${tool} | ${fmt(row.wall)} s | ${fmt(row.filesPerSecond, 0)} | ${fmt(row.mbPerSecond, 1)} | ${mib(row.peakRss)} |`);
    }
  }
  lines.push('', '| tree | check / rg | migrate --dry-run / rg | jscodeshift / check |', '|---|---:|---:|---:|');
  for (const scale of [...scales, inGit, quiet]) {
    const { rows } = scale;
    lines.push(`| ${scale.name} | ${fmt(rows.check.wall / rows.rg.wall)}x | ${fmt(rows['migrate --dry-run'].wall / rows.rg.wall)}x | ${rows.jscodeshift ? `${fmt(rows.jscodeshift.wall / rows.check.wall, 1)}x` : 'not run'} |`);
  }
  const full = scales.find((scale) => scale.name === 'full');
  lines.push('', `\`full-git\` is \`full\` as a fresh git repository with every file added, not committed: check lists it with \`git ls-files\` instead of walking it. check there: ${fmt(inGit.rows.check.wall)} s, ${fmt(inGit.rows.check.wall / inGit.rows.rg.wall)}x ripgrep (the walk on \`full\`: ${fmt(full.rows.check.wall / full.rows.rg.wall)}x).`);
  lines.push('', `Files too big or too long to parse, read by the text scan instead (full tree): ${result.summary.textOnly ?? 0}.`);
  const targets = [
    ['check within 3x of ripgrep (full)', full.rows.check.wall / full.rows.rg.wall <= 3, `${fmt(full.rows.check.wall / full.rows.rg.wall)}x`],
    ['check at least 10x faster than jscodeshift (full)', full.rows.jscodeshift ? full.rows.jscodeshift.wall / full.rows.check.wall >= 10 : undefined, full.rows.jscodeshift ? `${fmt(full.rows.jscodeshift.wall / full.rows.check.wall, 1)}x` : 'not run'],
    ['peak RSS of check under 300 MiB (full)', full.rows.check.peakRss < 300 * 1024 ** 2, `${mib(full.rows.check.peakRss)} MiB`],
    ['zero findings in the real packages', result.falsePositives.length === 0, `${result.falsePositives.length}`],
    ['every planted file found', result.missed.length === 0, `${result.planted - result.missed.length}/${result.planted}`],
  ];
  lines.push('', '| target | met | measured |', '|---|---|---|');
  for (const [target, isMet, measured] of targets) lines.push(`| ${target} | ${isMet === undefined ? 'not run' : isMet ? 'yes' : '**no**'} | ${measured} |`);
  lines.push('', `ripgrep lists ${full.rgFiles} files of the full tree for \`zoho|apikey|ticket\`; check reads every file, parses only those its prefilter lets through, and reported ${result.skipped.length} skipped and ${result.errors.length} failed files (full tree):`);
  for (const file of result.skipped) lines.push(`- skipped ${file.file}: ${file.reason}`);
  for (const file of result.errors) lines.push(`- error ${file.file}: ${file.reason}`);
  for (const finding of result.falsePositives) lines.push(`- FALSE POSITIVE ${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
  for (const file of result.missed) lines.push(`- MISSED planted file ${file}`);
  lines.push('', '## Cost of the cross-module index on a repository with no candidates', '');
  lines.push(`The \`no-candidates\` tree holds the ${quiet.size.files.toLocaleString('en-US')} corpus source files the prefilter rejects. check: ${fmt(quiet.rows.check.wall)} s (${fmt(quiet.rows.check.wall / quiet.rows.rg.wall)}x ripgrep), ${mib(quiet.rows.check.peakRss)} MiB peak.`);
  const quietIndex = projectIndexCost(trees.noCandidates);
  const fullIndex = projectIndexCost(trees.full);
  const describeIndex = (usage) => `${usage.modulesLoaded} modules loaded, ${usage.resolutions} imports resolved, ts-morph ${usage.isTsMorphLoaded ? 'loaded' : 'never loaded'}`;
  lines.push(`Project index (\`projectIndexUsage()\` after an in-band run): no-candidates: ${describeIndex(quietIndex)} (expected: 0, 0, never); full: ${describeIndex(fullIndex)}.`);
  // The hand-written reading of the figures lives beside the script, so a new run keeps it.
  const reading = path.join(ROOT, 'bench/READING.md');
  if (existsSync(reading)) lines.push('', readFileSync(reading, 'utf8').trimEnd());
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  writeFileSync(path.join(CACHE, 'RESULTS.md'), text);
  if (flags['write-results']) writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), text);
}

await main();
