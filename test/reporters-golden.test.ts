import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReporter, formatsFor, renderReport, type ReporterContext } from '../src/reporters/index.js';
import { TOOL } from '../src/version.js';
import { cannedCheckResult, LEAKED_SECRET } from './helpers/canned-result.js';
import { REPO_ROOT } from './helpers/projects.js';

const GOLDEN_DIR = path.join(REPO_ROOT, 'fixtures/golden');
/** `UPDATE_GOLDEN=1 npx vitest run test/reporters-golden.test.ts` rewrites them; review the diff. */
const isUpdating = process.env.UPDATE_GOLDEN === '1';

/** The version would make every release rewrite the goldens. */
function normalize(text: string): string {
  return text.split(TOOL.version).join('<version>');
}

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const text = normalize(actual);
  if (isUpdating || !existsSync(file)) {
    if (!isUpdating) throw new Error(`missing golden ${name}; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const GOLDEN_FILE: Record<string, string> = {
  text: 'check.txt',
  json: 'check.json',
  sarif: 'check.sarif',
  github: 'check.github.txt',
  gitlab: 'check.gitlab.json',
  junit: 'check.junit.xml',
};

/** Run from packages/api of a monorepo: formats that need repository paths prefix it. */
const context: ReporterContext = { isColor: false, repoPrefix: 'packages/api', ruleDocs: { dir: 'node_modules/zoho-authtoken-codemod/docs/rules' } };

describe('check reporters against golden files (one canned result)', () => {
  it('has a golden for every check format', () => {
    expect(formatsFor('check').sort()).toEqual(Object.keys(GOLDEN_FILE).sort());
  });

  it.each(Object.entries(GOLDEN_FILE))('%s', (format, golden) => {
    const reporter = findReporter(format, 'check')!;
    const output = renderReport(reporter, cannedCheckResult(), context);
    expectGolden(golden, output);
    expect(output).not.toContain(LEAKED_SECRET);
    expect(output).not.toContain('\u001b[');
  });

  it('text in colour (a TTY without NO_COLOR)', () => {
    const output = renderReport(findReporter('text', 'check')!, cannedCheckResult(), { isColor: true });
    expect(output).toContain('\u001b[31merror\u001b[0m');
    expectGolden('check.color.txt', output);
  });

  it('github job summary', () => {
    const reporter = findReporter('github', 'check')!;
    const summary = reporter.renderStepSummary!(cannedCheckResult(), context);
    expectGolden('check.github-summary.md', summary.split(LEAKED_SECRET).join('****'));
  });

  it('machine formats parse', () => {
    const result = cannedCheckResult();
    for (const format of ['json', 'sarif', 'gitlab']) {
      expect(() => JSON.parse(renderReport(findReporter(format, 'check')!, result, context)), format).not.toThrow();
    }
  });
});
