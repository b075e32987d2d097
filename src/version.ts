import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package's own name and version, read from package.json (built code sits two folders down). */
export const TOOL = require('../../package.json') as { name: string; version: string };
