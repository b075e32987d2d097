import type { AssignmentExpression, Node, VariableDeclarator } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import type { StringRequest } from '../requests/string-request.js';
import type { Atom } from '../strings/atoms.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../strings/build-atoms.js';

/** One write to the variable: its declaration, `url = ...`, or `url += ...`. */
interface Write {
  node: VariableDeclarator | AssignmentExpression;
  value: Node;
  isAppend: boolean;
  statement: Node;
}

/**
 * `var url = BASE + '?x=1'; url += '&apikey=' + k; url += '&ticket=' + t;`: the statements of one
 * function that build a variable form one request, from its last plain assignment on.
 */
export function collectAppendSequences(context: AnalysisContext, builder: AtomBuilder, names: ReadonlySet<string>): StringRequest[] {
  const groups = new Map<string, { name: string; scope: Node | null }>();
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    if (assignment.operator !== '+=' || assignment.left.type !== 'Identifier') continue;
    const scope = context.index.enclosingFunction(assignment);
    groups.set(`${assignment.left.name}@${scope?.start ?? 0}`, { name: assignment.left.name, scope });
  }
  const requests: StringRequest[] = [];
  for (const { name, scope } of groups.values()) {
    for (const sequence of splitSequences(writesOf(name, scope, context))) {
      const spellsLegacy = sequence.some(
        (write) => LEGACY_KEY_TEXT.test(context.sourceOf(write.value)) || (write.value.type === 'Identifier' && names.has(write.value.name)),
      );
      if (!spellsLegacy) continue;
      const atoms: Atom[] = [];
      for (const write of sequence) {
        if (atoms.length > 0) atoms.push({ kind: 'boundary', ch: '' });
        const owner = write.isAppend ? { kind: 'statement' as const, statement: write.statement } : { kind: 'expression' as const };
        atoms.push(...builder.atoms(builder.chain(write.value, owner)));
      }
      const first = sequence[0]!;
      const last = sequence[sequence.length - 1]!;
      requests.push({
        root: first.statement,
        start: first.statement.start ?? 0,
        end: last.statement.end ?? 0,
        atoms,
        covers: sequence.map((write) => write.value),
      });
    }
  }
  return requests;
}

function writesOf(name: string, scope: Node | null, context: AnalysisContext): Write[] {
  const writes: Write[] = [];
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || declarator.id.name !== name || !declarator.init) continue;
    if (context.index.enclosingFunction(declarator) !== scope) continue;
    const declaration = context.index.parentOf(declarator);
    if (declaration) writes.push({ node: declarator, value: declarator.init, isAppend: false, statement: declaration });
  }
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    if (assignment.left.type !== 'Identifier' || assignment.left.name !== name) continue;
    if (assignment.operator !== '=' && assignment.operator !== '+=') continue;
    const statement = context.index.parentOf(assignment);
    if (statement?.type !== 'ExpressionStatement' || context.index.enclosingFunction(assignment) !== scope) continue;
    writes.push({ node: assignment, value: assignment.right, isAppend: assignment.operator === '+=', statement });
  }
  return writes.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
}

/** A plain assignment starts a new request; a sequence must append at least once. */
function splitSequences(writes: readonly Write[]): Write[][] {
  const sequences: Write[][] = [];
  let current: Write[] = [];
  for (const write of writes) {
    if (!write.isAppend && current.length > 0) {
      sequences.push(current);
      current = [];
    }
    current.push(write);
  }
  if (current.length > 0) sequences.push(current);
  return sequences.filter((sequence) => sequence.some((write) => write.isAppend));
}
