import type { Node } from '@babel/types';
import { staticPropertyName, unwrapExpression } from '../ast/node-utils.js';
import type { Bindings, Binding } from './bindings.js';
import type { InstanceFields } from './instance-fields.js';

export type StaticValue = string | number | boolean | null | StaticObject | StaticValue[];
export interface StaticObject {
  [key: string]: StaticValue | undefined;
}

/**
 * Cross-module facts, supplied by the project index (src/project) when it runs; the core stays
 * free of I/O. Synchronous on purpose: ts-morph answers from memory.
 */
export interface ModuleResolver {
  /** The static value of `exportName` (`*` for the whole module, `default`) of `specifier` imported from `fromFile`. */
  resolveExport(fromFile: string, specifier: string, exportName: string): StaticValue | undefined;
}

export function isStaticObject(value: StaticValue | undefined): value is StaticObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Computes values that are fixed in the source: literals, templates and `+` of them, arithmetic on
 * numbers, constants, object properties, `[...].join()`, and (through the resolver) exports of
 * other modules.
 * Unknown is undefined; nothing is ever guessed.
 */
export class Evaluator {
  private readonly memo = new Map<Node, StaticValue | undefined>();
  private readonly active = new Set<Node>();

  private instanceFields: InstanceFields | undefined;

  constructor(
    private readonly bindings: Bindings,
    private readonly filePath: string,
    private readonly resolver?: ModuleResolver,
    /** Fields of classes and constructor functions (`this.baseUrl`, `Client.BASE`), built on first use. */
    private readonly instanceFieldsOf?: () => InstanceFields,
  ) {}

  evaluate(node: Node): StaticValue | undefined {
    if (this.memo.has(node)) return this.memo.get(node);
    if (this.active.has(node)) return undefined;
    this.active.add(node);
    const value = this.compute(unwrapExpression(node));
    this.active.delete(node);
    this.memo.set(node, value);
    return value;
  }

  evaluateString(node: Node): string | undefined {
    const value = this.evaluate(node);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  }

  /** The value a binding holds for its whole life, if fixed. */
  bindingValue(binding: Binding): StaticValue | undefined {
    if (!this.bindings.isConstant(binding)) return undefined;
    if (binding.module) return this.resolver?.resolveExport(this.filePath, binding.module.specifier, binding.module.exportName);
    if (binding.propertyOf) {
      const object = this.evaluate(binding.propertyOf.object);
      return isStaticObject(object) ? object[binding.propertyOf.key] : undefined;
    }
    if (binding.init && binding.kind !== 'function') return this.evaluate(binding.init);
    return undefined;
  }

  private compute(node: Node): StaticValue | undefined {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return node.value;
      case 'NullLiteral':
        return null;
      case 'TemplateLiteral': {
        let text = node.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < node.expressions.length; i++) {
          const part = this.evaluateString(node.expressions[i]!);
          if (part === undefined) return undefined;
          text += part + (node.quasis[i + 1]?.value.cooked ?? '');
        }
        return text;
      }
      case 'BinaryExpression': {
        if (node.left.type === 'PrivateName') return undefined;
        const left = this.evaluate(node.left);
        const right = this.evaluate(node.right);
        if (node.operator !== '+') return arithmetic(node.operator, left, right);
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        const isPrimitive = (v: StaticValue | undefined) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
        return isPrimitive(left) && isPrimitive(right) ? String(left) + String(right) : undefined;
      }
      case 'UnaryExpression': {
        const argument = this.evaluate(node.argument);
        if (typeof argument !== 'number') return undefined;
        return node.operator === '-' ? -argument : node.operator === '+' ? argument : undefined;
      }
      case 'LogicalExpression': {
        // `process.env.X || 'https://crm.zoho.com/...'`: the fallback is what the source fixes.
        const left = this.evaluate(node.left);
        if (left !== undefined) return node.operator === '&&' ? (left ? this.evaluate(node.right) : left) : left || this.evaluate(node.right);
        return node.operator === '&&' ? undefined : this.evaluate(node.right);
      }
      case 'Identifier': {
        const binding = this.bindings.resolve(node.name);
        return binding ? this.bindingValue(binding) : undefined;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const key = node.computed ? this.evaluateString(node.property) : staticPropertyName(node.property, false);
        if (key === undefined) return undefined;
        const objectNode = unwrapExpression(node.object);
        if (this.instanceFieldsOf && (objectNode.type === 'ThisExpression' || objectNode.type === 'Identifier')) {
          this.instanceFields ??= this.instanceFieldsOf();
          const field = this.instanceFields.valueOf(node);
          if (field) return this.evaluate(field);
        }
        const object = this.evaluate(node.object);
        if (Array.isArray(object)) return key === 'length' ? object.length : object[Number(key)];
        if (typeof object === 'string' && key === 'length') return object.length;
        return isStaticObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
      }
      case 'TSEnumDeclaration': {
        // Members without an initialiser count up from the previous number, as TypeScript numbers them.
        const result: StaticObject = {};
        let next: number | undefined = 0;
        for (const member of node.members) {
          const key = member.id.type === 'Identifier' ? member.id.name : member.id.value;
          const value: StaticValue | undefined = member.initializer ? this.evaluate(member.initializer) : next;
          if (typeof value !== 'string' && typeof value !== 'number') return undefined;
          result[key] = value;
          next = typeof value === 'number' ? value + 1 : undefined;
        }
        return result;
      }
      case 'ObjectExpression': {
        const result: StaticObject = {};
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') {
            const spread = this.evaluate(property.argument);
            if (isStaticObject(spread)) Object.assign(result, spread);
            continue;
          }
          if (property.type !== 'ObjectProperty') continue;
          const key = property.computed ? this.evaluateString(property.key) : staticPropertyName(property.key, false);
          if (key !== undefined) result[key] = this.evaluate(property.value);
        }
        return result;
      }
      case 'ArrayExpression': {
        const items: StaticValue[] = [];
        for (const element of node.elements) {
          if (!element || element.type === 'SpreadElement') return undefined;
          const value = this.evaluate(element);
          if (value === undefined) return undefined;
          items.push(value);
        }
        return items;
      }
      case 'CallExpression': {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && staticPropertyName(callee.property, callee.computed) === 'join') {
          const items = this.evaluate(callee.object);
          const separator = node.arguments[0] ? this.evaluateString(node.arguments[0]) : ',';
          if (Array.isArray(items) && separator !== undefined) return items.map((item) => String(item)).join(separator);
        }
        if (callee.type === 'Identifier' && callee.name === 'String' && node.arguments[0]) return this.evaluateString(node.arguments[0]);
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

/**
 * Numbers only: durations are spelled `7 * 24 * 60 * 60 * 1000` or `WEEK - HOUR`, and a value
 * that is not a finite number is as good as unknown.
 */
function arithmetic(operator: string, left: StaticValue | undefined, right: StaticValue | undefined): number | undefined {
  if (typeof left !== 'number' || typeof right !== 'number') return undefined;
  let value: number;
  switch (operator) {
    case '-':
      value = left - right;
      break;
    case '*':
      value = left * right;
      break;
    case '/':
      value = left / right;
      break;
    case '%':
      value = left % right;
      break;
    case '**':
      value = left ** right;
      break;
    default:
      return undefined;
  }
  return Number.isFinite(value) ? value : undefined;
}
