import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectIndex, projectIndexUsage } from '../src/project/index.js';
import { run } from '../src/runner/run.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-index-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('project index', () => {
  // First in this file on purpose: nothing before it may have loaded ts-morph in this worker.
  it('costs nothing on a repository without candidate files', async () => {
    const dir = project({
      'src/a.js': "import { b } from './b.js';\nexport const a = b + 1;\n",
      'src/b.js': 'export const b = 1;\n',
    });
    const result = await run({ command: 'check', paths: [], cwd: dir });
    expect(result.summary.filesScanned).toBe(2);
    expect(projectIndexUsage()).toEqual({ modulesLoaded: 0, resolutions: 0, isTsMorphLoaded: false });
  });

  it('reads only what a candidate file asks for', async () => {
    const dir = project({
      'src/leads.js': "import { CRM } from './config.js';\nexport const url = (k, t) => CRM + '/Leads/getRecords?apikey=' + k + '&ticket=' + t;\n",
      'src/config.js': "export const CRM = 'https://crm.zoho.com/crm/private/json';\n",
      'src/unrelated.js': "import { x } from './other.js';\nexport const y = x;\n",
      'src/other.js': 'export const x = 1;\n',
    });
    const before = projectIndexUsage().modulesLoaded;
    const result = await run({ command: 'check', paths: [], cwd: dir });
    expect(result.files.find((file) => file.file === 'src/leads.js')?.findings[0]?.fixable).toBe(true);
    expect(projectIndexUsage().modulesLoaded - before).toBe(1);
    // Node resolves a JavaScript file's imports: the TypeScript compiler is not even loaded.
    expect(projectIndexUsage().isTsMorphLoaded).toBe(false);
  });

  it("resolves a TypeScript file's relative imports the way TypeScript probes them (./x.js naming x.ts, index files)", () => {
    const dir = project({
      'src/config.ts': "export const CRM = 'https://crm.zoho.com/crm/private/json';\n",
      'src/hosts/index.ts': "export const HOST = 'crm.zoho.eu';\n",
      'src/leads.ts': '',
    });
    const resolver = new ProjectIndex(dir).resolverFor();
    expect(resolver.resolveExport('src/leads.ts', './config.js', 'CRM')).toBe('https://crm.zoho.com/crm/private/json');
    expect(resolver.resolveExport('src/leads.ts', './config', 'CRM')).toBe('https://crm.zoho.com/crm/private/json');
    expect(resolver.resolveExport('src/leads.ts', './hosts', 'HOST')).toBe('crm.zoho.eu');
  });

  it('reads the members of an exported TypeScript enum', () => {
    const dir = project({
      'src/zoho.ts': "export enum ZohoUrl {\n  Crm = 'https://crm.zoho.com/crm/private/json',\n  Port = 443,\n  Next,\n}\n",
      'src/leads.ts': '',
    });
    const resolver = new ProjectIndex(dir).resolverFor();
    expect(resolver.resolveExport('src/leads.ts', './zoho', 'ZohoUrl')).toEqual({ Crm: 'https://crm.zoho.com/crm/private/json', Port: 443, Next: 444 });
  });

  it('lets TypeScript resolve a folder whose package.json names its entry, not the index file beside it', () => {
    const dir = project({
      'src/zoho/package.json': '{ "types": "./entry.ts", "main": "./entry.js" }\n',
      'src/zoho/entry.ts': "export const HOST = 'crm.zoho.eu';\n",
      'src/zoho/index.ts': "export const HOST = 'crm.zoho.com';\n",
      'src/leads.ts': '',
    });
    expect(new ProjectIndex(dir).resolverFor().resolveExport('src/leads.ts', './zoho', 'HOST')).toBe('crm.zoho.eu');
  });

  it('asks TypeScript itself (through ts-morph) when tsconfig.json changes how relative imports resolve', () => {
    const dir = project({
      'tsconfig.json': '{ "compilerOptions": { "moduleSuffixes": [".eu", ""] } }\n',
      'src/config.ts': "export const CRM = 'https://crm.zoho.com/crm/private/json';\n",
      'src/config.eu.ts': "export const CRM = 'https://crm.zoho.eu/crm/private/json';\n",
      'src/leads.ts': '',
    });
    expect(new ProjectIndex(dir).resolverFor().resolveExport('src/leads.ts', './config', 'CRM')).toBe('https://crm.zoho.eu/crm/private/json');
    expect(projectIndexUsage().isTsMorphLoaded).toBe(true);
  });

  const values = project({
    'esm/zoho.js': "export const HOST = 'crm.zoho.com';\nconst PATH = '/crm/private/json';\nexport const BASE = `https://${HOST}${PATH}`;\nexport default BASE + '/Leads';\nexport function f() {}\n",
    'esm/index.js': "export * from './zoho.js';\nexport { BASE as URL, default as LEADS } from './zoho.js';\nexport * as zoho from './zoho.js';\n",
    'esm/week.js': 'const DAY = 24 * 60 * 60 * 1000;\nexport const WEEK = 7 * DAY;\nexport const MARGIN = WEEK - 60 * 60 * 1000;\n',
    'esm/mutable.js': "export let BASE = 'https://crm.zoho.com';\nBASE = 'https://example.com';\n",
    'esm/ambiguous.js': "export * from './a1.js';\nexport * from './a2.js';\n",
    'esm/a1.js': "export const X = 'one';\n",
    'esm/a2.js': "export const X = 'two';\n",
    'esm/cycle-a.js': "import { B } from './cycle-b.js';\nexport const A = B + 'a';\n",
    'esm/cycle-b.js': "import { A } from './cycle-a.js';\nexport const B = A + 'b';\n",
    'esm/from-package.js': "export { BASE } from 'zoho-config';\n",
    'cjs/settings.js': "var XML = '/crm/private/xml';\nmodule.exports = { crm: { base: 'https://crm.zoho.eu' + XML }, port: 3000 };\nmodule.exports.extra = 'x';\n",
    'cjs/props.js': "exports.A = 'a';\nmodule.exports.B = 'b';\nexports.twice = 1;\nexports.twice = 2;\nif (process.env.X) exports.C = 'c';\n",
    'cjs/replaced.js': "exports.lost = 'gone';\nmodule.exports = { kept: 'yes' };\n",
    'cjs/dynamic.js': "module.exports = { A: 'a' };\nmodule.exports[process.env.K] = 'b';\n",
    'cjs/assign.js': "Object.assign(module.exports, { A: 'a', B: 1 + 1 });\n",
    'cjs/string.js': "module.exports = 'https://crm.zoho.com';\n",
    'cjs/data.json': '{ "crmHost": "crm.zoho.in", "list": [1, 2] }\n',
    'cjs/shadowed.js': "function make(module) { module.exports = 'no'; }\nmodule.exports = { A: 'a' };\n",
    'ts/settings.ts': "export const ZOHO = { base: 'https://crm.zoho.com' } as const;\nexport type T = string;\n",
    'ts/legacy.ts': "export = { base: 'https://crm.zoho.jp' };\n",
    'ts/with-dts.d.ts': 'export declare const D: string;\n',
    'ts/with-dts.js': "export const D = 'from js';\n",
    'main.ts': '',
  });
  const main = path.join(values, 'main.ts');

  it.each([
    ['./esm/zoho.js', 'BASE', 'https://crm.zoho.com/crm/private/json'],
    ['./esm/zoho', 'default', 'https://crm.zoho.com/crm/private/json/Leads'],
    ['./esm/zoho.js', 'f', undefined],
    ['./esm/index.js', 'HOST', 'crm.zoho.com'],
    ['./esm', 'URL', 'https://crm.zoho.com/crm/private/json'],
    ['./esm/index.js', 'LEADS', 'https://crm.zoho.com/crm/private/json/Leads'],
    ['./esm/index.js', 'default', undefined],
    ['./esm/week.js', 'WEEK', 604800000],
    ['./esm/week.js', 'MARGIN', 601200000],
    ['./esm/mutable.js', 'BASE', undefined],
    ['./esm/ambiguous.js', 'X', undefined],
    ['./esm/a1.js', 'X', 'one'],
    ['./esm/cycle-a.js', 'A', undefined],
    ['./esm/from-package.js', 'BASE', undefined],
    ['zoho-config', 'BASE', undefined],
    ['./esm/missing.js', 'BASE', undefined],
    ['./cjs/settings', 'extra', 'x'],
    ['./cjs/props.js', 'A', 'a'],
    ['./cjs/props.js', 'B', 'b'],
    ['./cjs/props.js', 'twice', undefined],
    ['./cjs/props.js', 'C', undefined],
    ['./cjs/replaced.js', 'lost', undefined],
    ['./cjs/replaced.js', 'kept', 'yes'],
    ['./cjs/dynamic.js', 'A', undefined],
    ['./cjs/assign.js', 'B', 2],
    ['./cjs/string.js', '*', 'https://crm.zoho.com'],
    ['./cjs/string.js', 'default', 'https://crm.zoho.com'],
    ['./cjs/data.json', 'crmHost', 'crm.zoho.in'],
    ['./cjs/data', '*', { crmHost: 'crm.zoho.in', list: [1, 2] }],
    // A file that declares its own `module` anywhere is not read as CommonJS: unknown, never guessed.
    ['./cjs/shadowed.js', 'A', undefined],
    ['./ts/settings.js', 'ZOHO', { base: 'https://crm.zoho.com' }],
    ['./ts/settings', 'T', undefined],
    ['./ts/legacy', '*', { base: 'https://crm.zoho.jp' }],
    ['./ts/with-dts', 'D', 'from js'],
  ])('%s exports %s as %j', (specifier, name, expected) => {
    const resolver = new ProjectIndex(values).resolverFor();
    expect(resolver.resolveExport(main, specifier, name)).toEqual(expected);
  });

  it('gives whole modules for namespace imports and require()', () => {
    const resolver = new ProjectIndex(values).resolverFor();
    expect(resolver.resolveExport(main, './esm/index.js', 'zoho')).toMatchObject({ HOST: 'crm.zoho.com', default: 'https://crm.zoho.com/crm/private/json/Leads' });
    expect(resolver.resolveExport(main, './esm/index.js', '*')).toMatchObject({ HOST: 'crm.zoho.com', URL: 'https://crm.zoho.com/crm/private/json' });
    expect(resolver.resolveExport(main, './cjs/settings.js', '*')).toEqual({ crm: { base: 'https://crm.zoho.eu/crm/private/xml' }, port: 3000, extra: 'x' });
    expect(resolver.resolveExport('main.ts', './cjs/props.js', '*')).toMatchObject({ A: 'a', B: 'b' });
  });

  it('reads a module again once it changed on disk, and not before', () => {
    const dir = project({ 'config.js': "export const BASE = 'https://crm.zoho.com';\n", 'main.js': '' });
    const index = new ProjectIndex(dir);
    expect(index.resolverFor().resolveExport('main.js', './config.js', 'BASE')).toBe('https://crm.zoho.com');
    expect(index.resolverFor().resolveExport('main.js', './config.js', 'BASE')).toBe('https://crm.zoho.com');
    expect(index.stats.modulesLoaded).toBe(1);
    // An atomic rewrite, as migrate does it.
    writeFileSync(path.join(dir, 'config.tmp'), "export const BASE = 'https://crm.zoho.eu';\n");
    renameSync(path.join(dir, 'config.tmp'), path.join(dir, 'config.js'));
    expect(index.resolverFor().resolveExport('main.js', './config.js', 'BASE')).toBe('https://crm.zoho.eu');
    expect(index.stats.modulesLoaded).toBe(2);
  });

  it('bounds how far one analysis may follow imports', () => {
    const files: Record<string, string> = { 'm0.js': "export const V = 'end';\n" };
    for (let i = 1; i <= 30; i++) files[`m${i}.js`] = `export { V } from './m${i - 1}.js';\n`;
    const dir = project(files);
    expect(new ProjectIndex(dir).resolverFor().resolveExport('x.js', './m10.js', 'V')).toBe('end');
    expect(new ProjectIndex(dir).resolverFor().resolveExport('x.js', './m30.js', 'V')).toBeUndefined();
  });
});
