import { memberPath } from '../ast/node-utils.js';
import type { RemovalContext } from './candidate.js';
import { effectOf } from './side-effects.js';

function isExportsTarget(node: Parameters<typeof memberPath>[0]): boolean {
  const path = memberPath(node);
  return path !== undefined && (path[0] === 'exports' || (path[0] === 'module' && path[1] === 'exports'));
}

/**
 * Does loading the module only declare things (functions, constants, requires of such modules,
 * its exports)? Then a `require` of it that nothing uses may go without losing an effect.
 */
export function isPureAtLoad(context: RemovalContext): boolean {
  const isQuiet = (node: Parameters<typeof effectOf>[0]) => {
    const verdict = effectOf(node, context.text, context.index, context.scopes, context.effectFacts);
    return !verdict.reason && verdict.dependsOn.size === 0;
  };
  for (const statement of context.ast.program.body) {
    switch (statement.type) {
      case 'FunctionDeclaration':
      case 'EmptyStatement':
        continue;
      case 'ImportDeclaration':
        if (!context.facts.isPureModule(statement.source.value)) return false;
        continue;
      case 'VariableDeclaration':
        if (!statement.declarations.every((declarator) => !declarator.init || isQuiet(declarator.init))) return false;
        continue;
      case 'ExportNamedDeclaration':
        if (statement.source || (statement.declaration && statement.declaration.type !== 'FunctionDeclaration' && !isQuiet(statement.declaration))) return false;
        continue;
      case 'ExpressionStatement': {
        const expression = statement.expression;
        if (expression.type === 'StringLiteral') continue;
        if (expression.type === 'AssignmentExpression' && isExportsTarget(expression.left) && isQuiet(expression.right)) continue;
        return false;
      }
      default:
        return false;
    }
  }
  return true;
}
