import type { CredentialUse } from './credentials/credential-use.js';

/**
 * The findings model (DESIGN §3–4). Analysis returns these as data; the runner, the transform
 * and the reporters act on them. Offsets are UTF-16 indices into the source string as read
 * (a leading BOM included), lines and columns are 1-based and do not count the BOM.
 */

export type Severity = 'error' | 'warning' | 'note';

export const RULE_IDS = [
  'legacy-auth-params',
  'ticket-generation',
  'ticket-regeneration',
  'hardcoded-credential',
  'parse-error',
  'unused-suppression',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A replacement of source[start, end) by text. An insertion has start === end. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface SourceRange {
  start: number;
  end: number;
}

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Location {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  fixable: boolean;
  /** Stable across unrelated edits that move lines: rule, file, the construct's text, its occurrence. */
  fingerprint: string;
  /** Source offsets of the reported construct. */
  range: SourceRange;
  /** The fix, when fixable: applied together or not at all. */
  edits?: Edit[];
  /** Legacy credentials the fix takes out of the request: migrate reports those left unused. */
  removes?: CredentialUse[];
  /** `migrate --annotate`: the marker comment to put above the construct, when it is code a comment may precede. */
  annotation?: string;
}
