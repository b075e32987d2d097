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
 * Field names the detectors read, per node type: ast-grep exposes a field only when asked by
 * name, and each question crosses into native code, so the copy asks only these.
 */
const BINARY_FIELDS = ['left', 'right', 'operator'];
const FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  binary_expression: BINARY_FIELDS,
  binary_operator: BINARY_FIELDS,
  binary: BINARY_FIELDS,
  assignment_expression: BINARY_FIELDS,
  augmented_assignment_expression: BINARY_FIELDS,
  assignment: BINARY_FIELDS,
  augmented_assignment: BINARY_FIELDS,
  operator_assignment: BINARY_FIELDS,
  function_call_expression: ['function', 'arguments'],
  member_call_expression: ['object', 'name', 'arguments'],
  scoped_call_expression: ['scope', 'name', 'arguments'],
  call: ['function', 'arguments', 'receiver', 'method'],
  attribute: ['object', 'attribute'],
  member_access_expression: ['object', 'name'],
  keyword_argument: ['name', 'value'],
  pair: ['key', 'value'],
  scope_resolution: ['scope', 'name'],
  property_element: ['name'],
  function_definition: ['name'],
  method_declaration: ['name'],
  method: ['name'],
  singleton_method: ['name'],
  class_declaration: ['name'],
  class_definition: ['name'],
  class: ['name'],
};

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
    const type = node.kind();
    // Punctuation is always an anonymous token: asking the binding costs a native call per token.
    const isNamed = /[A-Za-z]/.test(type) ? node.isNamed() : false;
    const plain: SyntaxNode = { type, start: range.start.index, end: range.end.index, isNamed, parent, children: [], fields: new Map() };
    // tree-sitter marks a token it had to invent (a missing `;`) as a zero-width node.
    if (!error && (plain.type === 'ERROR' || (plain.start === plain.end && plain.isNamed === false && plain.type !== '' && parent !== null && isMissingToken(plain)))) error = plain;
    // Punctuation has no children.
    const children = isNamed || /[A-Za-z]/.test(type) ? node.children() : [];
    plain.children = children.map((child) => copy(child, plain));
    if (children.length > 0) {
      for (const name of FIELDS_BY_TYPE[plain.type] ?? []) {
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
