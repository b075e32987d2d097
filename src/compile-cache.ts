import module from 'node:module';

/**
 * Node >= 22.1 can keep V8's compiled code of every module loaded after this call on disk, so the
 * next run skips parsing and compiling them (the TypeScript compiler's CLI does the same):
 * https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
 * A no-op on Node 20, and a worker thread must call it itself (it does not inherit it).
 */
export function enableCompileCache(): void {
  try {
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A cache folder that cannot be created only costs the speed-up.
  }
}
