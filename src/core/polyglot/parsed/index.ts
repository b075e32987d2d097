import type { DraftFinding, ResolvedOptions } from '../../context.js';
import type { ParseFailure } from '../../parse.js';
import type { LineIndex } from '../../source/line-index.js';
import { ANNOTATION_PREFIX, RULES } from '../../rules.js';
import { classifyRequestText } from '../../zoho/endpoint.js';
import { GRAMMARS } from './grammar.js';
import { rewriteMapRequests } from './map-requests.js';
import type { ParsedContext } from './parsed-context.js';
import { rewriteStringRequests } from './string-requests.js';
import { parseTree, type ParsedLanguage } from './syntax-tree.js';
import { reportTicketCode } from './ticket-code.js';
import { pythonImportEdits, tokenExprFor, type TokenExprs } from './token-exprs.js';
import { Values } from './values.js';

export { parserLoadCount, type ParsedLanguage } from './syntax-tree.js';
export { DEFAULT_TOKEN_EXPRS, type TokenExprs } from './token-exprs.js';

export const PARSED_LANGUAGES: ReadonlySet<string> = new Set<ParsedLanguage>(['php', 'python', 'ruby']);

export interface ParsedAnalysis {
  drafts: DraftFinding[];
  parseError?: ParseFailure;
}

/**
 * PHP, Python and Ruby with a real parser: requests proven Zoho's are rewritten (strings, and
 * arrays/dicts/hashes handed to a query builder or an HTTP client), ticket code is flagged. Pure:
 * text in, drafts out. A file that does not parse gets a parse-error finding and no fix; the text
 * scan of polyglot/ still reports its legacy URLs.
 */
export function analyzeParsedSource(text: string, language: ParsedLanguage, options: ResolvedOptions, tokenExprs: TokenExprs | undefined, lines: LineIndex): ParsedAnalysis {
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
  const context: ParsedContext = {
    text,
    tree: tree.root,
    grammar,
    values: new Values(tree.root, text, grammar),
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
  return { drafts };
}
