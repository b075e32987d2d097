import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/core/findings.js';
import { CONFIG_JSON_SCHEMA_FILE } from '../src/config/json-schema.js';
import { TOOL } from '../src/version.js';
import { npm, npmEnv, packTarball } from './helpers/npm.js';
import { REPO_ROOT } from './helpers/projects.js';
import { readmeBlock } from './helpers/readme.js';

interface PackedFile {
  path: string;
}

/** What `npm pack` puts in the tarball: package.json `files`, plus package.json and the README. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^action\.yml$/,
  /^dist\/src\/[a-z0-9/-]+\.(js|d\.ts)$/,
  /^dist\/transforms\/zoho-authtoken\.(cjs|js|d\.ts)$/,
  /^docs\/rules\/[a-z-]+\.md$/,
  new RegExp(`^${CONFIG_JSON_SCHEMA_FILE.replace(/\./g, '\\.')}$`),
];

const REQUIRED = [
  'package.json',
  'dist/src/bin.js',
  'dist/src/cli.js',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/eslint-plugin/index.js',
  'dist/src/eslint-plugin/index.d.ts',
  'action.yml',
  'dist/transforms/zoho-authtoken.cjs',
  // The HTML report's browser code, as the modules generated from client/*.js (npm run client-script).
  'dist/src/reporters/report/client/diff-js.js',
  'dist/src/reporters/report/client/app-js.js',
  CONFIG_JSON_SCHEMA_FILE,
  ...RULE_IDS.map((id) => `docs/rules/${id}.md`),
];

describe('the npm package', () => {
  it('npm pack contains the built CLI, transforms, rule docs and JSON Schema, and nothing else', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO_ROOT)) as [{ files: PackedFile[] }];
    const files = pack.files.map((file) => file.path).sort();
    expect(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
    for (const file of REQUIRED) expect(files, file).toContain(file);
    // Every module the CLI loads is in the tarball: each .js under dist/src has its .d.ts, and no test or fixture came along.
    expect(files.filter((file) => /(^|\/)(test|fixtures|scripts|bench)\//.test(file))).toEqual([]);
  });

  describe('installed from its tarball into an empty folder', () => {
    let consumer = '';

    beforeAll(() => {
      const tarball = packTarball();
      consumer = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-consumer-'));
      writeFileSync(path.join(consumer, 'package.json'), `${JSON.stringify({ name: 'legacy-consumer', private: true, type: 'module' }, null, 2)}\n`);
      // From the local cache when it has everything (the repository's own `npm ci` filled it), else the registry.
      npm(['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], consumer);
      mkdirSync(path.join(consumer, 'src'));
      writeFileSync(path.join(consumer, 'src/legacy.js'), readmeBlock('legacy-example'));
    }, 600_000);

    /** `--no`: never download, the installed bin or a failure; `--`: the rest is the tool's, not npx's. */
    function npx(...args: string[]) {
      const run = spawnSync('npx', ['--no', '--', TOOL.name, ...args], { cwd: consumer, env: { ...npmEnv(), NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    }

    it('npx zoho-authtoken-codemod check finds the legacy call, points at the installed rule docs, exits 1', () => {
      const run = npx('check');
      expect(run.stdout).toBe(readmeBlock('check-output'));
      expect(run.code).toBe(1);
      expect(existsSync(path.join(consumer, 'node_modules', TOOL.name, 'docs/rules/legacy-auth-params.md'))).toBe(true);
      expect(npx('--version').stdout).toBe(`${TOOL.version}\n`);
    });

    it('the configuration $schema path of the README resolves in the installed package, and the config applies', () => {
      const config = JSON.parse(readmeBlock('config-example')) as { $schema: string };
      expect(existsSync(path.join(consumer, config.$schema))).toBe(true);
      writeFileSync(path.join(consumer, 'zoho-authtoken.config.json'), JSON.stringify({ $schema: config.$schema, rules: { 'legacy-auth-params': 'warning' } }));
      try {
        const run = npx('check');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('warning  legacy-auth-params');
      } finally {
        writeFileSync(path.join(consumer, 'zoho-authtoken.config.json'), '{}');
      }
    });

    it('report --format html carries its browser code inline, read from the installed package', () => {
      const run = npx('report', '--format', 'html');
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('function tokenize(');
      expect(run.stdout).toContain("document.body.setAttribute('data-ready', 'true');");
      expect(run.stdout).not.toContain('@ts-check');
    });

    it('the README library example runs against the installed package and prints what the README shows', () => {
      writeFileSync(path.join(consumer, 'example.mjs'), readmeBlock('library-example'));
      const run = spawnSync(process.execPath, ['example.mjs'], { cwd: consumer, encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(readmeBlock('library-example-output'));
      expect(run.status).toBe(0);
    });
  });
});
