import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSource } from '../src/core/migrate-source.js';
import { recordPhp, requestDifference } from './helpers/oracle.js';

/**
 * PHP heredocs interpolate variables, properties and array elements only: the default token
 * (`getenv(...)`) cannot go into one, so the request is refused with the reason; a token
 * configured as a variable is written `{$zohoToken}`. A nowdoc never takes a token. (Ruby
 * heredocs interpolate any expression: fixtures/polyglot-migrate/rb-heredoc.)
 */
const hasPhp = spawnSync('php', ['-v']).status === 0;
const source = `<?php
$zohoToken = getenv('ZOHO_CRM_AUTHTOKEN');
$apiKey = 'K';
$ticket = 'T';
$url = <<<URL
https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey={$apiKey}&ticket=$ticket&fromIndex=1
URL;
file_get_contents($url);
`;

describe('PHP heredocs', () => {
  it('are refused with the default token, with the reason', () => {
    const result = migrateSource(source, { filePath: 'a.php' });
    expect(result.changed).toBe(false);
    expect(result.findings.find((finding) => finding.ruleId === 'legacy-auth-params')?.message).toContain('a PHP heredoc cannot interpolate the token expression');
  });

  it('take a token configured as a variable, and send the same request otherwise', () => {
    const result = migrateSource(source, { filePath: 'a.php', tokenExprs: { php: '$zohoToken' } });
    expect(result.output).toBe(source.replace('apikey={$apiKey}&ticket=$ticket', 'authtoken={$zohoToken}&scope=crmapi'));
    expect(migrateSource(result.output, { filePath: 'a.php', tokenExprs: { php: '$zohoToken' } }).changed).toBe(false);
    if (!hasPhp) return console.warn('polyglot-heredoc: php missing, the oracle check is SKIPPED');
    const dir = mkdtempSync(path.join(tmpdir(), 'heredoc-'));
    try {
      const [before, after] = [source, result.output].map((text, i) => {
        const file = path.join(dir, `${i}.php`);
        writeFileSync(file, text);
        expect(spawnSync('php', ['-l', file]).status).toBe(0);
        return recordPhp(file);
      });
      expect(requestDifference(before!, after!, ['crmapi'])).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave a nowdoc and another API alone', () => {
    const nowdoc = "<?php\n$u = <<<'URL'\nhttps://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=KEY&ticket=TICKET\nURL;\n";
    const result = migrateSource(nowdoc, { filePath: 'a.php', tokenExprs: { php: '$zohoToken' } });
    expect(result.changed).toBe(false);
    expect(result.findings.map((finding) => finding.message).join('\n')).toContain('written in a heredoc that does not interpolate');
    const other = source.replace('crm.zoho.com/crm/private/xml/Leads/getRecords', 'api.example.com/v1/leads');
    const untouched = migrateSource(other, { filePath: 'a.php', tokenExprs: { php: '$zohoToken' } });
    expect(untouched.changed).toBe(false);
    expect(untouched.findings.filter((finding) => finding.ruleId === 'legacy-auth-params')).toEqual([]);
  });
});
