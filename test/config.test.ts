import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyConfig, coreOptionsOf } from '../src/config/apply-config.js';
import { ConfigError } from '../src/config/errors.js';
import { loadConfig, type LoadedConfig } from '../src/config/load.js';
import { parseConfig } from '../src/config/parse-config.js';
import { analyzeSource } from '../src/core/analyze.js';
import { resolveOptions } from '../src/core/options.js';
import { severityOf } from '../src/core/severity.js';
import { ZOHO_SERVICES } from '../src/core/zoho/services.js';
import { filterFiles } from '../src/runner/select-files.js';

/** A folder tree from a map of relative paths to contents (objects become JSON). */
function tree(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-config-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

async function loadError(cwd: string, configFile?: string): Promise<string> {
  const error = await loadConfig({ cwd, ...(configFile ? { configFile } : {}) }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

const VALID = {
  $schema: './node_modules/zoho-authtoken-codemod/schema/zoho-authtoken.config.schema.json',
  tokenExpr: 'config.zoho.authtoken',
  scope: 'ZohoCRM/crmapi',
  services: [
    { id: 'recruit', scope: 'ZohoRecruit/recruitapi' },
    { id: 'projects', name: 'Projects', hostLabels: ['projects'], apiPath: '^/portal/[^/]+/api/private/', scope: 'projectsapi', apiKeyParams: ['apikey'], ticketParams: ['ticket'] },
  ],
  include: ['src/**'],
  ignore: ['src/vendor/**'],
  rules: { 'hardcoded-credential': 'error', 'unused-suppression': 'off' },
  annotateComment: 'TODO(zoho): delete, tokens do not expire',
};

describe('configuration: finding and reading it', () => {
  it('reads zoho-authtoken.config.json in the working directory, every key', async () => {
    const dir = tree({ 'zoho-authtoken.config.json': VALID });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file).toBe(path.join(dir, 'zoho-authtoken.config.json'));
    expect(loaded.root).toBe(dir);
    expect(loaded.config).toEqual(VALID);
    const core = coreOptionsOf(loaded);
    expect(core).toMatchObject({ tokenExpr: 'config.zoho.authtoken', scope: 'ZohoCRM/crmapi', rules: VALID.rules, annotateComment: VALID.annotateComment });
    // The service table: built-ins changed by id, new services added, regexes compiled case-insensitively.
    expect(core.services?.find((service) => service.id === 'recruit')).toMatchObject({ scope: 'ZohoRecruit/recruitapi', hostLabels: ['recruit'] });
    const projects = core.services?.find((service) => service.id === 'projects');
    expect(projects?.apiPath).toEqual(/^\/portal\/[^/]+\/api\/private\//i);
    expect(core.services).toHaveLength(ZOHO_SERVICES.length + 1);
    // The core options resolve with the annotate text and severities passed through.
    expect(resolveOptions(core)).toMatchObject({ annotateComment: VALID.annotateComment, rules: VALID.rules });
  });

  it('reads the "zohoAuthtoken" key of package.json', async () => {
    const dir = tree({ 'package.json': { name: 'app', zohoAuthtoken: { scope: 'crmapi', rules: { 'parse-error': 'warning' } } } });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file).toBe(path.join(dir, 'package.json'));
    expect(loaded.config).toEqual({ scope: 'crmapi', rules: { 'parse-error': 'warning' } });
  });

  it('searches upwards from the working directory, and stops at the git work-tree root', async () => {
    const outer = tree({ 'zoho-authtoken.config.json': { scope: 'outer' }, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/packages/api/src/index.js': '' });
    // From a nested folder of the repository: no config inside the repo, and the outer one is not used.
    expect((await loadConfig({ cwd: path.join(outer, 'repo/packages/api') })).file).toBeUndefined();
    // A config at the repository root is found from below; a package.json without the key is passed by.
    writeFileSync(path.join(outer, 'repo/zoho-authtoken.config.json'), JSON.stringify({ scope: 'repo' }));
    writeFileSync(path.join(outer, 'repo/packages/api/package.json'), JSON.stringify({ name: 'api' }));
    const loaded = await loadConfig({ cwd: path.join(outer, 'repo/packages/api/src') });
    expect(loaded.config.scope).toBe('repo');
    expect(loaded.root).toBe(path.join(outer, 'repo'));
    // `.git` may be a file (worktrees, submodules): it still marks the root.
    const worktree = tree({ 'zoho-authtoken.config.json': { scope: 'outer' }, 'wt/.git': 'gitdir: /elsewhere\n' });
    expect((await loadConfig({ cwd: path.join(worktree, 'wt') })).file).toBeUndefined();
  });

  it('no configuration: an empty one rooted at the working directory', async () => {
    const dir = tree({ '.git/HEAD': '', 'src/a.js': '' });
    expect(await loadConfig({ cwd: dir })).toEqual({ root: dir, config: {} });
  });

  it('--config names the file (relative to cwd); a package.json there means its key', async () => {
    const dir = tree({ 'ci/zoho.json': { tokenExpr: 'env.TOKEN' }, 'other/package.json': { zohoAuthtoken: { scope: 'x' } }, 'zoho-authtoken.config.json': { scope: 'ignored' } });
    const loaded = await loadConfig({ cwd: dir, configFile: 'ci/zoho.json' });
    expect(loaded.config).toEqual({ tokenExpr: 'env.TOKEN' });
    expect(loaded.root).toBe(path.join(dir, 'ci'));
    expect((await loadConfig({ cwd: dir, configFile: 'other/package.json' })).config).toEqual({ scope: 'x' });
  });
});

describe('configuration errors: one line naming the file and the key path', () => {
  it.each([
    [{ tokenExpression: 'x' }, 'zoho-authtoken.config.json: tokenExpression: unknown key; did you mean "tokenExpr"?'],
    [{ Scope: 'x' }, 'zoho-authtoken.config.json: Scope: unknown key; did you mean "scope"?'],
    [{ colour: true }, 'zoho-authtoken.config.json: colour: unknown key (allowed: $schema, tokenExpr, scope, services, include, ignore, rules, annotateComment, removeTicketCode, tokenExprs)'],
    [{ rules: { 'legacy-auth-param': 'off' } }, 'zoho-authtoken.config.json: rules.legacy-auth-param: unknown key; did you mean "legacy-auth-params"?'],
    [{ services: [{ id: 'crm', apiPth: '^/x' }] }, 'zoho-authtoken.config.json: services[0].apiPth: unknown key; did you mean "apiPath"?'],
    [{ scope: 3 }, 'zoho-authtoken.config.json: scope: expected string, got number 3'],
    [{ include: 'src/**' }, 'zoho-authtoken.config.json: include: expected array, got "src/**"'],
    [{ ignore: ['ok', 7] }, 'zoho-authtoken.config.json: ignore[1]: expected string, got number 7'],
    [{ rules: { 'parse-error': 'fatal' } }, 'zoho-authtoken.config.json: rules.parse-error: expected one of "error", "warning", "note", "off", got "fatal"'],
    [{ rules: { 'parse-error': true } }, 'zoho-authtoken.config.json: rules.parse-error: expected one of "error", "warning", "note", "off", got boolean true'],
    [{ tokenExpr: 'process.env.' }, /^zoho-authtoken.config.json: tokenExpr: the token expression is not a valid JavaScript expression: /],
    [{ scope: 'crm api' }, `zoho-authtoken.config.json: scope: the scope "crm api" must be letters, digits, '_', '.', ',', '/' or '-'`],
    [{ services: [{ id: 'crm', apiPath: '^/crm/(' }] }, 'zoho-authtoken.config.json: services[0].apiPath: not a valid regular expression'],
    [{ services: [{ id: 'crm', apiPath: 'crm/private' }] }, 'zoho-authtoken.config.json: services[0].apiPath: expected a regular expression anchored at the start of the path, such as "^/crm/private/"'],
    [{ services: [{ id: 'crm', apiKeyParams: ['key'] }] }, 'zoho-authtoken.config.json: services[0].apiKeyParams[0]: expected one of "apikey", "ZOHO_API_KEY", got "key"'],
    [{ services: [{ id: 'crm', scope: null }, { id: 'crm' }] }, 'zoho-authtoken.config.json: services[1]: id: "crm" appears twice'],
    [{ services: [{ id: 'projects', hostLabels: ['projects'] }] }, /^zoho-authtoken.config.json: services\[0\]: "projects" is not a built-in service \(.*\), so it needs name, apiPath, scope, apiKeyParams, ticketParams$/],
    [{ annotateComment: 'two\nlines' }, 'zoho-authtoken.config.json: annotateComment: annotateComment must be one line'],
    [{ annotateComment: 'ends */ early' }, 'zoho-authtoken.config.json: annotateComment: annotateComment must not contain */'],
    [[], 'zoho-authtoken.config.json: (top level): expected a JSON object, got an array'],
    [{ scope: 1, colour: true }, /^zoho-authtoken.config.json: .* \(and 1 more problem\)$/],
  ])('%j', async (config, expected) => {
    const message = await loadError(tree({ 'zoho-authtoken.config.json': config }));
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('package.json: the key path starts at "zohoAuthtoken"', async () => {
    const message = await loadError(tree({ 'package.json': { zohoAuthtoken: { rules: { 'parse-error': 'loud' } } } }));
    expect(message).toBe('package.json: zohoAuthtoken.rules.parse-error: expected one of "error", "warning", "note", "off", got "loud"');
  });

  it('invalid JSON, both kinds of configuration in one folder, a missing --config, a package.json without the key', async () => {
    expect(await loadError(tree({ 'zoho-authtoken.config.json': '{ "scope": "crmapi", }' }))).toMatch(/^zoho-authtoken.config.json: not valid JSON: /);
    expect(await loadError(tree({ 'zoho-authtoken.config.json': {}, 'package.json': { zohoAuthtoken: {} } }))).toBe(
      'both zoho-authtoken.config.json and "zohoAuthtoken" in package.json configure this project; keep one',
    );
    expect(await loadError(tree({}), 'nope.json')).toBe('--config nope.json: no such file');
    expect(await loadError(tree({ 'package.json': { name: 'x' } }), 'package.json')).toBe('package.json: has no "zohoAuthtoken" key');
  });

  it('parseConfig checks a value without a file', () => {
    expect(() => parseConfig({ rules: { nope: 'off' } })).toThrow('configuration: rules.nope: unknown key');
    expect(parseConfig({ scope: 'crmapi' }).config).toEqual({ scope: 'crmapi' });
  });
});

describe('configuration and the caller: flags win', () => {
  const loaded: LoadedConfig = { file: '/p/zoho-authtoken.config.json', root: '/p', config: { tokenExpr: 'cfg.token', scope: 'cfgscope', rules: { 'parse-error': 'off', 'hardcoded-credential': 'error' }, ignore: ['old/**'] } };

  it('fills what the caller left unset, keeps what it gave, merges rules per rule', () => {
    const merged = applyConfig({ command: 'check', paths: [], cwd: '/p/sub', scope: 'crmapi', rules: { 'parse-error': 'warning' }, ignore: ['x/**'] }, loaded);
    expect(merged.tokenExpr).toBe('cfg.token');
    expect(merged.scope).toBe('crmapi');
    expect(merged.rules).toEqual({ 'parse-error': 'warning', 'hardcoded-credential': 'error' });
    expect(merged.ignore).toEqual(['x/**']);
    expect(merged.fileFilter).toEqual({ root: '/p', include: [], ignore: ['old/**'] });
  });

  it('include/ignore globs are relative to the configuration file, dot files included, named files too', () => {
    const files = ['/p/src/a.js', '/p/src/vendor/b.js', '/p/lib/c.js', '/p/src/.hidden/d.js', '/elsewhere/e.js'];
    expect(filterFiles(files, { root: '/p', include: ['src/**'], ignore: ['src/vendor/**'] })).toEqual(['/p/src/a.js', '/p/src/.hidden/d.js']);
    expect(filterFiles(files, { root: '/p', include: [], ignore: ['**/vendor/**'] })).toEqual(['/p/src/a.js', '/p/lib/c.js', '/p/src/.hidden/d.js', '/elsewhere/e.js']);
  });
});

describe('per-rule severity: applied where drafts become findings', () => {
  const source = [
    "const url = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=0123456789abcdef0123456789abcdef&ticket=' + ticket;",
    '// zoho-authtoken-ignore-next-line nothing here',
    'const unrelated = 1;',
    '',
  ].join('\n');
  const rulesOf = (rules: Parameters<typeof analyzeSource>[1]['rules']) =>
    analyzeSource(source, { filePath: 'a.js', ...(rules ? { rules } : {}) }).findings.map((finding) => `${finding.ruleId}:${finding.severity}`);

  it('default, changed, and off', () => {
    expect(rulesOf(undefined)).toEqual(['legacy-auth-params:error', 'hardcoded-credential:warning', 'unused-suppression:note']);
    expect(rulesOf({ 'legacy-auth-params': 'warning', 'hardcoded-credential': 'error' })).toEqual(['legacy-auth-params:warning', 'hardcoded-credential:error', 'unused-suppression:note']);
    expect(rulesOf({ 'hardcoded-credential': 'off', 'unused-suppression': 'off' })).toEqual(['legacy-auth-params:error']);
  });

  it('off keeps the other findings\' fingerprints, and a suppression written for an off rule still counts as used', () => {
    const all = analyzeSource(source, { filePath: 'a.js' }).findings;
    const without = analyzeSource(source, { filePath: 'a.js', rules: { 'hardcoded-credential': 'off' } }).findings;
    expect(without.map((finding) => finding.fingerprint)).toEqual(all.filter((finding) => finding.ruleId !== 'hardcoded-credential').map((finding) => finding.fingerprint));
    const suppressed = "// zoho-authtoken-ignore-next-line kept for the mirror\nconst u = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k;\n";
    const analysis = analyzeSource(suppressed, { filePath: 'b.js', rules: { 'legacy-auth-params': 'off' } });
    expect(analysis.findings).toEqual([]);
    expect(analysis.suppressed).toBe(1);
  });

  it('an off rule is not fixed either', async () => {
    const { migrateSource } = await import('../src/core/migrate-source.js');
    expect(migrateSource(source, { filePath: 'a.js', rules: { 'legacy-auth-params': 'off' } }).changed).toBe(false);
    expect(migrateSource(source, { filePath: 'a.js' }).changed).toBe(true);
  });

  it('a companion finding at a fixed lower level keeps it; a configured level caps it', () => {
    expect(severityOf({ ruleId: 'legacy-auth-params', severity: 'note' }, { 'legacy-auth-params': 'error' })).toBe('note');
    expect(severityOf({ ruleId: 'legacy-auth-params', severity: 'warning' }, { 'legacy-auth-params': 'note' })).toBe('note');
    expect(severityOf({ ruleId: 'legacy-auth-params' }, { 'legacy-auth-params': 'note' })).toBe('note');
    expect(severityOf({ ruleId: 'hardcoded-credential' }, {})).toBe('warning');
  });
});

describe('the README configuration reference', () => {
  it('its example configuration is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('./helpers/projects.js');
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /<!-- config-example -->\n```json\n([\s\S]*?)```\n/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const { config, services } = parseConfig(JSON.parse(example!), 'README.md');
    expect(Object.keys(config).sort()).toEqual(['$schema', 'annotateComment', 'ignore', 'include', 'rules', 'scope', 'services', 'tokenExpr']);
    expect(services?.map((service) => service.id)).toContain('projects');
  });
});

describe('configuration: token expressions for PHP, Python and Ruby', () => {
  it('reads tokenExprs per language and hands them to the core', async () => {
    const tokenExprs = { php: "$_ENV['ZOHO_TOKEN']", python: "settings.ZOHO['token']", ruby: 'Rails.application.credentials.zoho_token' };
    const dir = tree({ 'zoho-authtoken.config.json': { tokenExprs } });
    const core = coreOptionsOf(await loadConfig({ cwd: dir }));
    expect(resolveOptions(core).tokenExprs).toEqual(tokenExprs);
  });

  it('refuses an unknown language or an empty expression, naming the key', async () => {
    expect(await loadError(tree({ 'zoho-authtoken.config.json': { tokenExprs: { perl: '$ENV{TOKEN}' } } }))).toMatch(/tokenExprs/);
    expect(await loadError(tree({ 'zoho-authtoken.config.json': { tokenExprs: { php: ' ' } } }))).toMatch(/tokenExprs\.php/);
  });
});
