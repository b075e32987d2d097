import type { ParsedLanguage, SyntaxNode } from './syntax-tree.js';

/**
 * The node vocabulary of each tree-sitter grammar that the detectors read, in one place: which
 * nodes are strings, string concatenation, calls, maps and their entries, assignments and scopes.
 * Everything else in parsed/ is written against these questions, not against node names.
 */
export interface Grammar {
  language: ParsedLanguage;
  /** String concatenation operators (`.` in PHP, `+` in Python and Ruby). */
  concatOperator: string;
  /** Operators that append to a string in place (`.=`, `+=`, `<<`). */
  appendOperators: ReadonlySet<string>;
  stringTypes: ReadonlySet<string>;
  /** Children of a string that are literal text (escape sequences included). */
  stringTextTypes: ReadonlySet<string>;
  interpolationTypes: ReadonlySet<string>;
  /** Map literals: `array(...)`/`[...]`, `{...}` dicts, `{...}` hashes (a bare hash in an argument list too). */
  mapTypes: ReadonlySet<string>;
  pairTypes: ReadonlySet<string>;
  callTypes: ReadonlySet<string>;
  assignmentTypes: ReadonlySet<string>;
  /** Function-like scopes: variables are looked up in the nearest one. */
  scopeTypes: ReadonlySet<string>;
  statementTypes: ReadonlySet<string>;
  /** The escape that closes and reopens a string around an inserted expression. */
  joinCode(code: string, quote: string): string;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

export const GRAMMARS: Readonly<Record<ParsedLanguage, Grammar>> = {
  php: {
    language: 'php',
    concatOperator: '.',
    appendOperators: set('.='),
    stringTypes: set('string', 'encapsed_string'),
    stringTextTypes: set('string_content', 'escape_sequence', 'nowdoc_string'),
    interpolationTypes: set('variable_name', 'member_access_expression', 'subscript_expression', 'dynamic_variable_name'),
    mapTypes: set('array_creation_expression'),
    pairTypes: set('array_element_initializer'),
    callTypes: set('function_call_expression', 'member_call_expression', 'scoped_call_expression', 'object_creation_expression'),
    assignmentTypes: set('assignment_expression', 'augmented_assignment_expression'),
    scopeTypes: set('function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'program'),
    statementTypes: set('expression_statement', 'return_statement', 'echo_statement'),
    joinCode: (code, quote) => `${quote} . ${code} . ${quote}`,
  },
  python: {
    language: 'python',
    concatOperator: '+',
    appendOperators: set('+='),
    stringTypes: set('string'),
    stringTextTypes: set('string_content', 'escape_sequence'),
    interpolationTypes: set('interpolation'),
    mapTypes: set('dictionary'),
    pairTypes: set('pair'),
    callTypes: set('call'),
    assignmentTypes: set('assignment', 'augmented_assignment'),
    scopeTypes: set('function_definition', 'lambda', 'module'),
    statementTypes: set('expression_statement', 'return_statement'),
    joinCode: (code, quote) => `${quote} + ${code} + ${quote}`,
  },
  ruby: {
    language: 'ruby',
    concatOperator: '+',
    appendOperators: set('<<', '+='),
    stringTypes: set('string'),
    stringTextTypes: set('string_content', 'escape_sequence', 'heredoc_content'),
    interpolationTypes: set('interpolation'),
    mapTypes: set('hash', 'argument_list'),
    pairTypes: set('pair'),
    callTypes: set('call'),
    assignmentTypes: set('assignment', 'operator_assignment'),
    scopeTypes: set('method', 'singleton_method', 'block', 'do_block', 'lambda', 'program'),
    statementTypes: set('assignment', 'operator_assignment', 'call', 'binary', 'return'),
    joinCode: (code, quote) => `${quote} + ${code} + ${quote}`,
  },
};

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((child) => child.isNamed);
}

export function textOf(node: SyntaxNode, text: string): string {
  return text.slice(node.start, node.end);
}

/** The operator token of a binary or assignment node (`.`, `+`, `%`, `.=`, `<<`). */
export function operatorOf(node: SyntaxNode, text: string): string | undefined {
  const field = node.fields.get('operator');
  if (field) return textOf(field, text);
  const token = node.children.find((child) => !child.isNamed);
  return token ? textOf(token, text) : undefined;
}

export function isBinary(node: SyntaxNode): boolean {
  return node.type === 'binary_expression' || node.type === 'binary_operator' || node.type === 'binary';
}

export function nearestScope(node: SyntaxNode, grammar: Grammar): SyntaxNode {
  let current: SyntaxNode | null = node.parent;
  while (current && !grammar.scopeTypes.has(current.type)) current = current.parent;
  return current ?? root(node);
}

export function root(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

export function* descendants(node: SyntaxNode): Generator<SyntaxNode> {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
}

/** Is `inner` inside `outer` (or the same node)? */
export function isWithin(inner: SyntaxNode, outer: SyntaxNode): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The name a call is written with: `http_build_query`, `requests.get`, `Net::HTTP.post_form`, `$this->get`. */
export function calleeText(call: SyntaxNode, text: string): string {
  if (call.type === 'call' && call.fields.has('method')) {
    const receiver = call.fields.get('receiver');
    const method = textOf(call.fields.get('method')!, text);
    return receiver ? `${textOf(receiver, text)}.${method}` : method;
  }
  const callee = call.fields.get('function') ?? call.fields.get('name');
  if (callee) {
    if (call.type === 'member_call_expression' || call.type === 'scoped_call_expression') {
      const object = call.fields.get('object') ?? call.fields.get('scope');
      return `${object ? textOf(object, text) : ''}->${textOf(callee, text)}`;
    }
    return textOf(callee, text);
  }
  return '';
}

/** The argument expressions of a call (PHP's `argument` wrappers and Python's keyword names looked through). */
export interface CallArgument {
  /** The keyword (`params=` in Python, `query:` in Ruby), when given by name. */
  keyword?: string;
  value: SyntaxNode;
  /** The whole argument, keyword included. */
  node: SyntaxNode;
}

export function callArguments(call: SyntaxNode, text: string): CallArgument[] {
  const list = call.fields.get('arguments') ?? call.children.find((child) => child.type === 'arguments' || child.type === 'argument_list');
  if (!list) return [];
  const result: CallArgument[] = [];
  for (const child of namedChildren(list)) {
    if (child.type === 'comment') continue;
    if (child.type === 'argument') {
      const inner = namedChildren(child);
      const value = inner[inner.length - 1];
      if (value) result.push(inner.length > 1 && inner[0]!.type === 'name' ? { keyword: textOf(inner[0]!, text), value, node: child } : { value, node: child });
    } else if (child.type === 'keyword_argument') {
      const name = child.fields.get('name');
      const value = child.fields.get('value');
      if (name && value) result.push({ keyword: textOf(name, text), value, node: child });
    } else if (child.type === 'pair') {
      // A Ruby bare hash: `get(url, query: {...})` gives each pair as its own argument.
      const key = child.fields.get('key');
      const value = child.fields.get('value');
      if (key && value) result.push({ keyword: textOf(key, text).replace(/^:|:$/g, '').replace(/^['"]|['"]$/g, ''), value, node: child });
    } else result.push({ value: child, node: child });
  }
  return result;
}
