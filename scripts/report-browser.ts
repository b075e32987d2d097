/**
 * Opens HTML reports in a real headless Chromium: Debian's `chromium` package driven by
 * playwright-core (no browser download). Used by the end-to-end test and by `npm run screenshot`,
 * so the README's screenshot is made exactly the way the test looks at the page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (CI runs as root), no GPU, none of Chromium's own network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MISSING_CHROMIUM =
  `Chromium not found at ${CHROMIUM_PATH}: the HTML report's browser test needs it. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (Debian), or point CHROMIUM_PATH at a Chromium binary.';

/** The repository root, from the TypeScript source (scripts/) or its bundle (dist/scripts/). */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'zoho-authtoken-codemod') return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the zoho-authtoken-codemod repository root');
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Runs the built CLI's `report --format html` in `cwd` and returns the path of the page it wrote. */
export function writeHtmlReport(cwd: string, args: readonly string[] = ['.']): string {
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'zoho-authtoken-html-')), 'report.html');
  const bin = path.join(repoRoot(), 'dist/src/bin.js');
  const result = spawnSync(process.execPath, [bin, 'report', ...args, '--format', 'html', '--output', output], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // 1 means manual work remains: the report is still complete.
  if (result.status !== 0 && result.status !== 1) throw new Error(`report exited ${result.status}: ${result.stderr.trim()}`);
  return output;
}

export interface OpenedReport {
  page: Page;
  url: string;
  /** Console messages of type error or warning (a CSP violation lands here too). */
  consoleProblems: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every request the page made, the page itself included. */
  requests: string[];
  /** alert/confirm/prompt opened by the page: an injected script would show up here. */
  dialogs: string[];
  close(): Promise<void>;
}

/** Opens a report from file:// and waits until its script has drawn everything. */
export async function openReport(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<OpenedReport> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light' });
  const page = await context.newPage();
  const opened: OpenedReport = { page, url: pathToFileURL(file).href, consoleProblems: [], pageErrors: [], requests: [], dialogs: [], close: () => context.close() };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.pageErrors.push(error.message));
  context.on('request', (request) => opened.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(opened.url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15_000 });
  return opened;
}

/** The HTML report of the bundled sample app, as the README shows it. */
export async function screenshotSampleReport(browser: Browser, pngFile: string): Promise<OpenedReport> {
  const html = writeHtmlReport(path.join(repoRoot(), 'fixtures/legacy-crm-app'));
  const opened = await openReport(browser, html);
  await opened.page.screenshot({ path: pngFile, fullPage: true });
  return opened;
}
