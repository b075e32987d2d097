import type { Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import { isParenthesized } from '../ast/node-utils.js';
import type { Edit } from '../findings.js';
import type { Atom, Chain, HoleAtom, Operand } from './atoms.js';
import type { Insertion, RewriteOps } from './rewrite-ops.js';
import { listEdits, listItem, type ItemChange } from './list-edits.js';
import { renderChunks, renderTemplate, type Piece } from './render-pieces.js';

export interface RenderContext {
  text: string;
  index: NodeIndex;
}

/** A format string's argument list after the rewrite: per original argument, and new ones. */
interface FormatArgs {
  changes: Map<number, ItemChange>;
  inserts: Array<{ after: number; text: string }>;
}

class RenderError extends Error {}

/** Parents under which `a + b` may replace a single literal without parentheses. */
function isAdditiveSafe(node: Node, index: NodeIndex): boolean {
  if (isParenthesized(node)) return true;
  const parent = index.parentOf(node);
  const key = index.keyOf(node);
  switch (parent?.type) {
    case 'VariableDeclarator':
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ArrayExpression':
    case 'TemplateLiteral':
    case 'JSXExpressionContainer':
    case 'SpreadElement':
    case 'ExpressionStatement':
    case 'SequenceExpression':
    case 'LogicalExpression':
    case 'YieldExpression':
      return true;
    case 'CallExpression':
    case 'NewExpression':
    case 'OptionalCallExpression':
      return key === 'arguments';
    case 'AssignmentExpression':
    case 'AssignmentPattern':
      return key === 'right';
    case 'ObjectProperty':
      return key === 'value';
    case 'ConditionalExpression':
      return key !== 'test';
    case 'ArrowFunctionExpression':
      return key === 'body';
    case 'BinaryExpression':
      return parent.operator === '+' && key === 'left';
    default:
      return false;
  }
}

/**
 * Renders atom operations back into source edits, one operand at a time: untouched operands keep
 * every byte, a changed literal keeps its quote and escapes, removed operands take their ` + `
 * with them, and a literal that must hold an expression is split into a concatenation.
 */
export function renderOps(atoms: readonly Atom[], ops: RewriteOps, context: RenderContext): Edit[] | string {
  const byChain = new Map<Chain, Atom[]>();
  for (const atom of atoms) {
    if (atom.kind === 'boundary') continue;
    const list = byChain.get(atom.operand.chain);
    if (list) list.push(atom);
    else byChain.set(atom.operand.chain, [atom]);
  }
  const edits: Edit[] = [];
  try {
    for (const [chain, chainAtoms] of byChain) {
      if (chainAtoms.some((atom) => ops.isTouched(atom))) edits.push(...renderChain(chain, chainAtoms, ops, { ...context, atoms }));
    }
  } catch (error) {
    if (error instanceof RenderError) return error.message;
    throw error;
  }
  return edits;
}

/** While rendering: every atom of the request, nested chains' included. */
interface ChainRenderContext extends RenderContext {
  atoms: readonly Atom[];
}

function renderChain(chain: Chain, atoms: readonly Atom[], ops: RewriteOps, context: ChainRenderContext): Edit[] {
  const defaultQuote = chain.operands.find((operand) => operand.kind === 'string')?.quote ?? "'";
  const format: FormatArgs = { changes: new Map(), inserts: [] };
  const changes: Array<ItemChange & { endQuote?: string }> = [];
  let renderedChunks = 0;
  for (const operand of chain.operands) {
    const own = atoms.filter((atom) => atom.kind !== 'boundary' && atom.operand === operand);
    if (!own.some((atom) => ops.isTouched(atom))) {
      changes.push({ kind: 'keep' });
      renderedChunks++;
      continue;
    }
    const pieces = operandPieces(operand, own, ops, context, format);
    const rendered: { text: string; chunks: number; endQuote?: string } | null = operand.kind === 'template' ? renderTemplate(pieces, context.text, chain) : renderChunks(pieces, operand.kind === 'string' ? operand.quote : defaultQuote, context.text);
    if (rendered === null) changes.push({ kind: 'remove' });
    else {
      renderedChunks += rendered.chunks;
      changes.push({ kind: 'replace', text: rendered.text, ...(rendered.endQuote ? { endQuote: rendered.endQuote } : {}) });
    }
  }
  joinAdjacentLiterals(chain, changes, context.text);

  const parent = context.index.parentOf(chain.root);
  if (parent?.type === 'JSXAttribute') throw new RenderError('the string is a JSX attribute value');
  const items = chain.operands.map((operand) => listItem(operand.node, context.text));
  const edits = listEdits(items, changes, [], ' + ');
  const result = edits ?? emptiedChain(chain, defaultQuote, context);
  if (edits && chain.operands.length === 1 && renderedChunks > 1 && !isAdditiveSafe(chain.root, context.index)) {
    result.push({ start: items[0]!.outerStart, end: items[0]!.outerStart, text: '(' }, { start: items[0]!.outerEnd, end: items[0]!.outerEnd, text: ')' });
  }
  if (chain.owner.kind === 'format') result.push(...formatArgEdits(chain.owner.call, chain.owner.formatIndex, format, context.text));
  return result;
}

function operandPieces(operand: Operand, own: readonly Atom[], ops: RewriteOps, context: ChainRenderContext, format: FormatArgs): Piece[] {
  const pieces: Piece[] = [];
  const nested = inlinedExpressions(operand, own, ops, context);
  const flushNested = (before: number) => {
    while (nested.length > 0 && nested[0]!.end <= before) {
      const range = nested.shift()!;
      pieces.push({ kind: 'raw', start: range.start, end: range.end });
    }
  };
  const isFormat = operand.chain.owner.kind === 'format';
  let lastArg = isFormat && operand.chain.owner.kind === 'format' ? operand.chain.owner.formatIndex : -1;
  const pushInsertions = (insertions: Insertion[] | undefined) => {
    for (const insertion of insertions ?? []) {
      if (insertion.kind === 'code' && isFormat) {
        pieces.push({ kind: 'text', value: '%s' });
        format.inserts.push({ after: lastArg, text: insertion.value });
      } else pieces.push(insertion);
    }
  };
  for (const atom of own) {
    flushNested(atomStart(atom));
    pushInsertions(ops.before.get(atom));
    if (!ops.deleted.has(atom)) {
      if (atom.kind === 'char') {
        const previous = pieces[pieces.length - 1];
        if (previous?.kind === 'raw' && previous.end === atom.start) previous.end = atom.end;
        else pieces.push({ kind: 'raw', start: atom.start, end: atom.end });
      } else if (atom.kind === 'hole') pieces.push(...holePieces(atom, ops, context, format, (index) => (lastArg = index)));
    } else if (atom.kind === 'hole' && atom.slot) {
      format.changes.set(argumentIndex(atom), { kind: 'remove' });
    }
    pushInsertions(ops.after.get(atom));
  }
  flushNested(Infinity);
  return pieces;
}

function atomStart(atom: Atom): number {
  if (atom.kind === 'char') return atom.start;
  if (atom.kind === 'hole') return atom.outer?.start ?? atom.slot?.start ?? atom.node.start ?? 0;
  return 0;
}

/**
 * A template's `${...}` whose expression was read as part of the request (`${sep + 'x=1'}`) has
 * no atom of the template's own: rendering the template again must write it back as it was. One
 * the rewrite changed inside cannot be written back with it, so the rewrite is refused.
 */
function inlinedExpressions(operand: Operand, own: readonly Atom[], ops: RewriteOps, context: ChainRenderContext): Array<{ start: number; end: number }> {
  const node = operand.node;
  if (node.type !== 'TemplateLiteral') return [];
  const ranges: Array<{ start: number; end: number }> = [];
  node.expressions.forEach((expression, i) => {
    if (own.some((atom) => atom.kind === 'hole' && atom.node === expression)) return;
    const range = { start: node.quasis[i]!.end ?? 0, end: node.quasis[i + 1]!.start ?? 0 };
    const isTouched = context.atoms.some((atom) => atom.kind !== 'boundary' && atom.operand !== operand && atomStart(atom) >= range.start && atomStart(atom) < range.end && ops.isTouched(atom));
    if (isTouched) throw new RenderError('a parameter is written inside an expression nested in the template');
    ranges.push(range);
  });
  return ranges;
}

function argumentIndex(hole: HoleAtom): number {
  const owner = hole.operand.chain.owner;
  if (owner.kind !== 'format') return -1;
  return owner.call.arguments.indexOf(hole.node as (typeof owner.call.arguments)[number]);
}

function holePieces(hole: HoleAtom, ops: RewriteOps, context: RenderContext, format: FormatArgs, setLastArg: (index: number) => void): Piece[] {
  const replacement = ops.replaced.get(hole);
  if (hole.slot) {
    const index = argumentIndex(hole);
    setLastArg(index);
    if (replacement !== undefined) format.changes.set(index, { kind: 'replace', text: replacement });
    return [{ kind: 'raw', start: hole.slot.start, end: hole.slot.end }];
  }
  const { text } = context;
  const node = hole.node;
  const code = replacement ?? text.slice(node.start ?? 0, node.end ?? 0);
  if (!hole.outer) return [{ kind: 'code', value: code }];
  return [{ kind: 'template-hole', open: text.slice(hole.outer.start, node.start ?? 0), code, close: text.slice(node.end ?? 0, hole.outer.end) }];
}

/**
 * `... + '&scope=crmapi' + '&cvName=All Open Leads'`: a rewritten operand that ends in a literal,
 * followed on the same line by an untouched literal with the same quote, becomes one literal, as
 * a person would write it (and as Zoho's own examples read). Literals on separate lines stay apart.
 */
function joinAdjacentLiterals(chain: Chain, changes: Array<ItemChange & { endQuote?: string }>, text: string): void {
  const { operands } = chain;
  for (let i = 0; i + 1 < operands.length; i++) {
    const change = changes[i]!;
    if (change.kind !== 'replace' || !change.endQuote || isParenthesized(operands[i]!.node)) continue;
    let j = i + 1;
    while (j < operands.length && changes[j]!.kind === 'remove') j++;
    const next = operands[j];
    if (!next || changes[j]!.kind !== 'keep' || next.kind !== 'string' || next.quote !== change.endQuote || isParenthesized(next.node)) continue;
    if (!isOneLineRun(operands.slice(i, j + 1), text)) continue;
    const raw = text.slice(next.node.start ?? 0, next.node.end ?? 0);
    changes[i] = { kind: 'replace', text: change.text.slice(0, -1) + raw.slice(1), endQuote: change.endQuote };
    changes[j] = { kind: 'remove' };
  }
}

/** Operands joined by plain ` + ` on one line, with no comment between them. */
function isOneLineRun(run: readonly Operand[], text: string): boolean {
  for (let k = 0; k + 1 < run.length; k++) {
    const gap = text.slice(run[k]!.node.end ?? 0, run[k + 1]!.node.start ?? 0);
    if (!/^[ \t]*\+[ \t]*$/.test(gap)) return false;
    if (k > 0 && /[\r\n]/.test(text.slice(run[k]!.node.start ?? 0, run[k]!.node.end ?? 0))) return false;
  }
  return true;
}

/** What an emptied chain becomes: a removed statement or array element, or an empty string. */
function emptiedChain(chain: Chain, quote: string, context: RenderContext): Edit[] {
  const owner = chain.owner;
  const root = listItem(chain.root, context.text);
  if (owner.kind === 'statement') {
    // `if (x) url += ...;` keeps a statement where one is required.
    const parent = context.index.parentOf(owner.statement);
    const isInList = parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'SwitchCase' || parent?.type === 'StaticBlock';
    if (!isInList) return [{ start: owner.statement.start ?? 0, end: owner.statement.end ?? 0, text: '{}' }];
    return [statementRemoval(owner.statement, context.text)];
  }
  if (owner.kind === 'array-element') {
    const items = owner.array.elements.map((element) => listItem(element!, context.text));
    const changes = owner.array.elements.map((element): ItemChange => (element === chain.root ? { kind: 'remove' } : { kind: 'keep' }));
    return listEdits(items, changes, [], ', ') ?? [{ start: root.outerStart, end: root.outerEnd, text: '' }];
  }
  return [{ start: root.outerStart, end: root.outerEnd, text: quote + quote }];
}

/** Removes a statement, and its whole line when it stands alone on it. */
export function statementRemoval(statement: Node, text: string): Edit {
  let start = statement.start ?? 0;
  let end = statement.end ?? 0;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const after = /^[ \t]*(\r\n|\n|\r|$)/.exec(text.slice(end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && after) {
    start = lineStart;
    end += after[0].length;
  }
  return { start, end, text: '' };
}

function formatArgEdits(call: Node & { arguments: Node[] }, formatIndex: number, format: FormatArgs, text: string): Edit[] {
  if (format.changes.size === 0 && format.inserts.length === 0) return [];
  const items = call.arguments.map((arg) => listItem(arg, text));
  const changes = call.arguments.map((_, i): ItemChange => format.changes.get(i) ?? { kind: 'keep' });
  const inserts = format.inserts.map((insert) => ({ after: Math.max(insert.after, formatIndex), text: insert.text }));
  return listEdits(items, changes, inserts, ', ') ?? [];
}
