import type { Edit } from '../../findings.js';
import { namedChildren, textOf } from './grammar.js';
import type { ParsedLanguage, SyntaxNode } from './syntax-tree.js';

/** The expression inserted as the authtoken value, per language (configuration `tokenExprs`). */
export const DEFAULT_TOKEN_EXPRS: Readonly<Record<ParsedLanguage, string>> = {
  php: "getenv('ZOHO_CRM_AUTHTOKEN')",
  python: "os.environ['ZOHO_CRM_AUTHTOKEN']",
  ruby: "ENV['ZOHO_CRM_AUTHTOKEN']",
};

export type TokenExprs = Partial<Record<ParsedLanguage, string>>;

export function tokenExprFor(language: ParsedLanguage, configured: TokenExprs | undefined): string {
  return configured?.[language] ?? DEFAULT_TOKEN_EXPRS[language];
}

/**
 * The token inside an f-string: before Python 3.12 the expression may not reuse the string's
 * quote, so the other quote is used when the expression has only one kind.
 */
export function tokenInQuotes(tokenExpr: string, quote: string): string {
  if (!tokenExpr.includes(quote)) return tokenExpr;
  const other = quote === "'" ? '"' : "'";
  return tokenExpr.includes(other) ? tokenExpr : tokenExpr.split(quote).join(other);
}

/**
 * Python's default token reads `os.environ`: a module without `import os` gets one, after the
 * docstring, `from __future__` imports and leading comments, so the rewritten module runs.
 * Every fix carries the same insertion; the edit applier makes it once.
 */
export function pythonImportEdits(tree: SyntaxNode, text: string, tokenExpr: string): Edit[] {
  const module = /^([A-Za-z_]\w*)\./.exec(tokenExpr)?.[1];
  if (module !== 'os') return [];
  const statements = namedChildren(tree);
  // `import os`, `import sys, os` and `import os.path` bind `os`; `import os as o` does not.
  const bindsOs = (name: SyntaxNode) => name.type === 'dotted_name' && /^os(\.|$)/.test(textOf(name, text));
  if (statements.some((statement) => statement.type === 'import_statement' && namedChildren(statement).some(bindsOs))) return [];
  let anchor: SyntaxNode | undefined;
  for (const statement of statements) {
    if (statement.type === 'comment') continue;
    const isDocstring = anchor === undefined && statement.type === 'expression_statement' && namedChildren(statement)[0]?.type === 'string' && statements.indexOf(statement) === statements.findIndex((s) => s.type !== 'comment');
    if (isDocstring || statement.type === 'future_import_statement') {
      anchor = statement;
      continue;
    }
    break;
  }
  if (anchor) {
    const lineEnd = /\r\n|\n|\r/.exec(text.slice(anchor.end));
    const at = lineEnd ? anchor.end + lineEnd.index + lineEnd[0].length : text.length;
    return [{ start: at, end: at, text: lineEnd ? 'import os\n' : '\nimport os\n' }];
  }
  // Before the first statement, after a shebang, an encoding line and other leading comments.
  const first = statements.find((statement) => statement.type !== 'comment');
  const at = first ? first.start - (text.slice(0, first.start).length - text.slice(0, first.start).replace(/[ \t]+$/, '').length) : text.length;
  return [{ start: at, end: at, text: 'import os\n' }];
}
