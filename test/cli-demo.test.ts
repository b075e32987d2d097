import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, snapshotTree } from './helpers/projects.js';

const APP = 'fixtures/legacy-crm-app';

describe('npm run demo (migrate --dry-run on the sample app)', () => {
  it('rewrites the axios, URLSearchParams/fetch and request modules, and writes nothing', () => {
    const before = snapshotTree(path.join(REPO_ROOT, APP));
    const result = runCli(['migrate', '--dry-run', '--format', 'json', APP], REPO_ROOT);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    const diffOf = (name: string) => json.files.find((file: { file: string }) => file.file === `${APP}/lib/zoho/${name}`)?.diff ?? '';

    const deals = diffOf('deals-axios.js');
    expect(deals).toContain("+  return { authtoken: process.env.ZOHO_CRM_AUTHTOKEN, scope: 'crmapi' };");
    expect(deals).toContain("+    params['scope'] = 'crmapi';");
    const notes = diffOf('notes-fetch.js');
    expect(notes).toContain("+    form.append('authtoken', process.env.ZOHO_CRM_AUTHTOKEN);");
    expect(notes).toContain("+    url.searchParams.set('scope', 'crmapi');");
    const tasks = diffOf('tasks-request.js');
    expect(tasks).toContain("+  'authtoken': process.env.ZOHO_CRM_AUTHTOKEN,\n+  'scope': 'crmapi',");
    expect(tasks).toContain('-        ticket: ticket,');
    expect(tasks).toContain("+      form: { authtoken: process.env.ZOHO_CRM_AUTHTOKEN, scope: 'crmapi', xmlData: xml }");

    const left = json.findings.filter((finding: { ruleId: string; fixable: boolean }) => finding.ruleId === 'legacy-auth-params' && !finding.fixable);
    expect(left).toEqual([]);
    expect(snapshotTree(path.join(REPO_ROOT, APP))).toEqual(before);
  });

  it('ends with the summary the README shows, saying how many of the findings left are notes', () => {
    const result = runCli(['migrate', '--dry-run', APP], REPO_ROOT);
    const summary = result.stdout.trimEnd().split('\n').at(-1)!;
    expect(summary).toBe(
      'migrate --dry-run: 7 files would change, 12 fixable findings, 16 findings left for a human (11 of them notes), 12 files scanned (nothing written)',
    );
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(summary);
  });
});
