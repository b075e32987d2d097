import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Always skipped, whatever the ignore files say: dependencies and VCS internals. */
export const ALWAYS_IGNORED_NAMES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** The `.gitignore` of one folder, with the folder its patterns are relative to. */
export interface GitignoreLevel {
  base: string;
  rules: Ignore;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The `.gitignore` in `dir`, if there is one that can be read. */
export function readGitignore(dir: string): GitignoreLevel | undefined {
  try {
    return { base: dir, rules: ignore({ allowRelativePaths: true }).add(readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * The `.gitignore` files above a scanned folder, from its work tree's root down to its parent,
 * as git applies them (and as globby's `gitignore` option did). Outside a work tree: none.
 */
export function parentGitignores(folder: string): GitignoreLevel[] {
  if (existsSync(path.join(folder, '.git'))) return [];
  const ancestors: string[] = [];
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (existsSync(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return [];
  }
  return ancestors.map(readGitignore).filter((level): level is GitignoreLevel => level !== undefined);
}

/**
 * Is `absolute` ignored by the `.gitignore` levels that apply to it? The deepest level that has
 * an opinion wins (a nested `!pattern` re-includes), as in git.
 */
export function isGitignored(absolute: string, isDirectory: boolean, levels: readonly GitignoreLevel[]): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    const relative = toPosix(path.relative(level.base, absolute));
    const verdict = level.rules.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** `--ignore` globs, matched against the path relative to the working directory (fast-glob's `ignore` semantics). */
export function userIgnoreMatcher(globs: readonly string[], cwd: string): (absolute: string, isDirectory: boolean) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (absolute, isDirectory) => {
    const relative = toPosix(path.relative(cwd, absolute));
    return matches(relative) || (isDirectory && matches(`${relative}/`));
  };
}
