import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { TOOL } from '../src/version.js';

/** The CLI in process: argv in, exit code and output out (the bin adds nothing but process wiring). */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: process.cwd(), env: {}, isStdoutTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The option entries of a help text: each starts with `-x` or `--name`, and may wrap onto more lines. */
function optionEntries(help: string): string[] {
  const section = help.split(/\nOptions:\n/)[1]?.split(/\n\n/)[0] ?? '';
  const entries: string[] = [];
  for (const line of section.split('\n')) {
    if (/^  -/.test(line)) entries.push(line.trim());
    else if (entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries;
}

describe('--help, --version, unknown options and commands', () => {
  it.each(['migrate', 'check', 'report'])('%s --help lists every option with its default', async (command) => {
    const { code, stdout } = await cli(command, '--help');
    expect(code).toBe(0);
    const entries = optionEntries(stdout);
    expect(entries.length).toBeGreaterThan(8);
    for (const entry of entries.filter((text) => !text.startsWith('-h, --help'))) expect(entry).toMatch(/\(default: [^)]/);
    for (const option of ['--token-expr', '--scope', '--config', '--format', '--output', '--ignore', '--quiet', '--debug']) expect(stdout).toContain(option);
    expect(entries.find((entry) => entry.startsWith('--token-expr'))).toContain('(default: "process.env.ZOHO_CRM_AUTHTOKEN")');
    expect(stdout).toMatch(/paths\s+files and folders to scan \(default: \.\)/);
  });

  it('the tool --help lists the commands, the configuration, the rules and the exit codes', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const text of ['migrate [options] [paths...]', 'check [options] [paths...]', 'report [options] [paths...]', 'zoho-authtoken.config.json', 'unused-suppression', 'Exit codes: 0']) {
      expect(stdout).toContain(text);
    }
  });

  it('--version and -v print the version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${TOOL.version}\n`, stderr: '' });
    expect((await cli('-v')).stdout).toBe(`${TOOL.version}\n`);
  });

  it.each([
    [['chek'], "error: unknown command 'chek' (Did you mean check?)\n"],
    [['migrat', 'src'], "error: unknown command 'migrat' (Did you mean migrate?)\n"],
    [['check', '--formt', 'json'], "error: unknown option '--formt' (Did you mean --format?)\n"],
    [['migrate', '--dryrun'], "error: unknown option '--dryrun' (Did you mean --dry-run?)\n"],
    [['report', '--token-exp', 'x'], "error: unknown option '--token-exp' (Did you mean --token-expr?)\n"],
    [['check', '--confg', 'x.json'], "error: unknown option '--confg' (Did you mean --config?)\n"],
    [['check', '--format'], "error: option '--format <format>' argument missing\n"],
  ])('%j: exit 2, one line with a suggestion', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect([code, stdout, stderr]).toEqual([2, '', message]);
  });
});
