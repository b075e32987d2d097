import type { DraftFinding } from './context.js';
import { shiftCredentialUse } from './credentials/credential-use.js';
import type { Finding } from './findings.js';
import { Fingerprinter } from './fingerprint.js';
import type { RuleSettings } from './options.js';
import { formatMessage } from './rules.js';
import { isRuleOff, severityOf } from './severity.js';
import { LineIndex } from './source/line-index.js';
import { applySuppressions, unusedSuppressionDraft, type SuppressionDirective } from './suppressions.js';

const byPosition = (a: Finding, b: Finding) => a.range.start - b.range.start || a.range.end - b.range.end;

/**
 * THE draft-to-finding pipeline of every language (JavaScript/TypeScript, scripts in markup and
 * the markup, other languages): drafts and a piece's findings go in, in the file's own
 * coordinates (offsets into the text without its BOM); the findings come out with 1-based
 * positions, BOM-aware ranges, edits, removed credentials and annotations, fingerprinted in file
 * order, with the suppressions and the rule settings applied by `settleFindings`.
 */
export class FileFindings {
  readonly lines: LineIndex;
  private readonly findings: Finding[] = [];

  constructor(
    /** The file's text without a BOM. */
    private readonly text: string,
    /** 1 when the file starts with a BOM: ranges and edits index the file as read. */
    private readonly bom: number,
    private readonly filePath: string,
    /** Per-rule levels from the configuration (`off` is applied in `finish`). */
    private readonly rules: RuleSettings = {},
  ) {
    this.lines = new LineIndex(text);
  }

  addDraft(draft: DraftFinding): void {
    this.findings.push(this.toFinding(draft));
  }

  /** A finding of a piece of the file (a script block) that starts at `offset` in the text. */
  addFromPiece(finding: Finding, offset: number): void {
    const shift = offset + this.bom;
    const start = finding.range.start + offset;
    const end = finding.range.end + offset;
    const moved: Finding = { ...finding, ...this.location(start, end), range: { start: start + this.bom, end: end + this.bom } };
    if (finding.edits) moved.edits = finding.edits.map((edit) => ({ ...edit, start: edit.start + shift, end: edit.end + shift }));
    if (finding.removes) moved.removes = finding.removes.map((use) => shiftCredentialUse(use, shift));
    this.findings.push(moved);
  }

  /**
   * The findings in file order, fingerprinted in the file (a piece's own fingerprints would
   * collide) before suppressions apply, so a suppression comment never changes the others'.
   * `isReportingUnused: false` is for a file that does not parse: the findings a directive was
   * written for cannot be seen there, so its directives are not called stale.
   */
  finish(directives: readonly SuppressionDirective[] = [], { isReportingUnused = true } = {}): { findings: Finding[]; suppressed: number } {
    const fingerprints = new Fingerprinter(this.filePath);
    const fingerprint = (finding: Finding): Finding => ({
      ...finding,
      fingerprint: fingerprints.next(finding.ruleId, this.text.slice(finding.range.start - this.bom, finding.range.end - this.bom)),
    });
    const all = this.findings.sort(byPosition).map(fingerprint);
    this.findings.length = 0;
    const unusedNote = isReportingUnused ? (directive: SuppressionDirective) => fingerprint(this.toFinding(unusedSuppressionDraft(directive))) : undefined;
    return settleFindings(all, directives, this.rules, unusedNote);
  }

  private toFinding(draft: DraftFinding): Finding {
    const finding: Finding = {
      ruleId: draft.ruleId,
      severity: severityOf(draft, this.rules),
      message: formatMessage(draft),
      fixable: draft.fixable,
      fingerprint: '',
      ...this.location(draft.start, draft.end),
      range: { start: draft.start + this.bom, end: draft.end + this.bom },
    };
    if (draft.edits) finding.edits = draft.edits.map((edit) => ({ ...edit, start: edit.start + this.bom, end: edit.end + this.bom }));
    if (draft.removes) finding.removes = draft.removes.map((use) => shiftCredentialUse(use, this.bom));
    if (draft.annotation) finding.annotation = draft.annotation;
    return finding;
  }

  private location(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const from = this.lines.position(start);
    const to = this.lines.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

/**
 * The last step of every reader (FileFindings above, and the windowed text scan of a file too
 * big to parse): suppressions, then the notes for stale directives, then the rules turned off.
 *
 * A rule turned off is dropped last, in every language alike: a suppression comment written for
 * its findings still counts as used, because the rule may be turned on again (one config line,
 * or a different config in CI) and the comment is then needed; calling it stale would have users
 * delete it. Dropping last also keeps the other findings' fingerprints (baselines) independent of
 * the rule settings.
 */
export function settleFindings(
  fingerprinted: readonly Finding[],
  directives: readonly SuppressionDirective[],
  rules: RuleSettings,
  unusedNote?: (directive: SuppressionDirective) => Finding,
): { findings: Finding[]; suppressed: number } {
  const { kept, suppressed, unused } = applySuppressions(fingerprinted, directives);
  const notes = unusedNote ? unused.map(unusedNote) : [];
  const findings = [...kept, ...notes].filter((finding) => !isRuleOff(finding.ruleId, rules)).sort(byPosition);
  return { findings, suppressed };
}
