import type { Node, ObjectExpression } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import { lexicalScopesOf, type LexicalScopes } from '../scope/lexical-scopes.js';
import type { AnyCall, RequestShape, ShapeTools } from './request-shape.js';

/** `require('m')`, `require('m').x`, `require('m').default`: the module, else undefined. */
function requiredModule(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  let inner = unwrapExpression(node);
  if (inner.type === 'MemberExpression') inner = unwrapExpression(inner.object);
  if (inner.type !== 'CallExpression' || inner.callee.type !== 'Identifier' || inner.callee.name !== 'require') return undefined;
  const arg = inner.arguments[0];
  return arg?.type === 'StringLiteral' ? arg.value : undefined;
}

/** The help shapes get, built once per file; Babel's scopes only when a carrier asks for them. */
export function createShapeTools(context: AnalysisContext, shapes: readonly RequestShape[]): ShapeTools {
  let scopes: LexicalScopes | undefined;
  const getScopes = () => (scopes ??= lexicalScopesOf(context.ast));
  const bindingOf = (node: Node) => getScopes().bindingOf(node);
  return {
    context,
    get scopes() {
      return getScopes();
    },
    bindingOf,
    paramKeys: new Set(shapes.flatMap((shape) => shape.paramKeys ?? [])),
    moduleOf(node) {
      const inner = unwrapExpression(node);
      if (inner.type !== 'Identifier') return undefined;
      const binding = bindingOf(inner);
      if (!binding) return '';
      const { index } = context;
      for (const ancestor of index.ancestors(binding.id)) {
        if (ancestor.type === 'ImportDeclaration') return ancestor.source.value;
        if (ancestor.type === 'TSImportEqualsDeclaration') return ancestor.moduleReference.type === 'TSExternalModuleReference' ? ancestor.moduleReference.expression.value : undefined;
        // `declare const $: JQueryStatic`: the global, typed.
        if (ancestor.type === 'VariableDeclaration' && ancestor.declare) return '';
        if (ancestor.type === 'VariableDeclarator' && !ancestor.init && index.parentOf(ancestor)?.type === 'VariableDeclaration' && (index.parentOf(ancestor) as { declare?: boolean }).declare) return '';
        if (ancestor.type === 'VariableDeclarator') return requiredModule(ancestor.init);
        if (ancestor.type.endsWith('Statement') || ancestor.type.startsWith('Function') || ancestor.type === 'ArrowFunctionExpression') return undefined;
      }
      return undefined;
    },
    objectLiteral(node) {
      const inner = unwrapExpression(node);
      if (inner.type === 'ObjectExpression') return inner;
      if (inner.type !== 'Identifier') return undefined;
      const binding = bindingOf(inner);
      const init = binding?.init ? unwrapExpression(binding.init) : undefined;
      return init?.type === 'ObjectExpression' && binding!.writes.length === 0 ? init : undefined;
    },
    property(object: ObjectExpression, keys) {
      for (let i = object.properties.length - 1; i >= 0; i--) {
        const property = object.properties[i]!;
        if (property.type !== 'ObjectProperty') continue;
        const name = property.computed && property.key.type !== 'StringLiteral' ? undefined : staticPropertyName(property.key, property.computed);
        if (name !== undefined && keys.includes(name)) return property.value;
      }
      return undefined;
    },
    creatorOf(node): AnyCall | undefined {
      const inner = unwrapExpression(node);
      if (inner.type === 'CallExpression') return inner;
      if (inner.type === 'MemberExpression' && inner.object.type === 'ThisExpression') return classFieldCreator(inner, context);
      if (inner.type !== 'Identifier') return undefined;
      const binding = bindingOf(inner);
      const init = binding?.init && binding.writes.length === 0 ? unwrapExpression(binding.init) : undefined;
      return init?.type === 'CallExpression' ? init : undefined;
    },
  };
}

/**
 * `this.http` in a class whose field is `http = axios.create(...)`, or whose only assignment to it
 * is `this.http = axios.create(...)`: the call that made the instance.
 */
function classFieldCreator(member: Extract<Node, { type: 'MemberExpression' }>, context: AnalysisContext): AnyCall | undefined {
  const name = staticPropertyName(member.property, member.computed);
  if (name === undefined) return undefined;
  let body: Node | undefined;
  for (const ancestor of context.index.ancestors(member)) {
    if (ancestor.type === 'ClassBody') {
      body = ancestor;
      break;
    }
  }
  if (body?.type !== 'ClassBody') return undefined;
  const creators: Node[] = [];
  for (const element of body.body) {
    if (element.type === 'ClassProperty' && !element.computed && staticPropertyName(element.key, false) === name && element.value) creators.push(element.value);
  }
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    const left = assignment.left;
    const isInClass = (assignment.start ?? 0) >= (body.start ?? 0) && (assignment.end ?? 0) <= (body.end ?? 0);
    if (isInClass && left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && staticPropertyName(left.property, left.computed) === name) creators.push(assignment.right);
  }
  const only = creators.length === 1 ? unwrapExpression(creators[0]!) : undefined;
  return only?.type === 'CallExpression' ? only : undefined;
}
