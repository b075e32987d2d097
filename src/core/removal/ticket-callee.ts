import type { Node } from '@babel/types';
import { staticPropertyName } from '../ast/node-utils.js';
import type { LexicalBinding } from '../scope/lexical-scopes.js';
import type { RemovalContext } from './candidate.js';

/** How a call reaches a ticket function: a function of this file (it must go too), or another module's. */
export type TicketCallee = { local: LexicalBinding } | { imported: string };

/** The specifier and export name a `require`/`import` binding stands for (`{ getTicket } = require('./session')`). */
export function importedBinding(context: RemovalContext, binding: LexicalBinding): { specifier: string; name: string | undefined } | undefined {
  const { index } = context;
  const id = binding.id;
  const parent = index.parentOf(id);
  const requireOf = (node: Node | null | undefined): string | undefined => {
    if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
    const [first] = node.arguments;
    return node.arguments.length === 1 && first?.type === 'StringLiteral' ? first.value : undefined;
  };
  if (parent?.type === 'VariableDeclarator' && parent.id === id) {
    const specifier = requireOf(parent.init);
    return specifier === undefined ? undefined : { specifier, name: undefined };
  }
  if (parent?.type === 'ObjectProperty' && parent.value === id) {
    const pattern = index.parentOf(parent);
    const declarator = pattern ? index.parentOf(pattern) : null;
    const specifier = declarator?.type === 'VariableDeclarator' && declarator.id === pattern ? requireOf(declarator.init) : undefined;
    const name = staticPropertyName(parent.key, parent.computed);
    return specifier === undefined || name === undefined ? undefined : { specifier, name };
  }
  if (parent?.type === 'ImportSpecifier' || parent?.type === 'ImportDefaultSpecifier' || parent?.type === 'ImportNamespaceSpecifier') {
    const declaration = index.parentOf(parent);
    if (declaration?.type !== 'ImportDeclaration') return undefined;
    const name = parent.type === 'ImportSpecifier' ? (parent.imported.type === 'Identifier' ? parent.imported.name : parent.imported.value) : parent.type === 'ImportDefaultSpecifier' ? 'default' : undefined;
    return { specifier: declaration.source.value, name };
  }
  return undefined;
}

/** Is this callee a ticket function (`getTicket`, `session.getTicket`, `{ getTicket }` of another module)? */
export function ticketCallee(context: RemovalContext, callee: Node, localTicketFunctions: ReadonlySet<LexicalBinding>): TicketCallee | undefined {
  if (callee.type === 'Identifier') {
    const binding = context.scopes.bindingOf(callee);
    if (!binding) return undefined;
    if (localTicketFunctions.has(binding)) return { local: binding };
    const imported = importedBinding(context, binding);
    if (imported?.name !== undefined && context.facts.ticketExportsOf(imported.specifier).has(imported.name)) return { imported: imported.specifier };
    return undefined;
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    const name = staticPropertyName(callee.property, callee.computed);
    const binding = context.scopes.bindingOf(callee.object);
    const imported = binding ? importedBinding(context, binding) : undefined;
    if (name !== undefined && imported && imported.name === undefined && context.facts.ticketExportsOf(imported.specifier).has(name)) return { imported: imported.specifier };
  }
  return undefined;
}
