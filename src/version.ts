import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Built code sits two folders below package.json (dist/src); the sources, run by vitest, one (src). */
const isBuilt = /[\\/]dist[\\/]src[\\/][^\\/]*$/.test(new URL(import.meta.url).pathname);

/** The package's own name and version, read from package.json. */
export const TOOL = require(isBuilt ? '../../package.json' : '../package.json') as { name: string; version: string };
