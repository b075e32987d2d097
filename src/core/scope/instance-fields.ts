import type { AssignmentExpression, Node } from '@babel/types';
import { memberPath, staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { NodeIndex } from '../ast/traverse.js';
import type { Bindings } from './bindings.js';

/**
 * The one value a field of a class or of a constructor function is given, so that the base URL a
 * client keeps on its instance (`this.baseUrl = 'https://crm.zoho.com/...'` in the constructor,
 * `static BASE = ...`) proves its requests Zoho's, as a constant would:
 *
 *     class ZohoCRM { constructor() { this.url = URL } leads() { fetch(this.url + ...) } }
 *     function Client() { this.url = URL }  Client.prototype.leads = function () { fetch(this.url + ...) }
 *
 * Only a field written once in the whole file is known: by a field initialiser, or by a statement
 * of the constructor's own body (not inside an `if`, a loop or a callback), and never by any other
 * assignment to a member of that name (`client.url = ...`, `this.url = ...` in a setter). A class
 * or constructor that hands `this` to a call (`Object.assign(this, options)`) knows nothing.
 */
export class InstanceFields {
  /** `owner` (class or constructor function) -> field name -> the one value. */
  private readonly fields = new Map<Node, Map<string, Node>>();
  private readonly staticFields = new Map<Node, Map<string, Node>>();
  /** How many times each member name is assigned anywhere in the file. */
  private readonly writesByName = new Map<string, number>();

  constructor(
    private readonly index: NodeIndex,
    private readonly bindings: Bindings,
  ) {
    for (const assignment of index.ofType('AssignmentExpression')) {
      const name = assignedMemberName(assignment);
      if (name !== undefined) this.writesByName.set(name, (this.writesByName.get(name) ?? 0) + 1);
    }
    for (const type of ['ClassDeclaration', 'ClassExpression'] as const) {
      for (const cls of index.ofType(type)) this.readClass(cls);
    }
    for (const fn of index.ofType('FunctionDeclaration')) this.readConstructorFunction(fn);
  }

  /** The value node behind `this.name` (inside its owner) or `Class.name` (a static field), if it is fixed. */
  valueOf(member: Node): Node | undefined {
    if (member.type !== 'MemberExpression' && member.type !== 'OptionalMemberExpression') return undefined;
    const name = staticPropertyName(member.property, member.computed);
    if (name === undefined) return undefined;
    const object = unwrapExpression(member.object);
    if (object.type === 'ThisExpression') {
      const owner = this.ownerOfThis(member);
      return owner ? this.fields.get(owner)?.get(name) : undefined;
    }
    if (object.type === 'Identifier') {
      const binding = this.bindings.resolve(object.name);
      const cls = binding?.kind === 'class' ? this.index.parentOf(binding.id) : undefined;
      return cls ? this.staticFields.get(cls)?.get(name) : undefined;
    }
    return undefined;
  }

  private isWrittenOnce(name: string, initialisers: number): boolean {
    return (this.writesByName.get(name) ?? 0) + initialisers === 1;
  }

  private readClass(cls: Extract<Node, { type: 'ClassDeclaration' | 'ClassExpression' }>): void {
    if (this.handsThisAway(cls)) return;
    const fields = new Map<string, Node>();
    const statics = new Map<string, Node>();
    const constructor = cls.body.body.find((member) => member.type === 'ClassMethod' && member.kind === 'constructor');
    const initialisers = new Map<string, number>();
    for (const member of cls.body.body) {
      if (member.type !== 'ClassProperty') continue;
      const name = staticPropertyName(member.key, member.computed);
      if (name !== undefined) initialisers.set(name, (initialisers.get(name) ?? 0) + 1);
    }
    for (const member of cls.body.body) {
      if (member.type !== 'ClassProperty' || !member.value) continue;
      const name = staticPropertyName(member.key, member.computed);
      if (name === undefined || !this.isWrittenOnce(name, initialisers.get(name) ?? 0)) continue;
      (member.static ? statics : fields).set(name, member.value);
    }
    if (constructor?.type === 'ClassMethod') this.readConstructorBody(constructor.body.body, fields, initialisers);
    this.fields.set(cls, fields);
    this.staticFields.set(cls, statics);
  }

  private readConstructorFunction(fn: Extract<Node, { type: 'FunctionDeclaration' }>): void {
    if (!fn.id || this.handsThisAway(fn)) return;
    const fields = new Map<string, Node>();
    this.readConstructorBody(fn.body.body, fields, new Map());
    if (fields.size > 0) this.fields.set(fn, fields);
  }

  /** `this.name = value;` statements of the constructor's own body. */
  private readConstructorBody(statements: readonly Node[], fields: Map<string, Node>, initialisers: ReadonlyMap<string, number>): void {
    for (const statement of statements) {
      if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
      const assignment = statement.expression;
      if (assignment.operator !== '=' || assignment.left.type !== 'MemberExpression' || unwrapExpression(assignment.left.object).type !== 'ThisExpression') continue;
      const name = staticPropertyName(assignment.left.property, assignment.left.computed);
      if (name !== undefined && this.isWrittenOnce(name, initialisers.get(name) ?? 0)) fields.set(name, assignment.right);
    }
  }

  /** `Object.assign(this, options)`, `init(this)`: the fields may be anything. */
  private handsThisAway(owner: Node): boolean {
    const start = owner.start ?? 0;
    const end = owner.end ?? 0;
    return this.index.ofType('ThisExpression').some((node) => {
      if ((node.start ?? 0) < start || (node.end ?? 0) > end) return false;
      const parent = this.index.parentOf(node);
      return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && this.index.keyOf(node) === 'arguments';
    });
  }

  /**
   * The class or constructor function whose instance `this` is at `node`: through arrow functions,
   * to the method of a class, or to the constructor function itself or a function assigned to
   * `Ctor.prototype.name` (or given in `Ctor.prototype = { ... }`).
   */
  private ownerOfThis(node: Node): Node | undefined {
    for (const ancestor of this.index.ancestors(node)) {
      if (ancestor.type === 'ArrowFunctionExpression') continue;
      if (ancestor.type === 'ClassMethod' || ancestor.type === 'ClassPrivateMethod' || ancestor.type === 'ClassProperty') {
        if ((ancestor as { static?: boolean }).static) return undefined;
        const body = this.index.parentOf(ancestor);
        return body ? (this.index.parentOf(body) ?? undefined) : undefined;
      }
      if (ancestor.type === 'FunctionDeclaration') return this.fields.has(ancestor) ? ancestor : undefined;
      if (ancestor.type === 'FunctionExpression' || ancestor.type === 'ObjectMethod') return this.prototypeOwner(ancestor);
      if (ancestor.type === 'Program') return undefined;
    }
    return undefined;
  }

  private prototypeOwner(fn: Node): Node | undefined {
    let holder: Node | null = this.index.parentOf(fn);
    // `{ leads: function () {} }` or `{ leads() {} }` in `Ctor.prototype = { ... }`.
    if (holder?.type === 'ObjectProperty' || fn.type === 'ObjectMethod') {
      const object = fn.type === 'ObjectMethod' ? holder : this.index.parentOf(holder!);
      holder = object ? this.index.parentOf(object) : null;
      if (holder?.type !== 'AssignmentExpression') return undefined;
      const path = memberPath(holder.left);
      return path?.length === 2 && path[1] === 'prototype' ? this.constructorNamed(path[0]!) : undefined;
    }
    if (holder?.type !== 'AssignmentExpression' || holder.right !== fn) return undefined;
    const path = memberPath(holder.left);
    return path?.length === 3 && path[1] === 'prototype' ? this.constructorNamed(path[0]!) : undefined;
  }

  private constructorNamed(name: string): Node | undefined {
    const binding = this.bindings.resolve(name);
    const fn = binding?.kind === 'function' ? binding.init : undefined;
    return fn && this.fields.has(fn) ? fn : undefined;
  }
}

/** The member name an assignment writes (`a.b = ...`, `this['b'] = ...`), if static. */
function assignedMemberName(assignment: AssignmentExpression): string | undefined {
  const left = assignment.left;
  if (left.type !== 'MemberExpression') return undefined;
  return staticPropertyName(left.property, left.computed);
}
