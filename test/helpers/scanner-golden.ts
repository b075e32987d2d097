import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/core/findings.js';

/** A scanner fixture: `fixtures/scanner/<language>/<file>` and its `<file>.findings.json`. */
export interface ScannerFixture {
  name: string;
  file: string;
  golden: string;
}

export const GOLDEN_SUFFIX = '.findings.json';

export function listScannerFixtures(root: string): ScannerFixture[] {
  const fixtures: ScannerFixture[] = [];
  for (const language of readdirSync(root, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    for (const file of readdirSync(path.join(root, language.name)).sort()) {
      if (file.endsWith(GOLDEN_SUFFIX)) continue;
      const full = path.join(root, language.name, file);
      fixtures.push({ name: `${language.name}/${file}`, file: full, golden: `${full}${GOLDEN_SUFFIX}` });
    }
  }
  return fixtures;
}

/**
 * What a golden file records for each finding: rule, severity, 1-based start and end, and the
 * source text of the range, so a reader can check the position by eye. One finding per line.
 */
export function formatGolden(text: string, findings: readonly Finding[]): string {
  const lines = findings.map((finding) =>
    JSON.stringify({
      ruleId: finding.ruleId,
      severity: finding.severity,
      at: `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`,
      text: text.slice(finding.range.start, finding.range.end),
      message: finding.message,
    }),
  );
  return lines.length === 0 ? '[]\n' : `[\n  ${lines.join(',\n  ')}\n]\n`;
}
