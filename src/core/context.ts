import type { File, Node } from '@babel/types';
import type { NodeIndex } from './ast/traverse.js';
import type { CredentialUse } from './credentials/credential-use.js';
import type { Edit, Severity } from './findings.js';
import type { RuleMessage } from './rules.js';
import type { Bindings } from './scope/bindings.js';
import type { Evaluator } from './scope/evaluate.js';
import type { ResolvedOptions } from './options.js';
import type { LineIndex } from './source/line-index.js';

/**
 * What a detector reports; positions are offsets into `AnalysisContext.text`. The rule, message
 * and data are typed from the rule table (rules.ts): a message id the rule lacks, or a
 * placeholder its template needs and the data lacks, fails the type-check.
 */
export type DraftFinding = RuleMessage & DraftPlacement;

/** Where a draft is and what its fix does: everything of a draft but its wording. */
export interface DraftPlacement {
  start: number;
  end: number;
  fixable: boolean;
  edits?: Edit[];
  /** Overrides the rule's default severity (a note-level companion finding, say). */
  severity?: Severity;
  /** Legacy credentials the fix takes out of the request (see src/core/credentials). */
  removes?: CredentialUse[];
  /** `migrate --annotate`: the marker comment to put above this construct (JavaScript/TypeScript ticket code only). */
  annotation?: string;
}

/** Everything a detector may read about one file, built once. Detectors never do I/O. */
export interface AnalysisContext {
  /** The source without a leading BOM; every offset here is into this text. */
  text: string;
  filePath: string;
  ast: File;
  index: NodeIndex;
  bindings: Bindings;
  evaluator: Evaluator;
  lines: LineIndex;
  options: ResolvedOptions;
  /** Does the file mention Zoho at all? Raises unprovable look-alikes to findings. */
  mentionsZoho: boolean;
  /** Literal credential values seen, for masking in every output. */
  secrets: Set<string>;
  report(finding: DraftFinding): void;
  /** The source of a node. */
  sourceOf(node: Node): string;
}
