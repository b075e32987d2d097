import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeSource } from '../core/analyze.js';
import type { CoreOptions } from '../core/options.js';
import type { RemovalMode } from '../core/removal/candidate.js';
import { removeTicketCodeInProject, type FileRemovalResult, type ProjectFile } from '../core/removal/remove-project.js';
import type { KeptCode } from '../core/removal/plan-removal.js';
import { LineIndex } from '../core/source/line-index.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { projectIndexFor } from '../project/index.js';
import { toReported } from './analyze-file.js';
import { packageEntryChecker, packageRootOf } from './package-entries.js';
import type { FileOutcome, FileTask } from './process-file.js';
import type { ReadLimits, TextEncoding } from './read-source.js';
import type { ReportedFinding } from '../run-result.js';

const SCRIPT_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
/** What ticket code, or a module that holds its credentials, spells. */
const TICKET_TEXT = /ticket|LOGIN_ID|FROM_AGENT|4834|api_?key/i;

export interface RemovalPhaseOptions {
  mode: RemovalMode;
  cwd: string;
  /** The scanned paths (relative to cwd): a package they do not cover whole may have importers elsewhere. */
  paths: readonly string[];
  core: CoreOptions;
  limits: ReadLimits;
}

interface Entry {
  task: FileTask;
  outcome: FileOutcome;
  /** The text on disk, and the text migrate's rewrite made of it. */
  original: string;
  text: string;
  mode: number;
  /** How the file's bytes are written back (readText reads UTF-8 only: a Latin-1 file comes from a rewrite's write). */
  encoding: TextEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A module's text whatever the prefilter thought of it (an importer of the session module need
 * not mention Zoho); undefined for what the analysis would not read either.
 */
function readText(absolute: string, limits: ReadLimits): { text: string; mode: number } | undefined {
  try {
    const stat = statSync(absolute);
    if (!stat.isFile() || stat.size > limits.maxBytes) return undefined;
    return { text: utf8.decode(readFileSync(absolute)), mode: stat.mode };
  } catch {
    return undefined;
  }
}

function baseNameOf(file: string): string {
  const base = path.posix.basename(file).replace(SCRIPT_FILE, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}

/** Could `text` import `file` (its name in a string)? A cheap test before anything is parsed. */
function mayImport(text: string, names: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(/['"`]([^'"`\n]{1,200})['"`]/g)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@') && !specifier.startsWith('~')) continue;
    if (names.has(baseNameOf(specifier))) return true;
  }
  return false;
}

/**
 * `--remove-ticket-code`, after every file was analysed: the modules with ticket code, those they
 * import and those that import them are handed to the core's project removal (texts in memory),
 * and each changed file gets a new output, diff and remaining findings. Reads files; writes none.
 */
export function removeTicketCode(outcomes: ReadonlyArray<{ task: FileTask; outcome: FileOutcome }>, discovered: readonly string[], options: RemovalPhaseOptions): Array<{ task: FileTask; outcome: FileOutcome }> {
  const byAbsolute = new Map(outcomes.map((item) => [item.task.absolute, item]));
  const entries = new Map<string, Entry>();
  const load = (absolute: string): Entry | undefined => {
    const known = entries.get(absolute);
    if (known) return known;
    if (!SCRIPT_FILE.test(absolute) || DECLARATION_FILE.test(absolute)) return undefined;
    const item = byAbsolute.get(absolute);
    if (!item || item.outcome.result.status === 'error' || item.outcome.result.status === 'skipped') return undefined;
    let entry: Entry;
    if (item.outcome.write) entry = { ...item, original: item.outcome.write.original, text: item.outcome.write.output, mode: item.outcome.write.mode, encoding: item.outcome.write.encoding };
    else {
      const read = readText(absolute, options.limits);
      if (!read) return undefined;
      entry = { ...item, original: read.text, text: read.text, mode: read.mode, encoding: 'utf8' };
    }
    entries.set(absolute, entry);
    return entry;
  };

  // The modules with ticket code or credentials, then what imports them and what they import.
  const seeds = discovered.filter((absolute) => {
    const item = byAbsolute.get(absolute);
    return item !== undefined && (item.outcome.write !== undefined || item.outcome.result.remaining.length > 0);
  });
  for (const absolute of seeds) {
    const entry = load(absolute);
    if (entry && !TICKET_TEXT.test(entry.text) && entry.outcome.write === undefined) entries.delete(absolute);
  }
  const index = projectIndexFor(options.cwd);
  const resolveAbsolute = (from: string, specifier: string) => index.resolvePath(from, specifier);
  const addNeighbours = (direction: 'imports' | 'importers') => {
    const names = new Set([...entries.values()].map((entry) => baseNameOf(entry.task.file)));
    const current = [...entries.values()];
    if (direction === 'imports') {
      for (const entry of current) {
        for (const match of entry.text.matchAll(/(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
          const target = resolveAbsolute(entry.task.absolute, match[1]!);
          if (target !== undefined) load(target);
        }
      }
      return;
    }
    for (const absolute of discovered) {
      if (entries.has(absolute) || !SCRIPT_FILE.test(absolute)) continue;
      const item = byAbsolute.get(absolute);
      const text = item?.outcome.write?.output ?? readText(absolute, options.limits)?.text;
      if (text !== undefined && mayImport(text, names)) load(absolute);
    }
  };
  addNeighbours('imports');
  addNeighbours('importers');
  if (entries.size === 0) return [...outcomes];

  const byName = new Map([...entries.values()].map((entry) => [entry.task.file, entry]));
  const nameOf = new Map([...entries.values()].map((entry) => [entry.task.absolute, entry.task.file]));
  const isEntry = packageEntryChecker();
  const scanned = (options.paths.length > 0 ? options.paths : ['.']).map((given) => path.resolve(options.cwd, given));
  const resolver = () => ({ moduleResolver: index.resolverFor() });
  const files: ProjectFile[] = [...entries.values()].map((entry) => ({ name: entry.task.file, text: entry.text, removedCredentials: entry.outcome.removedCredentials ?? [] }));
  const results = removeTicketCodeInProject(files, {
    ...options.core,
    ...resolver(),
    mode: options.mode,
    resolve: (from, specifier) => {
      const target = resolveAbsolute(byName.get(from)!.task.absolute, specifier);
      return target === undefined ? undefined : nameOf.get(target);
    },
    isPublicModule: (name) => {
      const absolute = byName.get(name)!.task.absolute;
      const root = packageRootOf(absolute) ?? options.cwd;
      const isPackageScanned = scanned.some((dir) => root === dir || root.startsWith(dir + path.sep));
      return isEntry(absolute) || !isPackageScanned;
    },
  });

  return outcomes.map((item) => {
    const entry = entries.get(item.task.absolute);
    const removal = entry ? results.get(entry.task.file) : undefined;
    return entry && removal ? { task: item.task, outcome: withRemoval(entry, removal, options, resolver) } : item;
  });
}

function withKeptReasons(findings: ReportedFinding[], kept: readonly KeptCode[], lines: LineIndex): ReportedFinding[] {
  const flagged = kept.filter((code) => code.isFlagged);
  if (flagged.length === 0) return findings;
  return findings.map((finding) => {
    const code = flagged.find((item) => lines.position(item.range.start).line === finding.line && lines.position(item.range.end).line === finding.endLine);
    return code ? { ...finding, message: `${finding.message} (not removed: ${code.reason})` } : finding;
  });
}

function withRemoval(entry: Entry, removal: FileRemovalResult, options: RemovalPhaseOptions, resolver: () => object): FileOutcome {
  const { result } = entry.outcome;
  const file = entry.task.file;
  const finalText = removal.text;
  const analysis = analyzeSource(finalText, { ...options.core, ...resolver(), filePath: file, removedCredentials: removal.removedCredentials });
  const secrets = [...new Set([...result.secrets, ...analysis.secrets])];
  const lines = new LineIndex(finalText);
  const remaining = withKeptReasons(analysis.findings.map((finding) => toReported(finding, file, secrets)), removal.kept, lines);
  const migratedLines = new LineIndex(entry.text);
  const removedTicketCode = removal.removed
    .map((code) => ({ line: migratedLines.position(code.start).line, endLine: migratedLines.position(code.end).line, what: code.what, reason: code.reason }))
    .sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  const isWritten = finalText !== entry.original;
  return {
    result: {
      ...result,
      status: isWritten ? 'changed' : result.status,
      remaining: result.status === 'error' ? result.remaining : remaining,
      secrets,
      ...(isWritten ? { diff: unifiedDiff(file, entry.original, finalText, secrets) } : {}),
      ...(removedTicketCode.length > 0 ? { removedTicketCode } : {}),
    },
    ...(isWritten ? { write: { output: finalText, original: entry.original, mode: entry.mode, encoding: entry.encoding } } : {}),
  };
}
