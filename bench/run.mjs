#!/usr/bin/env node
// npm run bench [-- --runs 5] [--jscodeshift-runs 1] [--no-jscodeshift] [--scaling] [--write-results]
// Side by side, in one run, on Node 20 and Node 24: `check` on a 2.3k-file application against
// ast-grep (a small rule set for the same strings and keys), on the legacy modules alone, on the
// big corpus against ripgrep (the read-and-match floor) and jscodeshift with this project's own
// transform, and a `--cache` re-run of the unchanged corpus against ripgrep; medians over
// interleaved runs (so a busy machine slows every tool alike), peak RSS of each process tree, and
// the correctness targets. `--scaling` adds the quarter/half/no-candidates trees and migrate.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, EXTENSIONS, JS_EXTENSIONS, ROOT, TREES, measureTree, prepareCorpus } from './corpus.mjs';

/**
 * The trees live inside this repository's work tree (which ignores .bench-cache/): git must not
 * look above a tree for a repository, or check would list the tree with git and find it all
 * ignored. A tree that is a repository of its own (full-git) is still found.
 */
const TOOL_ENV = { GIT_CEILING_DIRECTORIES: TREES };
import { measure, median } from './measure.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'jscodeshift-runs': { type: 'string', default: '1' },
    'no-jscodeshift': { type: 'boolean', default: false },
    'write-results': { type: 'boolean', default: false },
    scaling: { type: 'boolean', default: false },
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
function correctness(name, planted, key) {
  const json = JSON.parse(readFileSync(path.join(OUT, key ? `check-${name}-${key}.json` : `check-${name}.json`), 'utf8'));
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

/** Node 24 beside the running Node: ZOHO_NODE24, the one .ci/run installed, or the npm registry's `node` package installed here once. */
function ensureNode24() {
  const candidates = [process.env.ZOHO_NODE24, path.join(ROOT, 'node_modules/.cache/ci-node24/node_modules/node/bin/node'), path.join(CACHE, 'node24/node_modules/node/bin/node')];
  const found = candidates.find((file) => file && existsSync(file));
  if (found) return found;
  console.error('bench: installing Node 24 from the npm registry (the node package) ...');
  execFileSync('npm', ['install', '--prefix', path.join(CACHE, 'node24'), '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], { stdio: 'inherit' });
  return candidates[2];
}

function runtime(bin) {
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  return { bin, version, key: `node${/^v(\d+)/.exec(version)[1]}` };
}

const AST_GREP = path.join(ROOT, 'node_modules/.bin/ast-grep');
const SG_CONFIG = path.join(ROOT, 'bench/ast-grep/sgconfig.yml');

/** The commands of the user-facing rows; `node` is one of the runtimes. */
const ROW_TOOLS = {
  rg: TOOLS.rg,
  'ast-grep': (tree) => [AST_GREP, ['scan', '--config', SG_CONFIG, '--json=compact', '.'], { cwd: tree }],
  check: (tree, name, node) => [node.bin, [BIN, 'check', '--format', 'json', '--output', path.join(OUT, `check-${name}-${node.key}.json`), '.'], { cwd: tree, env: TOOL_ENV }],
  'check --cache': (tree, name, node) => [
    node.bin,
    [BIN, 'check', '--cache', '--cache-location', path.join(OUT, `cache-${name}-${node.key}.json`), '--format', 'json', '--output', path.join(OUT, `cached-${name}-${node.key}.json`), '.'],
    { cwd: tree, env: TOOL_ENV },
  ],
  jscodeshift: TOOLS.jscodeshift,
};

async function timeRow(tool, tree, name, node) {
  const [command, args, options] = ROW_TOOLS[tool](tree, name, node);
  const result = await measure(command, args, options);
  // rg and ast-grep exit 1 when they find nothing / find errors; check exits 1 on findings.
  const isOk = tool === 'jscodeshift' ? result.code === 0 : result.code === 0 || result.code === 1;
  if (!isOk) throw new Error(`${tool} on ${name} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result;
}

const readJson = (file) => JSON.parse(readFileSync(path.join(OUT, file), 'utf8'));
/** A check result without what may differ between runs that agree: nothing, today (the tool version is one). */
const sameResult = (a, b) => JSON.stringify(readJson(a)) === JSON.stringify(readJson(b));

async function main() {
  ensureBuilt();
  ensureRipgrep();
  mkdirSync(OUT, { recursive: true });
  const trees = await prepareCorpus();
  const nodes = [runtime(process.execPath), runtime(ensureNode24())];
  const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
  const loadBefore = uptime();
  const rows = [
    { name: 'app', tree: trees.app, peer: 'ast-grep', tools: ['ast-grep', 'check'] },
    { name: 'legacy', tree: trees.legacy, tools: ['check'] },
    { name: 'full', tree: trees.full, peer: 'rg', tools: ['rg', 'check'] },
    { name: 'full, cached re-run', tree: trees.full, key: 'full', peer: 'rg', tools: ['rg', 'check --cache'] },
    // The same files in a fresh git repository, every file added, not committed: git's own file list.
    { name: 'full-git', tree: trees.fullGit, peer: 'rg', tools: ['rg', 'check'] },
    // The cache keyed by the blob ids git lists (no stat, no read of an unmodified tracked file).
    { name: 'full-git, cached re-run', tree: trees.fullGit, key: 'full-git', peer: 'rg', tools: ['rg', 'check --cache'] },
  ];
  const samples = new Map();
  const add = (row, tool, node, sample) => {
    const key = `${row}|${tool}|${node?.key ?? ''}`;
    samples.set(key, [...(samples.get(key) ?? []), sample]);
  };
  await timeRow('rg', trees.full, 'full'); // warms the page cache for everyone
  // The cache a re-run finds: written by one uncached --cache run on each runtime (not timed).
  for (const node of nodes) {
    for (const [name, tree] of [['full', trees.full], ['full-git', trees.fullGit]]) {
      rmSync(path.join(OUT, `cache-${name}-${node.key}.json`), { force: true });
      await timeRow('check --cache', tree, name, node);
    }
  }
  for (let run = 0; run < RUNS; run++) {
    for (const row of rows) {
      for (const tool of row.tools) {
        const isNodeTool = tool.startsWith('check');
        for (const node of isNodeTool ? nodes : [undefined]) add(row.name, tool, node, await timeRow(tool, row.tree, row.key ?? row.name, node));
      }
    }
    process.stderr.write(`bench: run ${run + 1}/${RUNS}\n`);
  }
  for (let run = 0; run < JSCODESHIFT_RUNS; run++) {
    add('full', 'jscodeshift', nodes[0], await timeRow('jscodeshift', trees.full, 'full', nodes[0]));
    process.stderr.write(`bench: jscodeshift run ${run + 1}/${JSCODESHIFT_RUNS}\n`);
  }
  const loadAfter = uptime();
  const stat = (row, tool, node) => {
    const list = samples.get(`${row}|${tool}|${node?.key ?? ''}`);
    return list && { wall: median(list.map((sample) => sample.wallMs)) / 1000, peakRss: Math.max(...list.map((sample) => sample.peakRssBytes)), runs: list.length };
  };

  const lines = [];
  lines.push(`# Benchmark results`, '', `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}; ${nodes.map((node) => `Node ${node.version}`).join(' and ')}; ast-grep ${execFileSync(AST_GREP, ['--version'], { encoding: 'utf8' }).trim()}.`);
  lines.push(`Load (uptime) before: \`${loadBefore}\`; after: \`${loadAfter}\` (the machine is shared: the ratios, measured in interleaved runs, are the figures to read).`);
  lines.push(`Runs: median of ${RUNS} (interleaved); jscodeshift ${JSCODESHIFT_RUNS}, on ${nodes[0].version}. Command: \`npm run bench -- --runs ${RUNS} --jscodeshift-runs ${JSCODESHIFT_RUNS}\`.`, '');
  const sizes = { app: measureTree(trees.app), legacy: measureTree(trees.legacy), full: measureTree(trees.full) };
  sizes['full-git'] = sizes.full;
  lines.push('| tree | files | MB | tool | runtime | wall (median) | peak RSS (MiB) | ratio |', '|---|---:|---:|---|---|---:|---:|---:|');
  for (const row of rows) {
    const size = sizes[row.key ?? row.name];
    const peer = row.peer && stat(row.name, row.peer);
    for (const tool of [...row.tools, ...(row.name === 'full' ? ['jscodeshift'] : [])]) {
      for (const node of tool.startsWith('check') || tool === 'jscodeshift' ? nodes : [undefined]) {
        const figures = stat(row.name, tool, node);
        if (!figures) continue;
        const ratio = tool === row.peer ? '1.00x (peer)' : peer ? `${fmt(figures.wall / peer.wall)}x ${row.peer}` : '';
        lines.push(`| ${row.name} | ${size.files.toLocaleString('en-US')} | ${fmt(size.bytes / 1e6, 1)} | ${tool} | ${node?.version ?? '(native)'} | ${fmt(figures.wall)} s | ${mib(figures.peakRss)} | ${ratio} |`);
      }
    }
  }

  const full = correctness('full', trees.planted, nodes[0].key);
  const targets = [];
  for (const node of nodes) {
    const ratio = (row, tool) => stat(row, tool, node).wall / stat(row, rows.find((entry) => entry.name === row).peer).wall;
    const jscodeshift = stat('full', 'jscodeshift', nodes[0]);
    targets.push(
      [`app: check no slower than ast-grep (${node.version})`, ratio('app', 'check') <= 1, `${fmt(ratio('app', 'check'))}x`],
      [`full, cached re-run: <= 1.0x ripgrep (${node.version})`, ratio('full, cached re-run', 'check --cache') <= 1, `${fmt(ratio('full, cached re-run', 'check --cache'))}x`],
      [`full, cached re-run: findings identical to an uncached run (${node.version})`, sameResult(`cached-full-${node.key}.json`, `check-full-${node.key}.json`), ''],
      [`full-git, cached re-run: <= 1.0x ripgrep (${node.version})`, ratio('full-git, cached re-run', 'check --cache') <= 1, `${fmt(ratio('full-git, cached re-run', 'check --cache'))}x`],
      [`full-git, cached re-run: findings identical to an uncached run (${node.version})`, sameResult(`cached-full-git-${node.key}.json`, `check-full-git-${node.key}.json`), ''],
      [`full: check within 3x of ripgrep (${node.version})`, ratio('full', 'check') <= 3, `${fmt(ratio('full', 'check'))}x`],
      [`full: check >= 20x faster than jscodeshift (${node.version})`, jscodeshift ? jscodeshift.wall / stat('full', 'check', node).wall >= 20 : undefined, jscodeshift ? `${fmt(jscodeshift.wall / stat('full', 'check', node).wall, 1)}x` : 'not run'],
      [`full: peak RSS of check under 300 MiB (${node.version})`, stat('full', 'check', node).peakRss < 300 * 1024 ** 2, `${mib(stat('full', 'check', node).peakRss)} MiB`],
    );
  }
  targets.push(
    [`identical results on ${nodes.map((node) => node.version).join(' and ')} (full, app, legacy)`, ['full', 'app', 'legacy'].every((name) => sameResult(`check-${name}-${nodes[0].key}.json`, `check-${name}-${nodes[1].key}.json`)), ''],
    ['full: zero findings in the real packages', full.falsePositives.length === 0, `${full.falsePositives.length}`],
    ['full: every planted file found', full.missed.length === 0, `${full.planted - full.missed.length}/${full.planted}`],
  );
  lines.push('', '| target | met | measured |', '|---|---|---|');
  for (const [target, isMet, measured] of targets) lines.push(`| ${target} | ${isMet === undefined ? 'not run' : isMet ? 'yes' : '**no**'} | ${measured} |`);
  lines.push('', `check reported ${full.skipped.length} skipped and ${full.errors.length} failed files (full tree):`);
  for (const file of full.skipped) lines.push(`- skipped ${file.file}: ${file.reason}`);
  for (const file of full.errors) lines.push(`- error ${file.file}: ${file.reason}`);
  for (const finding of full.falsePositives) lines.push(`- FALSE POSITIVE ${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
  for (const file of full.missed) lines.push(`- MISSED planted file ${file}`);
  if (flags.scaling) lines.push('', ...(await scaling(trees)));
  // The hand-written reading of the figures lives beside the script, so a new run keeps it.
  const reading = path.join(ROOT, 'bench/READING.md');
  if (existsSync(reading)) lines.push('', readFileSync(reading, 'utf8').trimEnd());
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  writeFileSync(path.join(CACHE, 'RESULTS.md'), text);
  if (flags['write-results']) writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), text);
}

/** `--scaling`: the quarter/half/full/no-candidates trees with migrate --dry-run, and the project index's cost (the earlier bench). */
async function scaling(trees) {
  const scales = [];
  for (const name of ['quarter', 'half', 'full']) scales.push(await benchScale(name, trees[name], { jscodeshift: false }));
  const quiet = await benchScale('no-candidates', trees.noCandidates, { jscodeshift: false });
  const lines = ['## Scaling (`--scaling`, on the running Node)', ''];
  lines.push('| tree | files | MB | tool | wall (median) | files/s | MB/s | peak RSS (MiB) |', '|---|---:|---:|---|---:|---:|---:|---:|');
  for (const scale of [...scales, quiet]) {
    for (const [tool, row] of Object.entries(scale.rows)) {
      lines.push(`| ${scale.name} | ${scale.size.files.toLocaleString('en-US')} | ${fmt(scale.size.bytes / 1e6, 1)} | ${tool} | ${fmt(row.wall)} s | ${fmt(row.filesPerSecond, 0)} | ${fmt(row.mbPerSecond, 1)} | ${mib(row.peakRss)} |`);
    }
  }
  lines.push('', '| tree | check / rg | migrate --dry-run / rg |', '|---|---:|---:|');
  for (const { name, rows } of [...scales, quiet]) lines.push(`| ${name} | ${fmt(rows.check.wall / rows.rg.wall)}x | ${fmt(rows['migrate --dry-run'].wall / rows.rg.wall)}x |`);
  const describeIndex = (usage) => `${usage.modulesLoaded} modules loaded, ${usage.resolutions} imports resolved, ts-morph ${usage.isTsMorphLoaded ? 'loaded' : 'never loaded'}`;
  lines.push('', `Project index (\`projectIndexUsage()\` after an in-band run): no-candidates: ${describeIndex(projectIndexCost(trees.noCandidates))} (expected: 0, 0, never); full: ${describeIndex(projectIndexCost(trees.full))}.`);
  return lines;
}
await main();
