import type { Finding } from './core/findings.js';
import type { Excerpt } from './core/source/excerpt.js';

/**
 * The result of a run as data: what the runner produces and the reporters, the CLI and the
 * library read. Its own module, outside src/runner, so a reporter never depends on the runner.
 */

export type Command = 'migrate' | 'check' | 'report';

export type FileStatus = 'changed' | 'unchanged' | 'error' | 'skipped';

/** A finding as reported: the file it is in, no edits, credential values masked. */
export interface ReportedFinding {
  ruleId: Finding['ruleId'];
  severity: Finding['severity'];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
  fingerprint: string;
  /** `report` only: the lines of the construct, masked, so reporters can show code. */
  excerpt?: Excerpt;
}

export interface FileResult {
  /** Relative to the working directory, `/`-separated. */
  file: string;
  status: FileStatus;
  /** The unified diff migrate writes (or would write), masked. */
  diff?: string;
  /** Why a file was skipped or failed: one line. */
  reason?: string;
  /** Findings in the file as it was read. */
  findings: ReportedFinding[];
  /** Findings left after the rewrite (migrate and report); equal to `findings` for check. */
  remaining: ReportedFinding[];
  /** Literal credential values seen in this file; reporters never print them. */
  secrets: string[];
  /** Findings silenced by inline suppression comments (not in `findings`). */
  suppressed?: number;
  /** Too big or too long to parse: read by the text scan only (`reason` says which limit). */
  isTextOnly?: boolean;
  /** `--remove-ticket-code`: what went, with the reason it was safe (lines of the rewritten text). */
  removedTicketCode?: RemovedTicketCode[];
}

/** One deletion of `--remove-ticket-code`. */
export interface RemovedTicketCode {
  line: number;
  endLine: number;
  /** What it was (`Zoho ticket login`, `export getTicket`, `session.getTicket callback wrapper`). */
  what: string;
  /** Why removing it was safe. */
  reason: string;
}

export interface Summary {
  filesScanned: number;
  filesWithFindings: number;
  findings: number;
  fixable: number;
  filesChanged: number;
  errors: number;
  /** Findings silenced by inline suppression comments (additive to DESIGN §3). */
  suppressed: number;
  /** check --baseline: findings left out because the baseline records them (additive). */
  baselined?: number;
  /** Files too big or too long to parse, read by the text scan instead (additive; only when there are any; not among the skipped). */
  textOnly?: number;
}

export interface RunResult {
  command: Command;
  /** Writing was off: true for `migrate --dry-run` and for `check` and `report`, which never write. */
  isDryRun: boolean;
  tokenExpr: string;
  scope: string;
  files: FileResult[];
  summary: Summary;
  /** Stopped by SIGINT before every file was done: `files` holds only the finished ones. */
  interrupted?: boolean;
}

/** All findings of a run in file order: `findings` for check, what the rewrite leaves for migrate. */
export function allFindings(result: RunResult, which: 'findings' | 'remaining' = 'findings'): ReportedFinding[] {
  return listOfFiles(result.files, which);
}

/**
 * One of the lists of every file, in file order, as one list (`flatMap` does the same, several
 * times slower over the tens of thousands of empty lists of a big tree's run).
 */
export function listOfFiles<K extends 'findings' | 'remaining' | 'secrets'>(files: readonly FileResult[], which: K): FileResult[K][number][] {
  const all: FileResult[K][number][] = [];
  for (const file of files) {
    const list = file[which];
    for (let i = 0; i < list.length; i++) all.push(list[i]!);
  }
  return all;
}
