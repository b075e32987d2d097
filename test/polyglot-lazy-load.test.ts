import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { resolveOptions } from '../src/core/options.js';
import { parserLoadCount } from '../src/core/polyglot/parsed/syntax-tree.js';
import { processFileTask } from '../src/runner/process-file.js';

/**
 * The PHP/Python/Ruby grammars are native code: they must load only when a candidate file of one
 * of those languages is analysed, so that `npm run bench` (mostly JavaScript, and PHP files that
 * the prefilter drops) keeps its figures. Each vitest file runs in a fresh worker: the count starts at 0.
 */
describe('the tree-sitter grammars load lazily', () => {
  it('stay unloaded for JavaScript, for non-candidate PHP/Python/Ruby files and for files the prefilter drops', async () => {
    analyzeSource("fetch('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + k);\n", { filePath: 'a.js' });
    analyzeSource('<?php echo "hello";\n', { filePath: 'a.php' });
    analyzeSource('print("hello")\n', { filePath: 'a.py' });
    analyzeSource('puts "hello"\n', { filePath: 'a.rb' });
    // FROM_AGENT/LOGIN_ID make a candidate for JavaScript's cross-module constants only: the parser reads this file alone.
    analyzeSource("requests.post(LOGIN, data={'LOGIN_ID': user, 'PASSWORD': password, 'FROM_AGENT': 'true'})\n", { filePath: 'a.py' });
    const dir = mkdtempSync(path.join(tmpdir(), 'lazy-'));
    writeFileSync(path.join(dir, 'plain.php'), '<?php\n$a = array("x" => 1);\n');
    const outcome = await processFileTask({ absolute: path.join(dir, 'plain.php'), file: 'plain.php' }, { command: 'check', core: resolveOptions(), limits: { maxBytes: 1 << 20, maxLineLength: 10000 } });
    expect(outcome.result.status).toBe('unchanged');
    expect(parserLoadCount()).toBe(0);
  });

  it('load once, on the first candidate, for all three languages', () => {
    const started = performance.now();
    analyzeSource("<?php\n$u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=' . $k;\n", { filePath: 'a.php' });
    const firstMs = performance.now() - started;
    analyzeSource("u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=' + k\n", { filePath: 'a.py' });
    analyzeSource("u = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=' + k\n", { filePath: 'a.rb' });
    expect(parserLoadCount()).toBe(1);
    console.log(`first PHP candidate, grammars loaded: ${firstMs.toFixed(1)} ms`);
  });
});
