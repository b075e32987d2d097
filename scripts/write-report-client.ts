/**
 * `npm run client-script`: writes src/reporters/report/client/<name>-js.ts from each
 * client/<name>.js (scripts/report-client-modules.ts says why). npm runs it at the package root.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedModules } from './report-client-modules.js';

const clientDir = path.resolve('src/reporters/report/client');
if (!existsSync(clientDir)) throw new Error(`${clientDir} does not exist: run this through npm run client-script at the package root`);
const modules = generatedModules(clientDir);
for (const [file, text] of modules) writeFileSync(path.join(clientDir, file), text);
// A client file that is gone takes its module with it.
for (const file of readdirSync(clientDir).filter((name) => name.endsWith('-js.ts') && !modules.has(name))) rmSync(path.join(clientDir, file));
process.stdout.write(`wrote ${[...modules.keys()].map((file) => `src/reporters/report/client/${file}`).join(', ')}\n`);
