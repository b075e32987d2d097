import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { CANDIDATE_ANCHORS, isCandidateBytes, isCandidateText } from '../src/runner/prefilter.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { REPO_ROOT } from './helpers/projects.js';

/** Every fixture file the analysis reads (JS/TS, pages, other languages, config files). */
function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '_gitignore' && !/\.(md|txt|png)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('prefilter', () => {
  // The guard that keeps the anchor list honest: a detector that reports in a file without any
  // anchor (a new shape, a lifecycle rule) makes this fail until its anchor joins the list.
  const files = [
    ...listFixturePairs(path.join(REPO_ROOT, 'fixtures/transforms')).flatMap((pair) => [pair.input, pair.output]),
    ...['projects', 'legacy-crm-app', 'scanner'].flatMap((dir) => fixtureFiles(path.join(REPO_ROOT, 'fixtures', dir))),
  ];
  it.each(files.map((file) => [path.relative(REPO_ROOT, file), file]))('lets %s through when the analysis finds anything in it', (_, file) => {
    const bytes = readFileSync(file);
    // Fixture pairs are named `case.input.ext`: the analysis sees `case.ext`, as the fixture test does.
    const filePath = path.basename(file).replace(/\.(input|output)\./, '.');
    const findings = analyzeSource(bytes.toString('utf8'), { filePath }).findings;
    if (findings.length > 0) expect(isCandidateBytes(bytes)).toBe(true);
    expect(isCandidateBytes(bytes)).toBe(isCandidateText(bytes.toString('utf8')));
  });

  it.each([
    ['https://crm.zoho.eu/crm/private/xml/Leads/getRecords'],
    ["params.APIKEY = key"],
    ['function refreshTicket() {}'],
    ["ACCOUNTS + '/login?FROM_AGENT=true&LOGIN_ID=' + user"],
    ['const TICKET_TTL = 604800000;'],
    ['if (Date.now() - issuedAt > 7 * 24 * 60 * 60 * 1000) login();'],
    ['setTimeout(renew, 24*7*3600*1000)'],
    ['const expiry = 7 * ONE_DAY - margin;'],
    ['setInterval(renew, ONE_WEEK)'],
    ["if (code === 4834) return relogin();"],
  ])('lets %j through', (text) => {
    expect(isCandidateText(text)).toBe(true);
    expect(isCandidateBytes(Buffer.from(`// héllo\n${text}\n`, 'utf8'))).toBe(true);
  });

  it.each([
    ['import { startOfWeek, addWeeks } from "date-fns";'],
    ['t = 1540483477 * (t & 65535);'],
    ['const port = 48340;'],
    ['const total = 17 * 24;'],
    ['export const Zo = "ho";'],
  ])('does not let %j through', (text) => {
    expect(isCandidateText(text)).toBe(false);
    expect(isCandidateBytes(Buffer.from(text))).toBe(false);
  });

  it('matches anchors on bytes exactly as on text, next to multi-byte UTF-8', () => {
    expect(isCandidateBytes(Buffer.from('const 東京 = "ZoHo";', 'utf8'))).toBe(true);
    expect(isCandidateBytes(new Uint8Array(Buffer.from('x = "tickét"', 'utf8')))).toBe(false);
  });

  it('documents every anchor', () => {
    for (const anchor of CANDIDATE_ANCHORS) expect(anchor.why.length, anchor.pattern).toBeGreaterThan(10);
  });
});
