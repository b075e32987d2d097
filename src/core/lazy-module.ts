import { createRequire } from 'node:module';

/**
 * A dependency loaded on first use, synchronously. The container parsers (Vue, Svelte, parse5)
 * and the TypeScript compiler cost a second or more to load; a worker that never sees such a file
 * never pays for them. `import.meta.url` is defined in the CommonJS transform bundle too (esbuild
 * `--define`, see package.json), so the same code loads them under jscodeshift.
 */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(specifier) as T);
}
