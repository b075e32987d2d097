import { enableCompileCache } from '../compile-cache.js';

// A worker thread's entry: the compile cache first (workers do not inherit it), then the loop,
// one bundled file in the package (see package.json "build").
enableCompileCache();
await import('./analysis-worker-loop.js');
