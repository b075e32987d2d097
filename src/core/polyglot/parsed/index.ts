import type { DraftFinding } from '../../context.js';
import type { SourceRange } from '../../findings.js';
import type { ResolvedOptions } from '../../options.js';
import type { CredentialUse } from '../../credentials/credential-use.js';
import { reportKeptParts } from '../../credentials/kept-parts.js';
import type { ParseFailure } from '../../parse.js';
import type { LineIndex } from '../../source/line-index.js';
import { ANNOTATION_PREFIX, RULES } from '../../rules.js';
import { classifyRequestText } from '../../zoho/endpoint.js';
import { GRAMMARS } from './grammar.js';
import { rewriteMapRequests } from './map-requests.js';
import type { ParsedContext } from './parsed-context.js';
import { rewriteStringRequests } from './string-requests.js';
import { includedPaths } from './included-files.js';
import { parseTree, type ParsedLanguage, type SyntaxNode } from './syntax-tree.js';
import { reportStoredCredentials } from './stored-credentials.js';
import { reportTicketCode } from './ticket-code.js';
import { pythonImportEdits, tokenExprFor, type TokenExprs } from './token-exprs.js';
import { Values } from './values.js';

export { parserLoadCount, type ParsedLanguage } from './syntax-tree.js';
export { DEFAULT_TOKEN_EXPRS, type TokenExprs } from './token-exprs.js';

export const PARSED_LANGUAGES: ReadonlySet<string> = new Set<ParsedLanguage>(['php', 'python', 'ruby']);

export interface ParsedAnalysis {
  drafts: DraftFinding[];
  parseError?: ParseFailure;
  /** Credential storage nothing in the file sends any more (stored-credentials.ts): no text-scan setting error there. */
  deadStorage?: SourceRange[];
}

/**
 * PHP, Python and Ruby with a real parser: requests proven Zoho's are rewritten (strings, and
 * arrays/dicts/hashes handed to a query builder or an HTTP client), ticket code is flagged. Pure:
 * text in, drafts out. A file that does not parse gets a parse-error finding and no fix; the text
 * scan of polyglot/ still reports its legacy URLs.
 */
export interface ParsedSourceOptions {
  tokenExprs?: TokenExprs;
  lines: LineIndex;
  filePath: string;
  /** The text of an included file (relative to this file's folder), when the runner can read it. */
  readIncluded?: (fromFile: string, relative: string) => string | undefined;
  /** On migrate's output: what its fixes removed and kept (offsets into this text, no BOM). */
  removedCredentials?: readonly CredentialUse[];
}

export function analyzeParsedSource(text: string, language: ParsedLanguage, options: ResolvedOptions, source: ParsedSourceOptions): ParsedAnalysis {
  const { tokenExprs, lines } = source;
  const name = language === 'php' ? 'PHP' : language === 'python' ? 'Python' : 'Ruby';
  const failure = (message: string, offset: number): ParsedAnalysis => {
    const { line, column } = lines.position(offset);
    const draft: DraftFinding = { ruleId: 'parse-error', messageId: 'syntax', data: { reason: `${message} (${line}:${column})` }, start: offset, end: offset, fixable: false };
    return { drafts: [draft], parseError: { message, line, column, offset } };
  };
  let tree: ReturnType<typeof parseTree>;
  try {
    tree = parseTree(text, language);
  } catch (error) {
    // A grammar that cannot load on this platform is the file's finding, never a crash; the text scan still runs.
    return failure(`the ${name} parser failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, 0);
  }
  if (tree.error) return failure(`${name} syntax error`, tree.error.start);
  const grammar = GRAMMARS[language];
  const tokenExpr = tokenExprFor(language, tokenExprs);
  const drafts: DraftFinding[] = [];
  const values = new Values(tree.root, text, grammar);
  if (source.readIncluded) includeConstants(values, tree.root, text, language, source as Required<Pick<ParsedSourceOptions, 'readIncluded' | 'filePath'>>);
  const context: ParsedContext = {
    text,
    tree: tree.root,
    grammar,
    values,
    services: options.services,
    crmScope: options.scope,
    tokenExpr,
    tokenSupportEdits: language === 'python' ? pythonImportEdits(tree.root, text, tokenExpr) : [],
    classify: (known) => classifyRequestText(known, options.services),
    annotationFor: (ruleId) => `${ANNOTATION_PREFIX} ${options.annotateComment ?? RULES[ruleId].annotation ?? ''}`.trim(),
    report: (draft) => drafts.push(draft),
  };
  rewriteStringRequests(context);
  rewriteMapRequests(context);
  reportTicketCode(context);
  // `removedCredentials` is set (even empty) exactly when this is migrate's output being analysed.
  const deadStorage = reportStoredCredentials(context, drafts, source.removedCredentials !== undefined);
  if (source.removedCredentials) reportKeptParts(source.removedCredentials, context);
  return { drafts, deadStorage };
}

/** One level of includes: the constants of each file this one includes, parsed with the same grammar. */
function includeConstants(values: Values, root: SyntaxNode, text: string, language: ParsedLanguage, source: { readIncluded: NonNullable<ParsedSourceOptions['readIncluded']>; filePath: string }): void {
  const grammar = GRAMMARS[language];
  for (const relative of includedPaths(root, text, grammar, values)) {
    const included = source.readIncluded(source.filePath, relative);
    if (included === undefined) continue;
    const body = included.startsWith('\uFEFF') ? included.slice(1) : included;
    try {
      const tree = parseTree(body, language);
      if (!tree.error) values.include(new Values(tree.root, body, grammar));
    } catch {
      // An included file the parser cannot read proves nothing.
    }
  }
}
