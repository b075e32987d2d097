import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
// The light table, not the parsers: discovery runs before anything needs them.
import { fileTypeOf } from '../core/file-types.js';
import { workTreeStatus } from './git.js';
import { foundFiles } from './found-files.js';
import { streamGitFiles, type GitListEntry } from './git-files.js';
import { describeIoError } from '../io-error.js';
import { ALWAYS_IGNORED_NAMES, isGitignored, parentGitignores, readGitignore, userIgnoreMatcher, type GitignoreLevel } from './ignore-rules.js';

/** Every extension discovered: JS/TS, scripts in markup, other languages and config files (report only). From the one table, src/core/file-types.ts. */
export { DISCOVERED_EXTENSIONS } from '../core/file-types.js';

/** npm's lock files: generated JSON, never anyone's code or settings. */
export const ALWAYS_IGNORED_FILES: ReadonlySet<string> = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

export interface DiscoverOptions {
  cwd: string;
  ignore?: readonly string[];
  /**
   * Called once for each file as the walk finds it, so its analysis can start before the walk ends;
   * `object` is git's blob id of a tracked file git found unmodified (the result cache's key),
   * null for one git found modified.
   */
  onFile?: (absolute: string, object?: string | null) => void;
}

/** Something found while walking that is reported, once, instead of analysed. */
export interface DiscoveryProblem {
  absolute: string;
  status: 'error' | 'skipped';
  reason: string;
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
  /** Unreadable folders, symbolic links that lead outside or in circles, FIFOs and sockets. */
  problems: DiscoveryProblem[];
  /**
   * The folders where git listed a `.gitattributes` file: its attributes may convert line endings
   * or run filters there and below, so a blob id may stand for other bytes than the file's (the
   * result cache checks those files by their stamp).
   */
  gitAttributesFolders?: string[];
}

/** A file the analysis reads, by its name: a discovered extension, or a dotenv file (`.env`, `.env.local`). */
function hasSourceExtension(file: string): boolean {
  // The lock files end in .json: the name is cut out for those alone (every file of a tree comes here).
  if (file.endsWith('.json') && ALWAYS_IGNORED_FILES.has(path.basename(file))) return false;
  return fileTypeOf(file) !== undefined;
}

function isInside(folder: string, candidate: string): boolean {
  return candidate === folder || candidate.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

interface Root {
  /** As given (resolved against the working directory): names are reported under it. */
  logical: string;
  /** With every symbolic link resolved: what "inside the scanned folder" is checked against. */
  real: string;
}

/**
 * Expands the paths given (files or folders) into the source files to analyse. A folder inside a
 * git work tree is listed by git itself (`git ls-files`, see git-files.ts): tracked files are
 * always scanned, even when an ignore pattern matches them (they ship), and every ignore source
 * git honours (nested `.gitignore`, `.git/info/exclude`, `core.excludesFile`) is honoured exactly
 * as git does; submodules and nested repositories are reported, not entered. Outside a work tree
 * (or when git cannot list it) one walk honours every `.gitignore` as it goes. Both honour the
 * `--ignore` globs and never enter `node_modules` or `.git`. A file named explicitly is analysed
 * even when ignored.
 *
 * Symbolic links are followed only inside the scanned folders, and their target is analysed
 * once, under its real name (so migrate writes the file, not over the link). A link that leads
 * outside, dangles, or loops is reported; a folder that cannot be read is an error, and the walk
 * goes on (a glob library with `gitignore` support reads the tree twice and fails the whole run
 * on one unreadable folder).
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const missing: string[] = [];
  const problems: DiscoveryProblem[] = [];
  const files = foundFiles(options.onFile);
  // Symbolic links met in a folder, followed once the folder is done (found-files.ts).
  const links: Array<[link: string, folderReal: string]> = [];
  const followLinks = () => {
    if (links.length === 0) return;
    files.expectRepeats();
    for (const [link, folderReal] of links.splice(0)) followLink(link, folderReal);
  };
  const roots: Root[] = [];
  const gitAttributesFolders: string[] = [];
  const isUserIgnored = userIgnoreMatcher(options.ignore ?? [], options.cwd);

  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(options.cwd, given);
    let info;
    try {
      info = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const isLink = lstatSafe(absolute)?.isSymbolicLink() ?? false;
      if (code === 'ENOENT' && !isLink) missing.push(given);
      else problems.push(linkOrIoProblem(absolute, error, isLink));
      continue;
    }
    if (info.isDirectory()) roots.push({ logical: absolute, real: realpathSync(absolute) });
    else if (!info.isFile()) problems.push({ absolute, status: 'skipped', reason: 'not a regular file' });
    // A file named through a link is the link's target: migrate must write the file, not replace the link.
    else if (hasSourceExtension(absolute)) files.add(lstatSafe(absolute)?.isSymbolicLink() ? realpathSync(absolute) : absolute);
  }

  const logicalOf = (real: string): string | undefined => {
    const root = roots.find((candidate) => isInside(candidate.real, real));
    return root && path.join(root.logical, path.relative(root.real, real));
  };

  const followLink = (link: string, folderReal: string) => {
    let real: string;
    let info;
    try {
      real = realpathSync(link);
      info = statSync(real);
    } catch (error) {
      if (hasSourceExtension(link) || (error as NodeJS.ErrnoException).code === 'ELOOP') problems.push(linkOrIoProblem(link, error, true));
      return;
    }
    const target = logicalOf(real);
    if (info.isDirectory()) {
      if (target === undefined) problems.push({ absolute: link, status: 'skipped', reason: `symbolic link to a folder outside the scanned paths (${real})` });
      else if (isInside(real, folderReal)) problems.push({ absolute: link, status: 'skipped', reason: 'symbolic link loop: it points to a folder that contains it' });
      // Otherwise the target is inside a scanned folder: its files are found at their real place.
      return;
    }
    if (!hasSourceExtension(link) && !hasSourceExtension(real)) return;
    if (target === undefined) problems.push({ absolute: link, status: 'skipped', reason: `symbolic link to a file outside the scanned paths (${real})` });
    else if (info.isFile()) files.add(target);
    else problems.push({ absolute: link, status: 'skipped', reason: 'not a regular file' });
  };

  let foldersRead = 0;
  const walk = async (folder: string, folderReal: string, levels: readonly GitignoreLevel[]): Promise<void> => {
    // Sync reads are the fastest walk, but the event loop must turn now and then: the worker
    // pool's answers arrive there, and the walk should overlap the analysis, not precede it.
    if (++foldersRead % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ absolute: folder, status: 'error', reason: `cannot read folder: ${describeIoError(error)}` });
      return;
    }
    const own = entries.some((entry) => entry.name === '.gitignore') ? readGitignore(folder) : undefined;
    const here = own ? [...levels, own] : levels;
    // Joined by hand: both sides are already normal, and path.join normalises again for each of 45,000 entries.
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    const realPrefix = folderReal.endsWith(path.sep) ? folderReal : folderReal + path.sep;
    for (const entry of entries) {
      if (entry.isFile() && !hasSourceExtension(entry.name)) continue;
      const full = prefix + entry.name;
      if (entry.isDirectory()) {
        if (ALWAYS_IGNORED_NAMES.has(entry.name) || isUserIgnored(full, true) || isGitignored(full, true, here)) continue;
        await walk(full, realPrefix + entry.name, here);
      } else if (entry.isFile()) {
        if (!isUserIgnored(full, false) && !isGitignored(full, false, here)) files.addInFolder(full);
      } else if (entry.isSymbolicLink()) {
        if (ALWAYS_IGNORED_NAMES.has(entry.name) || isUserIgnored(full, false) || isGitignored(full, false, here)) continue;
        links.push([full, folderReal]);
      } else if (hasSourceExtension(entry.name) && !isUserIgnored(full, false) && !isGitignored(full, false, here)) {
        // A FIFO, socket or device named like a source file: opening it could block or never end.
        problems.push({ absolute: full, status: 'skipped', reason: 'not a regular file' });
      }
    }
  };

  const listWithGit = async (root: Root): Promise<void> => {
    const prefix = root.logical.endsWith(path.sep) ? root.logical : root.logical + path.sep;
    const isFolderUserIgnored = (options.ignore ?? []).length > 0 ? userIgnoredFolders(isUserIgnored, root.logical) : undefined;
    let listed = 0;
    // A path in a merge conflict comes once per stage, one after another.
    let previous: string | undefined;
    await streamGitFiles(root.logical, (entry: GitListEntry) => {
      const isFolder = entry.relative.endsWith('/');
      const relative = isFolder ? entry.relative.slice(0, -1) : entry.relative;
      const full = prefix + (path.sep === '/' ? relative : relative.split('/').join(path.sep));
      if (hasAlwaysIgnoredSegment(relative)) return;
      if (relative === '.gitattributes' || relative.endsWith('/.gitattributes')) gitAttributesFolders.push(path.dirname(full));
      if (isFolderUserIgnored?.(path.dirname(full))) return;
      const isSubmodule = entry.mode === '160000';
      if (isFolder || isSubmodule) {
        if (isUserIgnored(full, true)) return;
        // Its files belong to another repository, which git does not list from here.
        const what = isSubmodule ? 'git submodule' : 'nested git repository';
        problems.push({ absolute: full, status: 'skipped', reason: `${what}: not scanned from here; run the command inside it to check its files` });
        return;
      }
      if (!hasSourceExtension(relative) || isUserIgnored(full, false)) return;
      // A tracked file is what the index says (git has left out those deleted from the work tree;
      // the read reports anything stranger); an untracked one, a link maybe, is looked at on disk.
      const isOnlyOnDisk = entry.mode === undefined || entry.mode === '120000';
      if (!isOnlyOnDisk) {
        if (relative !== previous) files.addInFolder(full, entry.object);
        previous = relative;
      } else {
        const info = lstatSafe(full);
        if (info?.isFile()) files.addInFolder(full);
        else if (info?.isSymbolicLink()) links.push([full, realpathSync(path.dirname(full))]);
        else if (info && !info.isDirectory()) problems.push({ absolute: full, status: 'skipped', reason: 'not a regular file' });
      }
      // The event loop must turn now and then, as in the walk: the pool's answers arrive there.
      if (++listed % 512 === 0) return new Promise<void>((resolve) => setImmediate(resolve));
    });
  };

  for (const [index, root] of roots.entries()) {
    // A folder given after another may be inside it (`. src`).
    if (index > 0) files.expectRepeats();
    const status = await workTreeStatus(root.logical);
    if (status.kind === 'work-tree') {
      try {
        await listWithGit(root);
        followLinks();
        continue;
      } catch {
        // git could not list it (a broken index, a safe.directory refusal): the walk reads it
        // instead, so the folder is never passed unseen; files already listed are not added twice.
        files.expectRepeats();
        links.length = 0;
      }
    }
    // Where git says there is no work tree, no `.gitignore` above applies (git's own view); where
    // git could not say, those up to the nearest `.git` do, as before git listed files.
    await walk(root.logical, root.real, status.kind === 'none' ? [] : parentGitignores(root.real));
    followLinks();
  }
  let sorted: string[] | undefined;
  return {
    // Sorted when first read: a run that took its files from onFile (check) never needs the list.
    get files() {
      return (sorted ??= files.sorted());
    },
    missing,
    problems: dedupeProblems(problems),
    ...(gitAttributesFolders.length > 0 ? { gitAttributesFolders } : {}),
  };
}

/** `node_modules` or `.git` anywhere in a `/`-separated path; the split only for paths that may have one. */
function hasAlwaysIgnoredSegment(relative: string): boolean {
  if (!relative.includes('node_modules') && !relative.includes('.git')) return false;
  return relative.split('/').some((segment) => ALWAYS_IGNORED_NAMES.has(segment));
}

/**
 * `--ignore` globs that name a folder (`vendor`, `build/`) cover everything in it; git lists files,
 * not folders, so each folder's verdict (itself or a folder above, up to `root`) is kept.
 */
function userIgnoredFolders(isUserIgnored: (absolute: string, isDirectory: boolean) => boolean, root: string): (folder: string) => boolean {
  const verdicts = new Map<string, boolean>();
  const isIgnored = (folder: string): boolean => {
    if (folder === root || !isInside(root, folder)) return false;
    let verdict = verdicts.get(folder);
    if (verdict === undefined) {
      verdict = isUserIgnored(folder, true) || isIgnored(path.dirname(folder));
      verdicts.set(folder, verdict);
    }
    return verdict;
  };
  return isIgnored;
}

function lstatSafe(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function linkOrIoProblem(absolute: string, error: unknown, isLink: boolean): DiscoveryProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (isLink && code === 'ENOENT') return { absolute, status: 'skipped', reason: 'dangling symbolic link (its target does not exist)' };
  if (code === 'ELOOP') return { absolute, status: 'skipped', reason: 'symbolic link loop' };
  return { absolute, status: 'error', reason: `cannot read: ${describeIoError(error)}` };
}

/** Overlapping paths (`src src/a`) would walk a folder twice: each problem is reported once. */
function dedupeProblems(problems: readonly DiscoveryProblem[]): DiscoveryProblem[] {
  const seen = new Map<string, DiscoveryProblem>();
  for (const problem of problems) if (!seen.has(problem.absolute)) seen.set(problem.absolute, problem);
  return [...seen.values()];
}
