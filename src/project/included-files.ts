import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Reads a file another one includes, for the PHP/Python/Ruby constants it defines. */
export type IncludedFileReader = (fromFile: string, relative: string) => string | undefined;

const MAX_BYTES = 1024 * 1024;

/**
 * `require_once 'config.php'`, `require_relative 'config'`, `from config import BASE`: the file
 * next to the includer, read only when it lies inside the project (never above its root, never
 * node_modules) and is small. Read-only; undefined when it cannot be read.
 */
export function includedFileReader(projectRoot: string, onRead?: (absolute: string, isFound: boolean) => void): IncludedFileReader {
  const root = path.resolve(projectRoot);
  return (fromFile, relative) => {
    const target = path.resolve(root, path.dirname(fromFile), relative);
    if (!target.startsWith(root + path.sep) || target.split(path.sep).includes('node_modules')) return undefined;
    // The result cache re-analyses the includer when an included file changes or appears.
    try {
      if (statSync(target).size > MAX_BYTES) return undefined;
      const text = readFileSync(target, 'utf8');
      onRead?.(target, true);
      return text;
    } catch {
      onRead?.(target, false);
      return undefined;
    }
  };
}
