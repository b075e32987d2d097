import type { DraftFinding } from './context.js';
import { shiftCredentialUse } from './credentials/credential-uses.js';
import type { Finding } from './findings.js';
import { Fingerprinter } from './fingerprint.js';
import type { RuleSettings } from './options.js';
import { formatMessage } from './rules.js';
import { isRuleOff, severityOf } from './severity.js';
import { LineIndex } from './source/line-index.js';
import { applySuppressions, unusedSuppressionDraft, type SuppressionDirective } from './suppressions.js';

const byPosition = (a: Finding, b: Finding) => a.range.start - b.range.start || a.range.end - b.range.end;

/**
 * Collects the findings of one file from several analyses (script blocks of a page, its markup,
 * a text scan), in the file's own coordinates: offsets into the text without its BOM go in, the
 * findings come out as `analyzeSource` makes them (1-based positions, BOM-aware ranges, and
 * fingerprints assigned in file order).
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
    /** Per-rule levels from the configuration: `off` drops a rule's drafts here. */
    private readonly rules: RuleSettings = {},
  ) {
    this.lines = new LineIndex(text);
  }

  addDraft(draft: DraftFinding): void {
    if (isRuleOff(draft.ruleId, this.rules)) return;
    const finding: Finding = {
      ruleId: draft.ruleId,
      severity: severityOf(draft, this.rules),
      message: formatMessage(draft.ruleId, draft.messageId, draft.data),
      fixable: draft.fixable,
      fingerprint: '',
      ...this.location(draft.start, draft.end),
      range: { start: draft.start + this.bom, end: draft.end + this.bom },
    };
    if (draft.edits) finding.edits = draft.edits.map((edit) => ({ ...edit, start: edit.start + this.bom, end: edit.end + this.bom }));
    if (draft.annotation) finding.annotation = draft.annotation;
    if (draft.removes) finding.removes = draft.removes.map((use) => shiftCredentialUse(use, this.bom));
    this.findings.push(finding);
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
   */
  finish(directives: readonly SuppressionDirective[] = []): { findings: Finding[]; suppressed: number } {
    const fingerprints = new Fingerprinter(this.filePath);
    const fingerprint = (finding: Finding): Finding => ({
      ...finding,
      fingerprint: fingerprints.next(finding.ruleId, this.text.slice(finding.range.start - this.bom, finding.range.end - this.bom)),
    });
    const all = this.findings.sort(byPosition).map(fingerprint);
    const { kept, suppressed, unused } = applySuppressions(all, directives);
    this.findings.length = 0;
    for (const directive of unused) this.addDraft(unusedSuppressionDraft(directive));
    return { findings: [...kept, ...this.findings.map(fingerprint)].sort(byPosition), suppressed };
  }

  private location(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const from = this.lines.position(start);
    const to = this.lines.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
