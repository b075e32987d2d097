import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyProject } from './projects.js';

/**
 * A copy of fixtures/projects/xss plus a file whose very name is markup (such a name cannot be
 * committed: Windows checkouts would fail on it).
 */
export function xssProject(): string {
  const dir = copyProject('xss');
  writeFileSync(
    path.join(dir, 'src/<img src=x onerror="window.__pwned = 3">.js'),
    "var u = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + key + '&ticket=' + ticket;\n",
  );
  return dir;
}
