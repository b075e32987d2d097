import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TOOL } from '../version.js';
import { describeIoError } from '../io-error.js';
import type { FileResult, ReportedFinding } from '../run-result.js';
import { UsageError } from '../usage-error.js';

/**
 * A baseline records today's findings by fingerprint, so that `check --baseline` fails only on
 * new ones. Fingerprints are built from the rule, the file and the construct's own text, never
 * from line numbers (src/core/fingerprint.ts), so a baseline survives edits that move lines.
 * The file keeps rule, file and message beside each fingerprint for the humans who review it,
 * and no line numbers, so that rewriting it after unrelated edits changes nothing.
 */
export const BASELINE_SCHEMA_VERSION = 1;

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  message: string;
}

export interface BaselineFile {
  schemaVersion: number;
  tool: string;
  findings: BaselineEntry[];
}

export interface BaselineOptions {
  cwd: string;
  /** `--baseline <file>`: findings recorded there are left out. */
  baseline?: string;
  /** `--write-baseline <file>`: record every finding of this run there. */
  writeBaseline?: string;
  changedSince?: string;
  shard?: unknown;
}

/** Refuses combinations that would write a baseline of part of the code base. */
export function checkBaselineOptions(options: BaselineOptions): void {
  if (options.writeBaseline !== undefined && (options.changedSince !== undefined || options.shard !== undefined)) {
    throw new UsageError('--write-baseline records the whole code base; run it without --changed-since and --shard');
  }
}

function isEntry(value: unknown): value is BaselineEntry {
  return typeof value === 'object' && value !== null && typeof (value as BaselineEntry).fingerprint === 'string';
}

/** The fingerprints of a baseline file; a missing or malformed file is a usage error (exit 2). */
export async function loadBaseline(file: string, cwd: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${describeIoError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const baseline = parsed as Partial<BaselineFile>;
  if (baseline?.schemaVersion !== BASELINE_SCHEMA_VERSION || !Array.isArray(baseline.findings) || !baseline.findings.every(isEntry)) {
    throw new UsageError(`baseline ${file} is not a ${TOOL.name} baseline (schemaVersion ${BASELINE_SCHEMA_VERSION} with a findings array); write one with --write-baseline`);
  }
  return new Set(baseline.findings.map((entry) => entry.fingerprint));
}

/** The baseline of these results, as the text written to disk: sorted, so it diffs well. */
export function renderBaseline(files: readonly FileResult[]): string {
  const entries: BaselineEntry[] = files
    .flatMap((file) => file.findings)
    .map((finding) => ({ file: finding.file, ruleId: finding.ruleId, fingerprint: finding.fingerprint, message: finding.message }));
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  const baseline: BaselineFile = { schemaVersion: BASELINE_SCHEMA_VERSION, tool: TOOL.name, findings: entries };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Written beside its final place and renamed over it: a crash never leaves half a baseline. */
export async function writeBaseline(file: string, cwd: string, files: readonly FileResult[]): Promise<void> {
  const target = path.resolve(cwd, file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, renderBaseline(files), { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(`cannot write baseline ${file}: ${describeIoError(error)}`);
  }
}

function withoutBaselined(findings: readonly ReportedFinding[], fingerprints: ReadonlySet<string>): ReportedFinding[] {
  return findings.filter((finding) => !fingerprints.has(finding.fingerprint));
}

/** Leaves out the findings a baseline records; returns the files and how many were left out. */
export function applyBaseline(files: readonly FileResult[], fingerprints: ReadonlySet<string>): { files: FileResult[]; baselined: number } {
  let baselined = 0;
  const kept = files.map((file) => {
    const findings = withoutBaselined(file.findings, fingerprints);
    if (findings.length === file.findings.length) return file;
    baselined += file.findings.length - findings.length;
    return { ...file, findings, remaining: withoutBaselined(file.remaining, fingerprints) };
  });
  return { files: kept, baselined };
}
