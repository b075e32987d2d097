import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import { HEREDOC_TYPES, heredocHolder } from './heredoc.js';
import { descendants, isBinary, namedChildren, nearestScope, operatorOf, textOf, type Grammar } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';

/**
 * What a value is, when the file fixes it: constants (`define()`, class constants, Python
 * module-level names, Ruby constants), instance fields given once (`$this->base`, `self.base`,
 * `@base`) and local variables assigned once in their function. A name given twice, or built
 * conditionally, proves nothing. Only the text matters here: it is what proves a request Zoho's.
 */
export class Values {
  /** Reference key -> the expressions assigned to it. */
  private readonly definitions = new Map<string, SyntaxNode[]>();
  /** Constants of included files (`require_once 'config.php'`), each evaluated in its own file. */
  private readonly included: Values[] = [];

  constructor(
    private readonly tree: SyntaxNode,
    private readonly text: string,
    private readonly grammar: Grammar,
  ) {
    for (const node of descendants(tree)) this.collect(node);
  }

  /** The known text of an expression, UNKNOWN_VALUE standing for each part of unknown value. */
  evaluate(node: SyntaxNode, depth = 0): string {
    if (depth > 12) return UNKNOWN_VALUE;
    const grammar = this.grammar;
    if (grammar.stringTypes.has(node.type)) return this.stringValue(node, depth);
    if (HEREDOC_TYPES.has(node.type)) {
      const body = heredocHolder(node);
      return body ? this.stringValue(body, depth) : UNKNOWN_VALUE;
    }
    if (node.type === 'concatenated_string') return namedChildren(node).map((part) => this.evaluate(part, depth + 1)).join('');
    if (node.type === 'parenthesized_expression') {
      const inner = namedChildren(node)[0];
      return inner ? this.evaluate(inner, depth + 1) : UNKNOWN_VALUE;
    }
    if (isBinary(node) && operatorOf(node, this.text) === grammar.concatOperator) {
      const left = node.fields.get('left');
      const right = node.fields.get('right');
      if (left && right) return this.evaluate(left, depth + 1) + this.evaluate(right, depth + 1);
    }
    // `URI(url)`, `URI.parse(url)`, `URI.join(base, path)`: the URL is the argument's.
    if (node.type === 'call' && grammar.language === 'ruby') {
      const method = node.fields.get('method');
      const name = method ? textOf(method, this.text) : '';
      const receiver = node.fields.get('receiver');
      const isUri = (name === 'URI' && !receiver) || (receiver && textOf(receiver, this.text) === 'URI' && (name === 'parse' || name === 'join'));
      const args = node.fields.get('arguments');
      if (isUri && args) return namedChildren(args).map((arg) => this.evaluate(arg, depth + 1)).join('');
    }
    const key = this.referenceKey(node);
    const assigned = key ? this.definitions.get(key) : undefined;
    if (assigned?.length === 1) return this.evaluate(assigned[0]!, depth + 1);
    // A constant this file never defines may come from a file it includes.
    if (key && !assigned && isFileLevelKey(key)) {
      for (const other of this.included) {
        const value = other.constantValue(key, depth + 1);
        if (value !== undefined) return value;
      }
    }
    return UNKNOWN_VALUE;
  }

  /** Adds the constants of a file this one includes. */
  include(other: Values): void {
    this.included.push(other);
  }

  /** The value of a file-level constant defined exactly once in this file, if it is. */
  constantValue(key: string, depth: number): string | undefined {
    const assigned = this.definitions.get(key);
    return assigned?.length === 1 ? this.evaluate(assigned[0]!, depth) : undefined;
  }

  /** Is this reference a name given exactly once, to a value this file fixes? */
  isFixed(node: SyntaxNode): boolean {
    const key = this.referenceKey(node);
    return key !== undefined && this.definitions.get(key)?.length === 1;
  }

  /** The one expression a reference was assigned, when it was assigned exactly once. */
  definitionOf(node: SyntaxNode): SyntaxNode | undefined {
    const key = this.referenceKey(node);
    const assigned = key ? this.definitions.get(key) : undefined;
    return assigned?.length === 1 ? assigned[0] : undefined;
  }

  private stringValue(node: SyntaxNode, depth: number): string {
    let value = '';
    for (const child of node.children) {
      if (this.grammar.stringTextTypes.has(child.type)) value += textOf(child, this.text);
      else if (child.type === 'interpolation') {
        const inner = namedChildren(child)[0];
        value += inner ? this.evaluate(inner, depth + 1) : UNKNOWN_VALUE;
      } else if (child.isNamed && this.grammar.interpolationTypes.has(child.type)) value += this.evaluate(child, depth + 1);
    }
    return value;
  }

  private add(key: string | undefined, value: SyntaxNode | undefined): void {
    if (!key || !value) return;
    const list = this.definitions.get(key);
    if (list) list.push(value);
    else this.definitions.set(key, [value]);
  }

  private collect(node: SyntaxNode): void {
    const { language } = this.grammar;
    if (language === 'php') {
      if (node.type === 'function_call_expression' && textOf(node.fields.get('function') ?? node, this.text).toLowerCase() === 'define') {
        const args = namedChildren(node.fields.get('arguments') ?? node).map((arg) => namedChildren(arg)[0]);
        const name = args[0];
        if (name && this.grammar.stringTypes.has(name.type)) this.add(`const:${this.stringValue(name, 0)}`, args[1]);
        return;
      }
      if (node.type === 'const_element') {
        const [name, value] = namedChildren(node);
        const owner = enclosingClass(node);
        this.add(owner ? `const:${this.className(owner)}::${textOf(name!, this.text)}` : `const:${textOf(name!, this.text)}`, value);
        return;
      }
      if (node.type === 'property_element') {
        const owner = enclosingClass(node);
        const variable = node.fields.get('name') ?? namedChildren(node)[0];
        const value = namedChildren(node)[1];
        if (owner && variable && value) this.add(`field:${owner.start}:${textOf(variable, this.text).replace(/^\$/, '')}`, value);
        return;
      }
    }
    if (!this.grammar.assignmentTypes.has(node.type)) return;
    const left = node.fields.get('left') ?? namedChildren(node)[0];
    const right = node.fields.get('right') ?? namedChildren(node)[1];
    if (!left) return;
    const key = this.referenceKey(left);
    if (!key) return;
    // `x .= ...` or `x += ...` makes x a built value, no longer the one expression assigned first.
    const isPlain = node.type === 'assignment_expression' || node.type === 'assignment';
    this.add(key, isPlain ? right : { ...left, type: 'unknown' });
  }

  private className(node: SyntaxNode): string {
    const name = node.fields.get('name');
    return name ? textOf(name, this.text) : '';
  }

  /** The key a reference is looked up under, or undefined for expressions that are no reference. */
  referenceKey(node: SyntaxNode): string | undefined {
    const text = this.text;
    switch (this.grammar.language) {
      case 'php':
        if (node.type === 'variable_name') return `var:${nearestScope(node, this.grammar).start}:${textOf(node, text)}`;
        if (node.type === 'name' && node.parent?.type !== 'function_call_expression') return `const:${textOf(node, text)}`;
        if (node.type === 'member_access_expression') {
          const object = node.fields.get('object');
          const name = node.fields.get('name');
          const owner = enclosingClass(node);
          if (object && name && owner && textOf(object, text) === '$this') return `field:${owner.start}:${textOf(name, text)}`;
          return undefined;
        }
        if (node.type === 'class_constant_access_expression') {
          const [scope, name] = namedChildren(node);
          if (!scope || !name) return undefined;
          const scopeText = textOf(scope, text);
          const owner = enclosingClass(node);
          const className = /^(self|static)$/i.test(scopeText) ? (owner ? this.className(owner) : '') : scopeText;
          return `const:${className}::${textOf(name, text)}`;
        }
        return undefined;
      case 'python':
        if (node.type === 'identifier') {
          const scope = nearestScope(node, this.grammar);
          const owner = enclosingClass(node);
          // A name at class level is a class attribute: `self.NAME` and `Class.NAME` read it.
          if (owner && scope.type === 'module' && owner.start > scope.start) return `field:${owner.start}:${textOf(node, text)}`;
          return this.isModuleName(node, scope) ? `var:module:${textOf(node, text)}` : `var:${scope.start}:${textOf(node, text)}`;
        }
        if (node.type === 'attribute') {
          const object = node.fields.get('object');
          const attribute = node.fields.get('attribute');
          const owner = enclosingClass(node);
          if (!object || !attribute || !owner) return undefined;
          const objectText = textOf(object, text);
          if (objectText === 'self' || objectText === this.className(owner)) return `field:${owner.start}:${textOf(attribute, text)}`;
          return undefined;
        }
        return undefined;
      case 'ruby':
        if (node.type === 'constant') return `const:${textOf(node, text)}`;
        if (node.type === 'scope_resolution') return `const:${textOf(node.fields.get('name') ?? node, text)}`;
        if (node.type === 'instance_variable') {
          const owner = enclosingClass(node);
          return `field:${owner?.start ?? 0}:${textOf(node, text)}`;
        }
        if (node.type === 'identifier') return `var:${nearestScope(node, this.grammar).start}:${textOf(node, text)}`;
        return undefined;
    }
  }

  /** A Python name read in a function but never assigned there is the module's. */
  private isModuleName(node: SyntaxNode, scope: SyntaxNode): boolean {
    if (scope.type === 'module') return true;
    const name = textOf(node, this.text);
    for (const inner of descendants(scope)) {
      if (inner.type !== 'assignment' && inner.type !== 'augmented_assignment') continue;
      const left = inner.fields.get('left');
      if (left?.type === 'identifier' && textOf(left, this.text) === name && nearestScope(left, this.grammar) === scope) return false;
    }
    return true;
  }
}

const CLASS_TYPES = new Set(['class_declaration', 'class_definition', 'class']);

export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  let current = node.parent;
  while (current && !CLASS_TYPES.has(current.type)) current = current.parent;
  return current ?? undefined;
}

/** Keys that name the same thing in every file: constants and module-level names, never locals or fields. */
function isFileLevelKey(key: string): boolean {
  return key.startsWith('const:') || key.startsWith('var:module:');
}
