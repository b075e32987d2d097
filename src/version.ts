import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Built code sits two folders below package.json (dist/src); the sources, run by vitest, one (src). */
const isBuilt = /[\\/]dist[\\/]src[\\/][^\\/]*$/.test(new URL(import.meta.url).pathname);

/** The folder of this package's package.json: the repository, or node_modules/zoho-authtoken-codemod. */
export const PACKAGE_ROOT = fileURLToPath(new URL(isBuilt ? '../../' : '../', import.meta.url));

/** The package's own name and version, read from package.json. */
export const TOOL = require(isBuilt ? '../../package.json' : '../package.json') as { name: string; version: string };
