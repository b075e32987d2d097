// Builds the benchmark trees under .bench-cache/ (ignored by git): the pinned npm packages of
// bench/corpus/ installed once with `npm ci --ignore-scripts`, then hard-linked into one tree per
// scale with the planted legacy Zoho files. Nothing here is part of `npm test`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CACHE = path.join(ROOT, '.bench-cache');
const INSTALL = path.join(CACHE, 'install');
export const TREES = path.join(CACHE, 'trees');
const { DISCOVERED_EXTENSIONS, ALWAYS_IGNORED_FILES } = await import(path.join(ROOT, 'dist/src/runner/discover.js')).catch(() => {
  throw new Error('bench: build first (npm run build)');
});
/** The files the tool reads (JS/TS, pages, other languages, config files), so every tool reads the same ones. */
export const EXTENSIONS = DISCOVERED_EXTENSIONS;
const SOURCE = new RegExp(`(?:\\.(?:${DISCOVERED_EXTENSIONS.join('|')})|^\\.env(?:\\.[\\w.-]+)?)$`, 'i');
export function isScanned(relative) {
  const name = relative.split('/').pop();
  return SOURCE.test(name) && !ALWAYS_IGNORED_FILES.has(name);
}
/** What jscodeshift is given: the JS/TS files its transform parses. */
export const JS_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];

function sh(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

function stamp(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Installs the pinned packages on first use (or when bench/corpus/ changed). */
function install() {
  const lock = path.join(ROOT, 'bench/corpus/package-lock.json');
  const manifest = path.join(ROOT, 'bench/corpus/package.json');
  const wanted = stamp([manifest, lock]);
  const marker = path.join(INSTALL, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return false;
  console.error(`bench: installing the corpus (${Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).dependencies).length} pinned packages) into ${path.relative(ROOT, INSTALL)}/ ...`);
  rmSync(INSTALL, { recursive: true, force: true });
  mkdirSync(INSTALL, { recursive: true });
  copyFileSync(manifest, path.join(INSTALL, 'package.json'));
  copyFileSync(lock, path.join(INSTALL, 'package-lock.json'));
  sh('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], INSTALL);
  writeFileSync(marker, wanted);
  return true;
}

/** Every regular file under `dir`, relative, sorted; symbolic links (npm's .bin) left out. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

/** Nested `node_modules` are renamed so that every tool (ours skips node_modules) reads the same files. */
function corpusName(relative) {
  return relative.split('/').map((part) => (part === 'node_modules' ? '_node_modules' : part)).join('/');
}

function link(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  linkSync(from, to);
}

/** The planted legacy files: every positive fixture input (its output differs) and the sample app. */
export function plantedFiles() {
  const planted = [];
  const transforms = path.join(ROOT, 'fixtures/transforms');
  for (const shape of readdirSync(transforms).sort()) {
    for (const name of readdirSync(path.join(transforms, shape)).sort()) {
      const match = /^(.*)\.input\.(\w+)$/.exec(name);
      if (!match) continue;
      const input = path.join(transforms, shape, name);
      const output = path.join(transforms, shape, `${match[1]}.output.${match[2]}`);
      if (existsSync(output) && !readFileSync(input).equals(readFileSync(output))) planted.push({ from: input, to: `planted/${shape}/${name}` });
    }
  }
  const app = path.join(ROOT, 'fixtures/legacy-crm-app');
  for (const relative of listFiles(app)) {
    if (!/\.(?:js|jsx|mjs|cjs|ts|tsx|mts|cts)$/.test(relative)) continue;
    // The sample app's modules that build requests or handle the ticket. server.js only wires
    // them together, and config/settings.js only reads process.env.ZOHO_API_KEY: nothing in
    // either is a finding of `check` by itself.
    if (relative === 'config/settings.js' || !/apikey|ticket/i.test(readFileSync(path.join(app, relative), 'utf8'))) continue;
    planted.push({ from: path.join(app, relative), to: `planted/legacy-crm-app/${relative}` });
  }
  return planted;
}

/**
 * A tree of hard links. Not a git work tree: the tools run with GIT_CEILING_DIRECTORIES set to
 * TREES (bench/run.mjs), so git finds no repository around it (this one ignores .bench-cache/)
 * and check walks it. With `isGitRepo`, the tree is a fresh repository with every file added,
 * not committed: check lists it with git's own file list instead.
 */
function buildTree(name, packageFiles, planted, folder = 'packages', { isGitRepo = false } = {}) {
  const tree = path.join(TREES, name);
  rmSync(tree, { recursive: true, force: true });
  const modules = path.join(INSTALL, 'node_modules');
  for (const relative of packageFiles) link(path.join(modules, relative), path.join(tree, folder, corpusName(relative)));
  for (const plant of planted) {
    mkdirSync(path.dirname(path.join(tree, plant.to)), { recursive: true });
    copyFileSync(plant.from, path.join(tree, plant.to));
  }
  if (isGitRepo) {
    sh('git', ['init', '-q'], tree);
    // Added, not committed: the index holds every file, as in a repository checked out for CI.
    // safecrlf off: packages' own .gitattributes (text=auto) would print a warning per CRLF file.
    sh('git', ['-c', 'core.safecrlf=false', 'add', '-A'], tree);
  }
  return tree;
}

/**
 * The trees: `full` (every installed file), `half` and `quarter` (every 2nd / 4th source file,
 * other files kept, so each slice spans every package), and `no-candidates` (the source files the
 * prefilter rejects: a repository without legacy code). Rebuilt only when the install changed.
 */
export async function prepareCorpus() {
  const isFresh = install();
  const marker = path.join(TREES, '.built');
  const planted = plantedFiles();
  const wanted = `${readFileSync(path.join(INSTALL, '.installed'), 'utf8')}:${stamp(planted.map((plant) => plant.from))}:${EXTENSIONS.join(',')}:app:walk+git`;
  if (!isFresh && existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return treesOf(planted);
  console.error('bench: building the benchmark trees (hard links) ...');
  const all = listFiles(path.join(INSTALL, 'node_modules')).filter((relative) => !relative.startsWith('.bin/') && !relative.startsWith('.package-lock'));
  const sources = all.filter(isScanned);
  const others = all.filter((relative) => !isScanned(relative));
  const slice = (every) => [...others, ...sources.filter((_, index) => index % every === 0)];
  buildTree('full', all, planted);
  buildTree('full-git', all, planted, 'packages', { isGitRepo: true });
  buildTree('half', slice(2), planted);
  buildTree('quarter', slice(4), planted);
  const { isCandidateBytes } = await import(path.join(ROOT, 'dist/src/runner/prefilter.js'));
  const quiet = sources.filter((relative) => !isCandidateBytes(readFileSync(path.join(INSTALL, 'node_modules', relative))));
  buildTree('no-candidates', quiet, []);
  // An application as users have them: rxjs's sources and builds (~2,300 files) as its own code,
  // with the legacy modules among them; and the legacy modules alone.
  buildTree('app', all.filter((relative) => relative.startsWith('rxjs/')), planted, 'src');
  buildTree('legacy', [], planted);
  writeFileSync(marker, wanted);
  return treesOf(planted);
}

/** Source files and their bytes under a tree, counted the way the tools see them. */
export function measureTree(tree) {
  let files = 0;
  let bytes = 0;
  for (const relative of listFiles(tree)) {
    if (relative.startsWith('.git/') || !isScanned(relative)) continue;
    files++;
    bytes += statSync(path.join(tree, relative)).size;
  }
  return { files, bytes };
}

function treesOf(planted) {
  const tree = (name) => path.join(TREES, name);
  return { quarter: tree('quarter'), half: tree('half'), full: tree('full'), fullGit: tree('full-git'), noCandidates: tree('no-candidates'), app: tree('app'), legacy: tree('legacy'), planted: planted.map((plant) => plant.to) };
}
