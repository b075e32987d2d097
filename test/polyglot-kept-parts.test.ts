import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';

/**
 * What follows a credential in PHP, Python and Ruby, judged as in JavaScript: an unproven
 * expression is kept with a `kept-part` note (before the rewrite and on migrate's output), one
 * proven to start with `&` is kept silently, text glued to the value refuses the rewrite.
 */
const URL = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords';
const cases = {
  'a.php': {
    kept: `<?php\n$u = '${URL}?apikey=' . $k . '&ticket=' . $t . $extra;\n`,
    interpolated: `<?php\n$u = "${URL}?apikey=$k&ticket={$t}$extra";\n`,
    proven: `<?php\n$sep = '&x=1';\n$u = '${URL}?apikey=' . $k . '&ticket=' . $t . $sep;\n`,
    glued: `<?php\n$u = '${URL}?apikey=' . $k . '&ticket=' . $t . 'abc&x=1';\n`,
    gluedConstant: `<?php\ndefine('PART', 'abc');\n$u = '${URL}?apikey=' . $k . '&ticket=' . $t . PART;\n`,
  },
  'a.py': {
    kept: `import os\nu = '${URL}?apikey=' + k + '&ticket=' + t + extra\n`,
    interpolated: `import os\nu = f'${URL}?apikey={k}&ticket={t}{extra}'\n`,
    proven: `import os\nSEP = '&x=1'\nu = '${URL}?apikey=' + k + '&ticket=' + t + SEP\n`,
    glued: `import os\nu = '${URL}?apikey=%s&ticket=%sabc' % (k, t)\n`,
    gluedConstant: `import os\nPART = 'abc'\nu = '${URL}?apikey=' + k + '&ticket=' + t + PART\n`,
  },
  'a.rb': {
    kept: `u = '${URL}?apikey=' + k + '&ticket=' + t + extra\n`,
    interpolated: `u = "${URL}?apikey=#{k}&ticket=#{t}#{extra}"\n`,
    proven: `SEP = '&x=1'\nu = '${URL}?apikey=' + k + '&ticket=' + t + SEP\n`,
    glued: `u = "${URL}?apikey=#{k}&ticket=#{t}abc"\n`,
    gluedConstant: `PART = 'abc'\nu = '${URL}?apikey=' + k + '&ticket=' + t + PART\n`,
  },
};

const notes = (findings: ReadonlyArray<{ message: string; severity: string }>) => findings.filter((finding) => finding.message.includes('was kept as written')).map((finding) => `${finding.severity} ${finding.message.split('`')[1]}`);

describe.each(Object.entries(cases))('%s', (filePath, sources) => {
  it.each(['kept', 'interpolated'] as const)('%s: an unproven part is kept, with a kept-part note before and after the rewrite', (shape) => {
    const result = migrateSource(sources[shape], { filePath });
    expect(result.changed).toBe(true);
    expect(result.output).toMatch(/extra/);
    expect(result.output).not.toMatch(/ticket|apikey/);
    expect(notes(result.findings)).toEqual(['note extra'.replace('extra', filePath.endsWith('.php') ? '$extra' : 'extra')]);
    expect(notes(result.remaining)).toEqual(notes(result.findings));
    // A later check on the output has no record of what was removed: the note belongs to the migration.
    expect(notes(analyzeSource(result.output, { filePath }).findings)).toEqual([]);
  });

  it('proven: a part that starts with & is kept without a note', () => {
    const result = migrateSource(sources.proven, { filePath });
    expect(result.changed).toBe(true);
    expect(notes(result.findings)).toEqual([]);
    expect(notes(result.remaining)).toEqual([]);
  });

  it.each(['glued', 'gluedConstant'] as const)('%s: text glued to the ticket refuses the rewrite, reported why', (shape) => {
    const result = migrateSource(sources[shape], { filePath });
    expect(result.changed).toBe(false);
    const reasons = result.findings.filter((finding) => finding.ruleId === 'legacy-auth-params' && !finding.fixable).map((finding) => finding.message);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(shape === 'glued' ? /text follows the ticket value without a separator/ : /the ticket value continues with a constant/);
  });
});
