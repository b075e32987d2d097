/**
 * `npm run screenshot`: renders the HTML report of fixtures/legacy-crm-app in headless Chromium
 * and writes docs/report-html.png, the screenshot the README shows.
 */
import path from 'node:path';
import { launchChromium, repoRoot, screenshotSampleReport } from './report-browser.js';

const target = path.join(repoRoot(), 'docs/report-html.png');
const browser = await launchChromium();
try {
  const opened = await screenshotSampleReport(browser, target);
  const problems = [...opened.consoleProblems, ...opened.pageErrors];
  await opened.close();
  if (problems.length > 0) throw new Error(`the report logged problems:\n${problems.join('\n')}`);
} finally {
  await browser.close();
}
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
