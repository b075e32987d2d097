import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { CANDIDATE_ANCHORS, isCandidateText } from '../src/core/candidate-anchors.js';
import { isCandidateBytes } from '../src/runner/prefilter.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { REPO_ROOT } from './helpers/projects.js';
import { GENERATION_CASES } from './lifecycle-cases/generation.js';
import { REGENERATION_CASES } from './lifecycle-cases/regeneration.js';

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

  // The lifecycle table's every positive case: ticket code in each spelling the rules know.
  it.each([...GENERATION_CASES, ...REGENERATION_CASES])('lets the lifecycle case "$name" through', ({ source, file }) => {
    expect(analyzeSource(source, { filePath: file ?? 'src/zoho/session.js' }).findings.length).toBeGreaterThan(0);
    expect(isCandidateText(source)).toBe(true);
  });

  it.each([
    ['https://crm.zoho.eu/crm/private/xml/Leads/getRecords'],
    ["params.APIKEY = key"],
    ['function refreshTicket() {}'],
    ["ACCOUNTS + '/login?FROM_AGENT=true&LOGIN_ID=' + user"],
    ['const TICKET_TTL = 604800000;'],
  ])('lets %j through', (text) => {
    expect(isCandidateText(text)).toBe(true);
    expect(isCandidateBytes(Buffer.from(`// héllo\n${text}\n`, 'utf8'))).toBe(true);
  });

  // Without ticket or Zoho evidence in the file, no rule reports a weekly period or a 4834 check,
  // so these need no anchor of their own (the lifecycle cases above have that evidence).
  it.each([
    ['if (Date.now() - issuedAt > 7 * 24 * 60 * 60 * 1000) login();'],
    ['setTimeout(renew, 24*7*3600*1000)'],
    ['const expiry = 7 * ONE_DAY - margin;'],
    ['import { renew } from "./session";\nsetInterval(renew, ONE_WEEK);'],
    ['const { relogin } = require("./crm");\nif (code === 4834) relogin();'],
  ])('needs no anchor for %j: nothing is reported in it', (text) => {
    expect(analyzeSource(text, { filePath: 'src/scheduler.js' }).findings).toEqual([]);
    expect(isCandidateText(text)).toBe(false);
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
