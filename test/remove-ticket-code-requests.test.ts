import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSource } from '../src/core/migrate-source.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { recordRequests } from './helpers/record-requests.js';
import { migrateAndRemove } from './helpers/remove-project.js';

const REPO = path.resolve(import.meta.dirname, '..');
const isTicketEndpoint = (line: string) => /^\w+ https:\/\/accounts\.zoho\.com\/(login|logout)/.test(line);

function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.js')) files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

describe('--remove-ticket-code keeps every API request: only the logins to accounts.zoho.com go', () => {
  it('on the sample app', async () => {
    const root = path.join(REPO, 'fixtures/legacy-crm-app');
    const result = migrateAndRemove(readTree(root), 'on', ['server.js'], root);
    const migrated = Object.fromEntries([...result].map(([name, file]) => [name, file.migrated]));
    const removed = Object.fromEntries([...result].map(([name, file]) => [name, file.text]));
    const before = await recordRequests(migrated);
    const after = await recordRequests(removed);
    expect(before.some(isTicketEndpoint)).toBe(true);
    expect(after.filter(isTicketEndpoint)).toEqual([]);
    expect(after).toEqual(before.filter((line) => !isTicketEndpoint(line)));
    expect(after.length).toBeGreaterThanOrEqual(11);
  });

  // The recorder runs CommonJS; the TypeScript pairs are type-checked instead (remove-ticket-code-fixtures.test.ts).
  describe.each(listFixturePairs(path.join(REPO, 'fixtures/remove-ticket-code')).filter((pair) => !pair.name.startsWith('unparsable/') && pair.filePath.endsWith('.js')))('$name', (pair) => {
    it('sends what migrate alone sends, less the ticket logins it removed (a kept twin: exactly the same)', async () => {
      const migrated = migrateSource(readFileSync(pair.input, 'utf8'), { filePath: pair.filePath }).output;
      const output = readFileSync(pair.output, 'utf8');
      const before = await recordRequests({ [pair.filePath]: migrated });
      const after = await recordRequests({ [pair.filePath]: output });
      expect(after.filter((line) => !isTicketEndpoint(line))).toEqual(before.filter((line) => !isTicketEndpoint(line)));
      expect(after.filter((line) => !isTicketEndpoint(line)).length).toBeGreaterThan(0);
      if (output === migrated) expect(after).toEqual(before);
      else expect(after.filter(isTicketEndpoint)).toEqual([]);
    });
  });
});
