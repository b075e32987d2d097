import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { migrateSource } from '../src/core/migrate-source.js';
import type { Expected } from './lifecycle-cases/case.js';
import { GENERATION_CASES } from './lifecycle-cases/generation.js';
import { LOOK_ALIKE_CASES } from './lifecycle-cases/look-alikes.js';
import { REGENERATION_CASES } from './lifecycle-cases/regeneration.js';

function lifecycleFindings(source: string, file = 'src/zoho/session.js'): Expected[] {
  return analyzeSource(source, { filePath: file })
    .findings.filter((finding) => finding.ruleId === 'ticket-generation' || finding.ruleId === 'ticket-regeneration')
    .map((finding) => [finding.ruleId as Expected[0], finding.line, finding.endLine]);
}

const positives = [...GENERATION_CASES, ...REGENERATION_CASES];
const negatives = LOOK_ALIKE_CASES;

describe('ticket lifecycle rules (table)', () => {
  it.each(positives)('flags $name', ({ source, expected, file }) => {
    expect(lifecycleFindings(source, file)).toEqual(expected);
  });

  it.each(negatives)('does not flag $name', ({ source, file }) => {
    expect(lifecycleFindings(source, file)).toEqual([]);
  });

  it('covers every bullet of the issue', () => {
    expect(positives.length).toBeGreaterThanOrEqual(25);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
  });

  it('does not also report a TICKET= parse as an unprovable ticket parameter', () => {
    const source = positives.find((c) => c.name.startsWith("response parsed with split('\\n')"))!.source;
    const findings = analyzeSource(source, { filePath: 'src/zoho/session.js' }).findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['ticket-generation']);
  });

  it.each(positives)('migrate never deletes or rewrites it: $name', ({ source, file }) => {
    const result = migrateSource(source, { filePath: file ?? 'src/zoho/session.js' });
    expect(result.output).toBe(source);
    expect(result.remaining.filter((finding) => finding.ruleId.startsWith('ticket-')).length).toBeGreaterThan(0);
  });
});
