import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every string in package.json's `exports` (conditions and subpaths alike). */
function exportTargets(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) exportTargets(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) exportTargets(item, into);
}

const STRIP_EXTENSION = /\.[cm]?[jt]sx?$/i;

/**
 * Is the file a package entry point (package.json `main`, `module`, `browser`, `bin`, `exports`,
 * or `index.js` when there is no `main`)? Its exports are the package's public API, used by code
 * outside any scanned tree. Compared without extensions, so `dist/index.js` names `src`'s twin
 * only when it is the same path.
 */
/** The folder of the nearest package.json above a file, or undefined. */
export function packageRootOf(absolute: string): string | undefined {
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function packageEntryChecker(): (absolute: string) => boolean {
  const entriesByPackage = new Map<string, Set<string>>();
  const entriesOf = (dir: string): Set<string> => {
    let entries = entriesByPackage.get(dir);
    if (entries) return entries;
    entries = new Set();
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      const targets: string[] = [];
      for (const key of ['main', 'module', 'browser']) if (typeof manifest[key] === 'string') targets.push(manifest[key] as string);
      if (manifest.main === undefined) targets.push('index.js');
      exportTargets(manifest.bin, targets);
      exportTargets(manifest.exports, targets);
      for (const target of targets) entries.add(path.resolve(dir, target).replace(STRIP_EXTENSION, ''));
    } catch {
      // An unreadable or invalid package.json names no entry.
    }
    entriesByPackage.set(dir, entries);
    return entries;
  };
  return (absolute) => {
    const dir = packageRootOf(absolute);
    if (dir === undefined) return false;
    const bare = absolute.replace(STRIP_EXTENSION, '');
    const entries = entriesOf(dir);
    return entries.has(bare) || entries.has(path.join(bare, 'index'));
  };
}
