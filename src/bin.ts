#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js';

// First, so that the CLI (one bundled file in the package, see package.json "build") is compiled
// from the cache; hence the dynamic import.
enableCompileCache();
await import('./cli-process.js');
