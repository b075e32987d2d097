import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLineFor, shellQuote } from '../src/shell-command.js';

describe('command lines for the next step', () => {
  it.each(["plain", "with space", "it's", '$HOME', '`id`', '**/*.test.js', 'a"b', '', '-dash', 'é'])('shellQuote(%j) reads back unchanged in sh', (word) => {
    const echoed = spawnSync('sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe(word);
  });

  it('leaves defaults out and keeps the paths and options that change what runs', () => {
    const defaults = { paths: [], tokenExpr: 'process.env.ZOHO_CRM_AUTHTOKEN', scope: 'crmapi', ignore: [] };
    expect(commandLineFor('migrate', defaults)).toBe('npx zoho-authtoken-codemod migrate .');
    expect(commandLineFor('migrate', { paths: ['src', 'my lib'], tokenExpr: 'cfg.token', scope: 'ZohoCRM/crmapi', ignore: ['gen/**'] })).toBe(
      "npx zoho-authtoken-codemod migrate --token-expr cfg.token --scope ZohoCRM/crmapi --ignore 'gen/**' src 'my lib'",
    );
    expect(commandLineFor('report', { ...defaults, paths: ['-odd'] })).toBe('npx zoho-authtoken-codemod report -- -odd');
  });
});
