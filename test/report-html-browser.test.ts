import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  MISSING_CHROMIUM,
  openReport,
  screenshotSampleReport,
  writeHtmlReport,
  type OpenedReport,
} from '../scripts/report-browser.js';
import { copyProject, REPO_ROOT } from './helpers/projects.js';
import { xssProject } from './helpers/xss-project.js';

/**
 * Without a browser this test cannot pass, and must not pass quietly. In CI (`CI` set, or
 * `.ci/run`, which installs Chromium and sets ZOHO_REQUIRE_BROWSER=1) a missing browser fails
 * the run. On a developer machine without root it is skipped, with a warning on stderr and in the
 * test's name, so `npm test` stays usable there and nobody mistakes the skip for a pass.
 */
const isBrowserRequired = Boolean(process.env.CI) || process.env.ZOHO_REQUIRE_BROWSER === '1';
const isSkipped = !hasChromium() && !isBrowserRequired;
if (isSkipped) process.stderr.write(`\n!!! SKIPPED the HTML report browser test: ${MISSING_CHROMIUM}\n\n`);

const RESULTS = path.join(REPO_ROOT, 'test-results');

async function visible(page: Page, selector: string): Promise<number> {
  return page.locator(selector).filter({ visible: true }).count();
}

function expectQuietPage(report: OpenedReport): void {
  expect(report.consoleProblems).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.dialogs).toEqual([]);
  // The page itself is the one and only request.
  expect(report.requests).toEqual([report.url]);
}

describe.skipIf(isSkipped)(isSkipped ? `HTML report in headless Chromium: SKIPPED, no browser at ${CHROMIUM_PATH}` : 'HTML report in headless Chromium', () => {
  let browser: Browser;
  const opened: OpenedReport[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const report of opened) await report.close();
    await browser?.close();
  });

  it('renders the sample app report: counts, diffs, both diff views; no errors, no requests; saves a screenshot', async () => {
    // The same code path as `npm run screenshot`, which made docs/report-html.png.
    const report = await screenshotSampleReport(browser, path.join(RESULTS, 'report-html.png'));
    opened.push(report);
    const { page } = report;
    // Eleven JavaScript files and package.json (config files are scanned too).
    expect(await page.textContent('#stat-files-scanned')).toBe('12');
    expect(await page.textContent('#stat-files-to-change')).toBe('7');
    expect(await page.textContent('#stat-fixable')).toBe('12');
    // Ticket login and regeneration code in lib/zoho/session.js adds manual findings once detected.
    expect(Number(await page.textContent('#stat-findings'))).toBeGreaterThanOrEqual(5);
    expect(await page.textContent('#migrate-command')).toBe('npx zoho-authtoken-codemod migrate .');
    expect(await page.textContent('#create-token-url')).toBe(
      'https://accounts.zoho.com/apiauthtoken/nb/create?SCOPE=ZohoCRM/crmapi&EMAIL_ID=<user>&PASSWORD=<password>',
    );
    expect(await page.textContent('#oauth-warning')).toContain('Zoho retired authtokens in 2021 in favour of OAuth 2.0');
    expect(await page.locator('#chart-rules .chart-row').count()).toBeGreaterThan(0);

    const cards = page.locator('details.change');
    expect(await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-file')))).toEqual([
      'lib/zoho/accounts.js',
      'lib/zoho/contacts.js',
      'lib/zoho/deals-axios.js',
      'lib/zoho/leads.js',
      'lib/zoho/notes-fetch.js',
      'lib/zoho/potentials.js',
      'lib/zoho/tasks-request.js',
    ]);
    const potentials = page.locator('details.change[data-file="lib/zoho/potentials.js"] table.diff-unified');
    expect(await potentials.isVisible()).toBe(true);
    expect(await potentials.locator('tr.row-del td.code').allTextContents()).toEqual(["    url += '?apikey=' + session.apiKey;", "    url += '&ticket=' + ticket;"]);
    expect(await potentials.locator('tr.row-add td.code').allTextContents()).toEqual(["    url += '?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN;", "    url += '&scope=crmapi';"]);
    // Syntax colouring and the changed characters are marked.
    const added = potentials.locator('tr.row-add td.code').first();
    expect((await added.locator('.tok-str').allTextContents()).join('')).toBe("'?authtoken='");
    expect((await added.locator('.chg').allTextContents()).join('')).toBe("uthtoken=' + process.env.ZOHO_CRM_AUTHTOKEN");

    await page.check('input[name="diff-view"][value="split"]');
    expect(await visible(page, 'table.diff-unified')).toBe(0);
    expect(await visible(page, 'table.diff-split')).toBe(7);
    const split = page.locator('details.change[data-file="lib/zoho/potentials.js"] table.diff-split tr').filter({ hasText: "url += '?apikey='" });
    expect(await split.locator('td.code').allTextContents()).toEqual(["    url += '?apikey=' + session.apiKey;", "    url += '?authtoken=' + process.env.ZOHO_CRM_AUTHTOKEN;"]);

    expectQuietPage(report);
  });

  it('filters by rule, folder, fixability and text, and a chart bar sets the rule filter', async () => {
    const report = await openReport(browser, writeHtmlReport(copyProject('report')));
    opened.push(report);
    const { page } = report;
    expect(await visible(page, '#findings-table tbody tr')).toBe(8);
    expect(await visible(page, 'details.change')).toBe(2);
    expect(await visible(page, '#section-manual article')).toBe(5);

    await page.selectOption('#filter-rule', 'parse-error');
    expect(await visible(page, '#findings-table tbody tr')).toBe(1);
    expect(await visible(page, 'details.change')).toBe(0);
    expect(await visible(page, '#section-manual article')).toBe(1);
    expect(await page.textContent('#count-findings')).toBe('1 of 8');
    expect(await page.isVisible('#section-changes .empty')).toBe(true);

    await page.click('#filter-reset');
    await page.selectOption('#filter-fix', 'fixable');
    expect(await visible(page, '#section-manual article')).toBe(0);
    expect(await visible(page, '#findings-table tbody tr')).toBe(4);
    expect(await visible(page, 'details.change')).toBe(2);

    await page.selectOption('#filter-fix', 'manual');
    expect(await visible(page, 'details.change')).toBe(0);
    expect(await visible(page, '#findings-table tbody tr')).toBe(4);

    await page.click('#filter-reset');
    await page.selectOption('#filter-folder', 'src/crm');
    expect(await visible(page, 'details.change')).toBe(2);
    expect(await visible(page, '#section-manual article')).toBe(0);

    await page.click('#filter-reset');
    await page.fill('#filter-query', 'getRecordById');
    expect(await page.locator('details.change').filter({ visible: true }).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-file')))).toEqual([
      'src/crm/contacts.ts',
    ]);

    await page.click('#filter-reset');
    await page.click('#chart-rules .chart-row:has-text("hardcoded-credential")');
    expect(await page.inputValue('#filter-rule')).toBe('hardcoded-credential');
    expect(await visible(page, '#findings-table tbody tr')).toBe(1);
    expect(await visible(page, 'details.change')).toBe(1);

    expectQuietPage(report);
  });

  it('shows hostile source text and file names as text: nothing runs, nothing loads', async () => {
    const report = await openReport(browser, writeHtmlReport(xssProject()));
    opened.push(report);
    const { page } = report;
    await page.screenshot({ path: path.join(RESULTS, 'report-html-xss.png'), fullPage: true });
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, svg, iframe, object, embed, details details').count()).toBe(0);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain("</script><script>window.__pwned = 'script'</script>");
    expect(text).toContain('<svg onload="window.__pwned = 2">');
    expect(await page.locator('details.change').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-file')))).toEqual([
      'src/<img src=x onerror="window.__pwned = 3">.js',
      'src/evil.js',
    ]);
    expectQuietPage(report);
  });
});
