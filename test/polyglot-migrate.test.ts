import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';
import { classifyRequestText } from '../src/core/zoho/endpoint.js';
import { scopeOf } from '../src/core/zoho/services.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { expectStatedFindings } from './helpers/stated-findings.js';
import { recordPhp, recordPython, requestDifference } from './helpers/oracle.js';
import { findPython2 } from './helpers/python2.js';

const root = path.resolve(import.meta.dirname, '../fixtures/polyglot-migrate');
const pairs = listFixturePairs(root);

function has(command: string, args: string[] = ['--version']): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

// .ci/run installs php-cli and ruby; on a machine without them the checks are skipped, loudly.
const tools = { php: has('php', ['-v']), ruby: has('ruby', ['-v']), python3: has('python3', ['-V']) };
const python2 = findPython2();
for (const [tool, isThere] of Object.entries({ ...tools, python2: python2 !== undefined })) if (!isThere) console.warn(`polyglot-migrate: ${tool} missing, its checks are SKIPPED`);

const isPython2 = (name: string) => name.startsWith('py2-');
const isNegative = (pair: (typeof pairs)[number]) => /-not-zoho\./.test(pair.name);

function syntaxCheck(file: string, name: string): string | undefined {
  const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const result = spawnSync(command, args, { encoding: 'utf8', env: { ...env, PYTHONDONTWRITEBYTECODE: '1' } });
    return result.status === 0 ? undefined : `${command}: ${result.stderr || result.stdout}`;
  };
  if (file.endsWith('.php')) return tools.php ? run('php', ['-l', file]) : undefined;
  if (file.endsWith('.rb')) return tools.ruby ? run('ruby', ['-c', file]) : undefined;
  if (isPython2(name)) return python2 ? run(python2.command, ['-c', 'import sys, compiler; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', file], python2.env) : undefined;
  return tools.python3 ? run('python3', ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', file]) : undefined;
}

describe('PHP, Python and Ruby fixture pairs', () => {
  it('has a positive and a negative pair for every shape of every language', () => {
    const shapes = new Map<string, { positive: number; negative: number }>();
    for (const pair of pairs) {
      const shape = pair.name.split('/')[0]!;
      const counts = shapes.get(shape) ?? { positive: 0, negative: 0 };
      counts[isNegative(pair) ? 'negative' : 'positive']++;
      shapes.set(shape, counts);
    }
    for (const language of ['php-', 'py-', 'rb-']) expect([...shapes.keys()].filter((shape) => shape.startsWith(language)).length).toBeGreaterThanOrEqual(6);
    for (const [shape, counts] of shapes) {
      expect(counts.positive, `${shape} positive`).toBeGreaterThan(0);
      expect(counts.negative, `${shape} negative`).toBeGreaterThan(0);
    }
  });

  describe.each(pairs)('$name', (pair) => {
    const input = readFileSync(pair.input, 'utf8');
    const expected = readFileSync(pair.output, 'utf8');

    it('reports the findings its .findings.json states', () => expectStatedFindings(pair, input));

    it('migrates to the expected bytes; a negative twin stays as it is', () => {
      const result = migrateSource(input, { filePath: pair.filePath });
      expect(result.refusedReason).toBeUndefined();
      expect(result.output).toBe(expected);
      expect(result.changed).toBe(!isNegative(pair));
    });

    it('is a no-op the second time, and leaves nothing fixable', () => {
      const twice = migrateSource(expected, { filePath: pair.filePath });
      expect(twice.changed).toBe(false);
      expect(twice.findings.filter((finding) => finding.fixable)).toEqual([]);
      expect(analyzeSource(expected, { filePath: pair.filePath }).parseError).toBeUndefined();
    });

    it('keeps a BOM and CRLF line endings', () => {
      const crlf = (text: string) => '\uFEFF' + text.replace(/\n/g, '\r\n');
      expect(migrateSource(crlf(input), { filePath: pair.filePath }).output).toBe(crlf(expected));
    });

    it("passes the language's own syntax check", () => {
      expect(syntaxCheck(pair.output, pair.name)).toBeUndefined();
    });
  });
});

describe('request-equivalence oracle on the executable PHP and Python pairs', () => {
  const executable = pairs.filter((pair) => (pair.filePath.endsWith('.php') && tools.php) || (pair.filePath.endsWith('.py') && (isPython2(pair.name) ? python2 : tools.python3)));
  it.each(executable)('$name sends the same requests, with authtoken and scope for apikey and ticket', (pair) => {
    const record = (file: string) => (file.endsWith('.php') ? recordPhp(file) : isPython2(pair.name) ? recordPython(file, python2!.command, python2!.env) : recordPython(file, 'python3'));
    const before = record(pair.input);
    const after = record(pair.output);
    expect(before.length).toBeGreaterThan(0);
    const scopes = before.map((request) => {
      const endpoint = classifyRequestText(request.url);
      return endpoint?.kind === 'service' ? scopeOf(endpoint.service, 'crmapi') : undefined;
    });
    expect(requestDifference(before, after, scopes)).toBeUndefined();
    if (!isNegative(pair)) expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
  });
});

describe('configured token expressions', () => {
  it('inserts the per-language expression of the configuration, and Python gets no import for another module', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'token-exprs-'));
    try {
      const source = "import requests\nrequests.get('https://crm.zoho.com/crm/private/json/Leads/getRecords', params={'apikey': k, 'ticket': t})\n";
      const result = migrateSource(source, { filePath: 'a.py', tokenExprs: { python: 'settings.ZOHO_TOKEN' } });
      expect(result.output).toBe("import requests\nrequests.get('https://crm.zoho.com/crm/private/json/Leads/getRecords', params={'authtoken': settings.ZOHO_TOKEN, 'scope': 'crmapi'})\n");
      const php = migrateSource("<?php\n$u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=' . $k;\n", { filePath: 'a.php', tokenExprs: { php: '$config->zohoToken' } });
      expect(php.output).toBe("<?php\n$u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?authtoken=' . $config->zohoToken . '&scope=crmapi';\n");
      writeFileSync(path.join(dir, 'x'), '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds `import os` once, after the docstring and __future__ imports, only when the module lacks it', () => {
    const source = '"""Doc."""\nfrom __future__ import print_function\nimport urllib2\nu = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=" + k\nv = "https://crm.zoho.com/crm/private/xml/Deals/getRecords?apikey=" + k\n';
    const output = migrateSource(source, { filePath: 'a.py' }).output;
    expect(output.split('\n').slice(0, 4)).toEqual(['"""Doc."""', 'from __future__ import print_function', 'import os', 'import urllib2']);
    expect(output.match(/import os/g)).toHaveLength(1);
    const withOs = 'import os, sys\nu = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=" + k\n';
    expect(migrateSource(withOs, { filePath: 'a.py' }).output).toBe('import os, sys\nu = "https://crm.zoho.com/crm/private/xml/Leads/getRecords?authtoken=" + os.environ[\'ZOHO_CRM_AUTHTOKEN\'] + "&scope=crmapi"\n');
  });
});

describe('files that do not parse', () => {
  it('are a parse-error finding with the text scan, never rewritten', () => {
    const source = "<?php\nfunction f( {\n$u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=' . $k . '&ticket=' . $t;\n";
    const result = migrateSource(source, { filePath: 'broken.php' });
    expect(result.changed).toBe(false);
    expect(result.findings.map((finding) => finding.ruleId)).toContain('parse-error');
    expect(result.findings.some((finding) => finding.ruleId === 'legacy-auth-params' && finding.line === 3)).toBe(true);
  });
});

describe('constants from included files', () => {
  const files: Record<string, string> = {
    'lib/config.php': "<?php\ndefine('ZOHO_URL', 'https://crm.zoho.com/crm/private/xml/');\n",
    'lib/settings.py': "CRM = 'https://crm.zoho.com/crm/private/json/'\n",
    'lib/zoho_config.rb': "CRM = 'https://crm.zoho.com/crm/private/xml/'\n",
    'lib/other.php': "<?php\ndefine('ZOHO_URL', 'https://api.example.com/');\n",
  };
  const readIncluded = (from: string, relative: string) => files[path.posix.join(path.posix.dirname(from), relative)];

  it('prove a request Zoho through require_once, from ... import and require_relative', () => {
    const php = "<?php\nrequire_once dirname(__FILE__) . '/config.php';\n$u = ZOHO_URL . 'Leads/getRecords?apikey=' . $k . '&ticket=' . $t;\n";
    expect(migrateSource(php, { filePath: 'lib/leads.php', readIncluded }).output).toContain("$u = ZOHO_URL . 'Leads/getRecords?authtoken=' . getenv('ZOHO_CRM_AUTHTOKEN') . '&scope=crmapi';");
    const python = "from settings import CRM\nimport requests\nrequests.get(CRM + 'Leads/getRecords', params={'apikey': k, 'ticket': t})\n";
    expect(migrateSource(python, { filePath: 'lib/leads.py', readIncluded }).output).toContain("params={'authtoken': os.environ['ZOHO_CRM_AUTHTOKEN'], 'scope': 'crmapi'}");
    const ruby = "require_relative 'zoho_config'\nNet::HTTP.get(URI(CRM + 'Leads/getRecords?apikey=' + k + '&ticket=' + t))\n";
    expect(migrateSource(ruby, { filePath: 'lib/leads.rb', readIncluded }).output).toContain("URI(CRM + 'Leads/getRecords?authtoken=' + ENV['ZOHO_CRM_AUTHTOKEN'] + '&scope=crmapi')");
  });

  it('leave the request alone when the included constant is not Zoho, or the file cannot be read', () => {
    const php = "<?php\nrequire 'other.php';\n$u = ZOHO_URL . 'Leads/getRecords?apikey=' . $k . '&ticket=' . $t;\n";
    expect(migrateSource(php, { filePath: 'lib/leads.php', readIncluded }).changed).toBe(false);
    expect(migrateSource(php.replace('other.php', 'missing.php'), { filePath: 'lib/leads.php', readIncluded }).changed).toBe(false);
    expect(migrateSource(php, { filePath: 'lib/leads.php' }).changed).toBe(false);
  });
});
