import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';
import { lazyModule } from './lazy-module.js';

// Both are CommonJS: loaded with `require`, Node skips scanning their source for named exports
// (cjs-module-lexer), which an ESM `import` of the 500 KB parser costs every worker thread.
const babelParser = lazyModule<typeof import('@babel/parser')>('@babel/parser');
const jscodeshiftTsOptions = lazyModule<ParserOptions>('jscodeshift/parser/tsOptions.js')();

/**
 * The parser options jscodeshift itself uses for TypeScript (jscodeshift/parser/tsOptions.js), so a
 * file parses here exactly when it parses under `jscodeshift --parser ts|tsx`. Tokens are not
 * needed: edits are computed from node offsets, never by reprinting.
 */
const sharedPlugins = (jscodeshiftTsOptions.plugins ?? []).filter((plugin) => plugin !== 'typescript');

export type ParserName = 'ts' | 'tsx' | 'babel' | 'flow';

const PLUGINS: Record<ParserName, ParserPlugin[]> = {
  ts: [...sharedPlugins, 'typescript'],
  tsx: ['jsx', ...sharedPlugins, 'typescript'],
  babel: ['jsx', ...sharedPlugins],
  // jscodeshift's `babylon` parser: Flow everywhere, for files that opt in with @flow.
  flow: ['jsx', ['flow', { all: true }], 'flowComments', ...sharedPlugins],
};

/** The comments before the first token: where Flow looks for its `@flow` pragma. */
function leadingComments(source: string): string {
  const head = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#![^\n]*)*/.exec(source.slice(0, 8192));
  return head?.[0] ?? '';
}

export function chooseParser(filePath: string, source: string): ParserName {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'ts';
  return /@flow\b/.test(leadingComments(source)) ? 'flow' : 'babel';
}

export interface ParseFailure {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  offset: number;
}

export type ParseOutcome = { ok: true; ast: File; parser: ParserName } | { ok: false; error: ParseFailure; parser: ParserName };

function parseWith(source: string, parser: ParserName, sourceType: 'module' | 'script'): File {
  return babelParser().parse(source, {
    sourceType,
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    plugins: PLUGINS[parser],
  });
}

/**
 * Parses with the parser that fits the file. A leading BOM must already be stripped by the
 * caller (offsets are shifted there). CommonJS files that are not valid in strict mode (legacy
 * octal escapes, `with`) get a second chance as scripts.
 */
export function parseSource(source: string, filePath: string): ParseOutcome {
  const parser = chooseParser(filePath, source);
  try {
    return { ok: true, ast: parseWith(source, parser, 'module'), parser };
  } catch (moduleError) {
    if (!/\.(m?ts|tsx|mjs)$/i.test(filePath)) {
      try {
        return { ok: true, ast: parseWith(source, parser, 'script'), parser };
      } catch {
        // Report the module-mode error: it is the one a modern toolchain shows.
      }
    }
    return { ok: false, error: toParseFailure(moduleError), parser };
  }
}

function toParseFailure(error: unknown): ParseFailure {
  const err = error as { message?: string; loc?: { line: number; column: number }; pos?: number };
  const message = String(err.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return {
    message,
    line: err.loc?.line ?? 1,
    column: (err.loc?.column ?? 0) + 1,
    offset: err.pos ?? 0,
  };
}
