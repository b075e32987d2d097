import type { DraftFinding } from '../../context.js';
import type { Edit } from '../../findings.js';
import type { Endpoint } from '../../zoho/endpoint.js';
import type { ZohoService } from '../../zoho/services.js';
import type { Grammar } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';
import type { Values } from './values.js';

/** Everything the parsed-language detectors read about one file, built once. */
export interface ParsedContext {
  text: string;
  tree: SyntaxNode;
  grammar: Grammar;
  values: Values;
  services: readonly ZohoService[];
  crmScope: string;
  tokenExpr: string;
  /** Edits every fix that inserts the token needs too (Python's `import os`). */
  tokenSupportEdits: Edit[];
  /** The `migrate --annotate` marker text for flagged ticket code (prefix included). */
  annotationFor(ruleId: 'ticket-generation' | 'ticket-regeneration'): string;
  /** Classifies known text (holes of unknown value are UNKNOWN_VALUE). */
  classify(text: string): Endpoint | undefined;
  report(draft: DraftFinding): void;
}
