import { stat } from 'node:fs/promises';
import path from 'node:path';
import { globby } from 'globby';
import { EMBEDDED_EXTENSIONS } from '../core/embedded/index.js';
import { POLYGLOT_DOTFILE_GLOBS, POLYGLOT_EXTENSIONS, polyglotLanguageOf } from '../core/polyglot/index.js';

/** Files the JavaScript analysis reads: JS, TS, JSX/TSX, ESM and CommonJS spellings. */
export const SOURCE_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;

/** Every extension discovered: JS/TS, scripts in Vue/Svelte/HTML, other languages and config files (report only). */
const DISCOVERED_EXTENSIONS: readonly string[] = [...SOURCE_EXTENSIONS, ...EMBEDDED_EXTENSIONS, ...POLYGLOT_EXTENSIONS];

/** Always skipped, whatever the ignore files say: dependencies, VCS internals, and npm's lock files (generated JSON). */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/package-lock.json', '**/npm-shrinkwrap.json'];

export interface DiscoverOptions {
  cwd: string;
  ignore?: readonly string[];
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
}

function toGlobPath(p: string): string {
  return p.split(path.sep).join('/');
}

function hasSourceExtension(file: string): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  return DISCOVERED_EXTENSIONS.includes(ext) || polyglotLanguageOf(path.basename(file)) !== undefined;
}

/**
 * Expands the paths given (files or folders) into the source files to analyse, honouring every
 * `.gitignore` and the extra ignore globs. A file named explicitly is analysed even when ignored.
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const missing: string[] = [];
  const explicitFiles: string[] = [];
  const patterns: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(options.cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) missing.push(given);
    else if (info.isDirectory()) {
      const relative = toGlobPath(path.relative(options.cwd, absolute)) || '.';
      const base = relative === '.' ? '' : `${relative.replace(/[*?[\]{}()!]/g, '\\$&')}/`;
      patterns.push(`${base}**/*.{${DISCOVERED_EXTENSIONS.join(',')}}`, ...POLYGLOT_DOTFILE_GLOBS.map((glob) => `${base}**/${glob}`));
    } else if (hasSourceExtension(absolute)) explicitFiles.push(absolute);
  }
  const found =
    patterns.length > 0
      ? await globby(patterns, {
          cwd: options.cwd,
          absolute: true,
          gitignore: true,
          dot: true,
          followSymbolicLinks: false,
          ignore: [...ALWAYS_IGNORED, ...(options.ignore ?? [])],
        })
      : [];
  const files = [...new Set([...found.map((file) => path.normalize(file)), ...explicitFiles])].sort();
  return { files, missing };
}
