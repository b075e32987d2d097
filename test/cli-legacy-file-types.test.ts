import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOVERED_EXTENSIONS, fileTypeOf } from '../src/core/file-types.js';
import { runMain } from './helpers/run-main.js';
import { LEGACY, makeGitTree, MIGRATED } from './helpers/trees.js';

const PHP = `<?php
function zoho_leads($key, $t) {
  $url = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=" . $key . "&ticket=" . $t;
  return drupal_http_request($url);
}
`;

/** What migrate writes for PHP (issue 16: PHP is rewritten with its own parser, whatever the extension). */
const PHP_MIGRATED = PHP.replace(`apikey=" . $key . "&ticket=" . $t;`, `authtoken=" . getenv('ZOHO_CRM_AUTHTOKEN') . "&scope=crmapi";`);

const ASP = `<%@ Language="VBScript" %>
<%
url = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=" & key & "&ticket=" & ticket
%>
<html><body>
<script>
${LEGACY}var s = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=<%= key %>&ticket=<%= ticket %>';
</script>
</body></html>
`;

const JSP = `<%@ page contentType="text/html" %>
<% String u = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=" + key + "&ticket=" + ticket; %>
<html><body>ok</body></html>
`;

const CFM = `<cfhttp url="https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=#key#&ticket=#ticket#" method="get"></cfhttp>
<script>
var v = 'https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=#key#&ticket=#ticket#';
</script>
`;

const PHP_EXTENSIONS = ['module', 'install', 'inc', 'phtml', 'php3', 'php4', 'php5'];

interface Json {
  findings: { file: string; ruleId: string; line: number; fixable: boolean }[];
}

describe('the file types legacy code lives in, from one table', () => {
  it('maps each legacy extension to the analysis of the language it holds', async () => {
    for (const extension of ['php', ...PHP_EXTENSIONS]) expect(fileTypeOf(`x/a.${extension}`), extension).toEqual({ reader: 'polyglot', language: 'php' });
    expect(fileTypeOf('Code.gs')).toEqual({ reader: 'script' });
    expect(fileTypeOf('LEGACY.ASP')).toEqual({ reader: 'embedded', format: 'asp' });
    expect(fileTypeOf('a.jsp')).toEqual({ reader: 'embedded', format: 'jsp' });
    expect(fileTypeOf('a.cfm')).toEqual({ reader: 'embedded', format: 'cfm' });
    expect(fileTypeOf('.env.local')).toEqual({ reader: 'polyglot', language: 'env' });
    expect(fileTypeOf('notes.txt')).toBeUndefined();
    expect(new Set(DISCOVERED_EXTENSIONS).size).toBe(DISCOVERED_EXTENSIONS.length);
  });

  it('check reports each of them (exit 1); migrate rewrites .gs like .js, PHP in every extension, and the client scripts of server pages, and leaves server code for a human', async () => {
    const files: Record<string, string> = { 'apps-script/Code.gs': LEGACY, 'web/page.asp': ASP, 'web/page.jsp': JSP, 'web/page.cfm': CFM };
    for (const extension of PHP_EXTENSIONS) files[`drupal/zoho.${extension}`] = PHP;
    const dir = makeGitTree(files);
    const check = await runMain(['check', '--format', 'json'], dir);
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as Json).findings.filter((finding) => finding.ruleId === 'legacy-auth-params' && finding.line > 0);
    const byFile = (file: string) => findings.filter((finding) => finding.file === file).map(({ line, fixable }) => ({ line, fixable }));
    for (const extension of PHP_EXTENSIONS) expect(byFile(`drupal/zoho.${extension}`), extension).toEqual([{ line: 3, fixable: true }]);
    expect(byFile('apps-script/Code.gs')).toEqual([{ line: 1, fixable: true }]);
    // ASP: the server code (markup scan), the client request (fixable), and one that embeds server output (not provably the script's own).
    expect(byFile('web/page.asp')).toEqual([
      { line: 3, fixable: false },
      { line: 7, fixable: true },
      { line: 8, fixable: false },
    ]);
    expect(byFile('web/page.jsp')).toEqual([{ line: 2, fixable: false }]);
    expect(byFile('web/page.cfm')).toEqual([
      { line: 1, fixable: false },
      { line: 3, fixable: false },
    ]);

    const migrated = await runMain(['migrate'], dir);
    expect(migrated.code).toBe(1);
    expect(readFileSync(path.join(dir, 'apps-script/Code.gs'), 'utf8')).toBe(MIGRATED);
    expect(readFileSync(path.join(dir, 'web/page.asp'), 'utf8')).toBe(ASP.replace(LEGACY, MIGRATED));
    for (const extension of PHP_EXTENSIONS) expect(readFileSync(path.join(dir, `drupal/zoho.${extension}`), 'utf8'), extension).toBe(PHP_MIGRATED);
    for (const file of ['web/page.jsp', 'web/page.cfm']) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(files[file]);
  });
});
