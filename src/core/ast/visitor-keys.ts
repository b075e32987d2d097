import { lazyModule } from '../lazy-module.js';

// CommonJS: `require` spares Node's scan of its source for named exports (see parse.ts).
const babelTypes = lazyModule<typeof import('@babel/types')>('@babel/types');

/**
 * Babel's child keys per node type, loaded on the first walk rather than when the module is
 * imported: the CLI bundle imports this module on every run, and a run that parses no JavaScript
 * (a cached re-run, `--version`, a tree of PHP only) should not load @babel/types for it.
 */
export function visitorKeys(): Record<string, readonly string[] | undefined> {
  return babelTypes().VISITOR_KEYS;
}
