import { lazyModule } from '../../lazy-module.js';

/**
 * The real parsers for the languages migrate rewrites besides JavaScript: tree-sitter grammars
 * through ast-grep's native binding (README, "Parsers"). ast-grep parses synchronously, so the
 * core stays a pure synchronous function; it is required on the first candidate file of one of
 * these languages only, so a run without one never loads it.
 */

export type ParsedLanguage = 'php' | 'python' | 'ruby';

interface SgPos { index: number }
interface SgNodeLike {
  kind(): string;
  isNamed(): boolean;
  range(): { start: SgPos; end: SgPos };
  children(): SgNodeLike[];
  field(name: string): SgNodeLike | null;
}
interface AstGrepNapi {
  registerDynamicLanguage(languages: Record<string, unknown>): void;
  parse(language: string, source: string): { root(): SgNodeLike };
}

const napi = lazyModule<AstGrepNapi>('@ast-grep/napi');
const GRAMMAR_PACKAGES: Readonly<Record<ParsedLanguage, string>> = {
  php: '@ast-grep/lang-php',
  python: '@ast-grep/lang-python',
  ruby: '@ast-grep/lang-ruby',
};
let isRegistered = false;
let loads = 0;

/** How many times this thread has loaded the grammars (0 or 1): the lazy-loading test reads it. */
export function parserLoadCount(): number {
  return loads;
}

/**
 * ast-grep keeps one registry of dynamic languages, replaced by each call: the three grammars
 * are registered together, on the first file that needs one of them.
 */
function binding(): AstGrepNapi {
  const napiBinding = napi();
  if (!isRegistered) {
    const grammars = Object.fromEntries(Object.entries(GRAMMAR_PACKAGES).map(([language, specifier]) => [language, lazyModule<unknown>(specifier)()]));
    napiBinding.registerDynamicLanguage(grammars);
    isRegistered = true;
    loads++;
  }
  return napiBinding;
}

/** A plain copy of a tree-sitter node: offsets are UTF-16 indices into the parsed text. */
export interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  isNamed: boolean;
  parent: SyntaxNode | null;
  /** Every child, the anonymous tokens (`.`, `=>`, quotes) included. */
  children: SyntaxNode[];
  /** Children by grammar field name (`left`, `right`, `function`, `arguments`, ...), for the names asked. */
  fields: Map<string, SyntaxNode>;
}

/**
 * Field names read by the detectors: ast-grep exposes a field only when asked by name, so the
 * copy asks these once per node.
 */
const FIELD_NAMES = ['left', 'right', 'function', 'arguments', 'name', 'object', 'attribute', 'receiver', 'method', 'key', 'value', 'body', 'scope', 'operator'];

export interface ParsedTree {
  root: SyntaxNode;
  /** The first ERROR or MISSING node, when the text does not parse. */
  error?: SyntaxNode;
}

export function parseTree(text: string, language: ParsedLanguage): ParsedTree {
  const sgRoot = binding().parse(language, text).root();
  let error: SyntaxNode | undefined;
  const copy = (node: SgNodeLike, parent: SyntaxNode | null): SyntaxNode => {
    const range = node.range();
    const plain: SyntaxNode = { type: node.kind(), start: range.start.index, end: range.end.index, isNamed: node.isNamed(), parent, children: [], fields: new Map() };
    // tree-sitter marks a token it had to invent (a missing `;`) as a zero-width node.
    if (!error && (plain.type === 'ERROR' || (plain.start === plain.end && plain.isNamed === false && plain.type !== '' && parent !== null && isMissingToken(plain)))) error = plain;
    const children = node.children();
    plain.children = children.map((child) => copy(child, plain));
    if (children.length > 0) {
      for (const name of FIELD_NAMES) {
        const field = node.field(name);
        if (!field) continue;
        const range = field.range();
        const match = plain.children.find((child) => child.start === range.start.index && child.end === range.end.index && child.type === field.kind());
        if (match) plain.fields.set(name, match);
      }
    }
    return plain;
  };
  const root = copy(sgRoot, null);
  return error ? { root, error } : { root };
}

/** Zero-width anonymous tokens that tree-sitter inserts for recovery; heredoc and string boundaries may be empty legitimately. */
function isMissingToken(node: SyntaxNode): boolean {
  return /^[;)\]}]$|^end$/.test(node.type);
}
