import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.js';
import { LEGACY, makeGitTree, MIGRATED, writeLines } from './helpers/trees.js';

interface JsonFinding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  fixable: boolean;
  message: string;
}

interface Json {
  summary: Record<string, number>;
  findings: JsonFinding[];
  files: { file: string; status: string; reason?: string; textOnly?: boolean }[];
}

async function checkJson(dir: string, extra: readonly string[] = []) {
  const result = await runMain(['check', '--format', 'json', ...extra], dir);
  return { code: result.code, json: JSON.parse(result.stdout) as Json };
}

function entryOf(json: Json, file: string): Json['files'][number] {
  const entries = json.files.filter((entry) => entry.file === file);
  expect(entries, file).toHaveLength(1);
  return entries[0]!;
}

/** `lines` copies of `line` written in 64 KiB pieces, then `tail`. */

const LOGIN = "var login = 'https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=' + user + '&PASSWORD=' + pw;\n";

describe('files too big or too long to parse are still read, by the text scan', () => {
  it('a 3 MiB module: streamed in chunks, URLs found on their lines (one across a chunk boundary, once), check exits 1, migrate leaves it', async () => {
    const line = 'exports.a = 1;\n';
    const lines = Math.floor((1024 * 1024 - 40) / line.length);
    const dir = makeGitTree({ 'src/ok.js': 'export const ok = 1;\n' }, (root) => {
      // ~1 MiB of lines, a URL that straddles the first 1 MiB chunk, ~2 MiB more, a ticket login at the end.
      const file = path.join(root, 'src/big.js');
      const fd = openSync(file, 'w');
      writeSync(fd, line.repeat(lines));
      writeSync(fd, LEGACY);
      writeSync(fd, line.repeat(2 * lines));
      writeSync(fd, LOGIN);
      closeSync(fd);
    });
    const before = readFileSync(path.join(dir, 'src/big.js'));
    const { code, json } = await checkJson(dir);
    expect(code).toBe(1);
    const findings = json.findings.filter((finding) => finding.file === 'src/big.js');
    expect(findings.map(({ ruleId, line: at, column, fixable }) => ({ ruleId, line: at, column, fixable }))).toEqual([
      { ruleId: 'legacy-auth-params', line: lines + 1, column: 12, fixable: false },
      { ruleId: 'ticket-generation', line: 3 * lines + 2, column: 14, fixable: false },
    ]);
    expect(findings[0]!.message).toBe(
      'Zoho API request sends apikey, but the file was not parsed: 3 MiB, over the 512 KiB size limit (raise it with --max-file-size); rewrite it by hand',
    );
    expect(findings[1]!.message).toMatch(/found by a text scan: the file was not parsed: 3 MiB, over the 512 KiB size limit \(raise it with --max-file-size\)/);
    expect(entryOf(json, 'src/big.js')).toEqual({
      file: 'src/big.js',
      status: 'unchanged',
      reason: 'not parsed, scanned as text only: 3 MiB, over the 512 KiB size limit (raise it with --max-file-size)',
      textOnly: true,
    });
    expect(json.summary.textOnly).toBe(1);

    const text = await runMain(['check'], dir);
    expect(text.stdout).toContain('text-only  src/big.js: not parsed, scanned as text only: 3 MiB');
    expect(text.stdout).toMatch(/1 file too big or too long to parse, scanned as text only/);

    const migrated = await runMain(['migrate'], dir);
    expect(migrated.code).toBe(1);
    expect(readFileSync(path.join(dir, 'src/big.js')).equals(before)).toBe(true);
    // (A raised --max-file-size lets such a file be parsed: cli-hostile-input.test.ts.)
  }, 120_000);


  it('a minified file within the size limit: read whole, scanned as text; the message names --max-line-length', async () => {
    const statements = Array.from({ length: 2_000 }, (_, i) => `var a${i}=${i};`).join('');
    const dir = makeGitTree({ 'dist/app.min.js': `${statements}${LEGACY.trim()}\n` });
    const { code, json } = await checkJson(dir);
    expect(code).toBe(1);
    const [finding] = json.findings;
    expect(finding).toMatchObject({ file: 'dist/app.min.js', ruleId: 'legacy-auth-params', line: 1, column: statements.length + 12, fixable: false });
    expect(finding!.message).toMatch(/the file was not parsed: minified: a line of 2\d,\d{3} characters, over the 10,000-character limit \(raise it with --max-line-length\)/);
    expect(entryOf(json, 'dist/app.min.js')).toMatchObject({ status: 'unchanged', textOnly: true });
    // Binary files stay skipped, and are not counted with these.
    const withBinary = makeGitTree({ 'dist/app.min.js': `${statements}${LEGACY.trim()}\n`, 'img.js': Buffer.from([0x89, 0x50, 0x00, 0x00, 0x7a, 0x6f, 0x68, 0x6f]) });
    const both = (await checkJson(withBinary)).json;
    expect(entryOf(both, 'img.js')).toMatchObject({ status: 'skipped', reason: 'binary file' });
    expect(both.summary.textOnly).toBe(1);
    expect(both.summary.filesScanned).toBe(1);
  });
});

describe('non-UTF-8 text is read as Latin-1, analysed and written back byte for byte', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const HEADER = '// Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u2013 CRM \u00ab client \u00bb\n'.replace('\u2013', '-');
  // 0x93/0x94: Windows-1252's curly quotes (C1 controls in Latin-1), as a 2011 editor saved them.
  const TRAILER = "var note = 'r\u00e9sum\u00e9 \u0093quoted\u0094';\r\n";

  it('check reports it, migrate rewrites only the request, every other byte stays (é, «», CRLF)', async () => {
    const original = Buffer.concat([latin1(HEADER), latin1(LEGACY), latin1(TRAILER)]);
    const dir = makeGitTree({ 'src/latin1.js': original, 'src/utf8.js': `// Soci\u00e9t\u00e9\n${LEGACY}` });
    const { code, json } = await checkJson(dir);
    expect(code).toBe(1);
    expect(json.findings.filter((finding) => finding.file === 'src/latin1.js')).toMatchObject([{ ruleId: 'legacy-auth-params', line: 2, fixable: true }]);
    expect(entryOf(json, 'src/latin1.js').status).toBe('unchanged');

    const dry = await runMain(['migrate', '--dry-run'], dir);
    // The diff shows the file's text as it is (é, not a replacement character).
    expect(dry.stdout).toContain(' // Soci\u00e9t\u00e9 G\u00e9n\u00e9rale');
    expect(dry.stdout).not.toContain('\ufffd');
    expect(dry.stdout).toContain(' var note = \'r\u00e9sum\u00e9 \u201cquoted\u201d\';');

    const migrated = await runMain(['migrate'], dir);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('migrated  src/latin1.js');
    expect(readFileSync(path.join(dir, 'src/latin1.js')).equals(Buffer.concat([latin1(HEADER), latin1(MIGRATED), latin1(TRAILER)]))).toBe(true);
    expect(readFileSync(path.join(dir, 'src/utf8.js'), 'utf8')).toBe(`// Soci\u00e9t\u00e9\n${MIGRATED}`);
    // A second run changes nothing.
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'migrated'], { cwd: dir });
    const again = await runMain(['migrate'], dir);
    expect(again.code).toBe(0);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
  });

  it('a --token-expr that Latin-1 cannot hold: the Latin-1 file is an error and untouched, the others are migrated', async () => {
    const original = Buffer.concat([latin1(HEADER), latin1(LEGACY)]);
    const dir = makeGitTree({ 'src/latin1.js': original, 'src/utf8.js': LEGACY });
    const result = await runMain(['migrate', '--token-expr', 'config["\u30c8\u30fc\u30af\u30f3"]'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('error  src/latin1.js: the file is Latin-1 and the rewrite holds characters Latin-1 cannot encode');
    expect(readFileSync(path.join(dir, 'src/latin1.js')).equals(original)).toBe(true);
    expect(readFileSync(path.join(dir, 'src/utf8.js'), 'utf8')).toContain('config["\u30c8\u30fc\u30af\u30f3"]');
  });
});
