import type { Identifier, Node } from '@babel/types';
import { subtreeNodes } from '../ast/subtree.js';
import type { SourceRange } from '../findings.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import type { Candidate, RemovalContext } from './candidate.js';
import { statementRange } from './line-ranges.js';

const STATEMENT_TYPES = [
  'FunctionDeclaration',
  'VariableDeclaration',
  'ExpressionStatement',
  'IfStatement',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'TryStatement',
  'ClassDeclaration',
] as const;

/** The statement a finding covers exactly, if it covers one. */
export function statementAt(context: RemovalContext, range: SourceRange): Node | undefined {
  for (const type of STATEMENT_TYPES) {
    const found = context.index.ofType(type).find((node) => node.start === range.start && node.end === range.end);
    if (found) return found;
  }
  return undefined;
}

/** Statements sit in a list (a block, the program, a case): deleting one leaves valid code. */
export function isInStatementList(node: Node, context: RemovalContext): boolean {
  const parent = context.index.parentOf(node);
  const key = context.index.keyOf(node);
  return (parent?.type === 'Program' || parent?.type === 'BlockStatement' || parent?.type === 'StaticBlock' || parent?.type === 'SwitchCase') && (key === 'body' || key === 'consequent');
}

/** `export function f`: the function inside the export statement. */
export function innerDeclaration(node: Node): Node {
  return (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') && node.declaration ? node.declaration : node;
}

function patternIdentifiers(pattern: Node): Identifier[] {
  return subtreeNodes(pattern).filter((node): node is Identifier => node.type === 'Identifier');
}

/** The names a statement declares in its own scope. */
export function declaredBindings(statement: Node, context: RemovalContext): LexicalBinding[] {
  const node = innerDeclaration(statement);
  const ids: Identifier[] = [];
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) ids.push(node.id);
  // Keys of a pattern are identifiers too, but declare nothing: bindingOf tells them apart.
  if (node.type === 'VariableDeclaration') for (const declarator of node.declarations) ids.push(...patternIdentifiers(declarator.id));
  const bindings: LexicalBinding[] = [];
  for (const id of ids) {
    const binding = context.scopes.bindingOf(id);
    if (binding && binding.id === id) bindings.push(binding);
  }
  return bindings;
}

/** The whole lines a statement takes, with its comments. */
export function statementDeletion(statement: Node, context: RemovalContext): SourceRange {
  return statementRange(context.text, { start: statement.start ?? 0, end: statement.end ?? 0 }, context.comments);
}

export function rangeOfNode(node: Node): SourceRange {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}

/** A candidate that deletes one whole statement, declaring `declares` and depending on nothing else. */
export function wholeStatementCandidate(statement: Node, context: RemovalContext, what: string, reason: string, declares: LexicalBinding[]): Candidate {
  return { what, reason, deletions: [statementDeletion(statement, context)], gone: [rangeOfNode(statement)], replacements: [], declares, dependsOn: new Set(), node: statement };
}
