import type { File, Node } from '@babel/types';
import type { NodeIndex } from './ast/traverse.js';
import type { CredentialUse } from './credentials/credential-uses.js';
import type { Edit, RuleId, Severity } from './findings.js';
import type { Bindings } from './scope/bindings.js';
import type { Evaluator } from './scope/evaluate.js';
import type { RuleSettings } from './options.js';
import type { LineIndex } from './source/line-index.js';
import type { ZohoService } from './zoho/services.js';

export interface ResolvedOptions {
  tokenExpr: string;
  /** Scope for CRM requests (`--scope`); other services use their own from the table. */
  scope: string;
  services: readonly ZohoService[];
  /** Severity per rule (CoreOptions.rules); a rule not named keeps its default. */
  rules: RuleSettings;
  /** `migrate --annotate` marker text (CoreOptions.annotateComment). */
  annotateComment?: string;
  /** The authtoken expression per parsed language (CoreOptions.tokenExprs). */
  tokenExprs?: Partial<Record<'php' | 'python' | 'ruby', string>>;
}

/** What a detector reports; positions are offsets into `AnalysisContext.text`. */
export interface DraftFinding {
  ruleId: RuleId;
  messageId: string;
  data?: Record<string, string>;
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
