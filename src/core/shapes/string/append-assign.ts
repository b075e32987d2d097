import type { AssignmentExpression, Node, VariableDeclarator } from '@babel/types';
import type { AnalysisContext } from '../../context.js';
import type { StringRequest, StringShape } from '../string-shape.js';
import type { Atom } from '../../strings/atoms.js';
import { LEGACY_KEY_TEXT, type AtomBuilder } from '../../strings/build-atoms.js';

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
function collectAppendSequences(context: AnalysisContext, builder: AtomBuilder, names: ReadonlySet<string>): StringRequest[] {
  const groups = new Map<string, { name: string; scope: Node | null }>();
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    if (assignment.operator !== '+=' || assignment.left.type !== 'Identifier') continue;
    const scope = context.index.enclosingFunction(assignment);
    groups.set(`${assignment.left.name}@${scope?.start ?? 0}`, { name: assignment.left.name, scope });
  }
  const requests: StringRequest[] = [];
  const writesByGroup = collectWrites(groups, context);
  for (const key of groups.keys()) {
    for (const sequence of splitSequences(writesByGroup.get(key) ?? [])) {
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

/**
 * The writes of every `+=` variable, by `name@function`, in one pass over the file: a minified
 * bundle has thousands of `+=` groups, and a pass per group made its analysis quadratic.
 */
function collectWrites(groups: ReadonlyMap<string, { name: string; scope: Node | null }>, context: AnalysisContext): Map<string, Write[]> {
  const names = new Set([...groups.values()].map((group) => group.name));
  const writes = new Map<string, Write[]>();
  const add = (name: string, scope: Node | null, write: Write) => {
    const key = `${name}@${scope?.start ?? 0}`;
    if (groups.get(key)?.scope !== scope) return;
    const list = writes.get(key);
    if (list) list.push(write);
    else writes.set(key, [write]);
  };
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || !names.has(declarator.id.name) || !declarator.init) continue;
    const declaration = context.index.parentOf(declarator);
    if (declaration) add(declarator.id.name, context.index.enclosingFunction(declarator), { node: declarator, value: declarator.init, isAppend: false, statement: declaration });
  }
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    if (assignment.left.type !== 'Identifier' || !names.has(assignment.left.name)) continue;
    if (assignment.operator !== '=' && assignment.operator !== '+=') continue;
    const statement = context.index.parentOf(assignment);
    if (statement?.type !== 'ExpressionStatement') continue;
    add(assignment.left.name, context.index.enclosingFunction(assignment), { node: assignment, value: assignment.right, isAppend: assignment.operator === '+=', statement });
  }
  for (const list of writes.values()) list.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  return writes;
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

export const appendAssignShape: StringShape = { id: 'append-assign', collect: collectAppendSequences };
