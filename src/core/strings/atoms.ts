import type { ArrayExpression, CallExpression, Node } from '@babel/types';

/**
 * A string the program builds, seen as a sequence of atoms: cooked characters of literals (each
 * knowing where it sits in the source) and holes (expressions, with their value when it is fixed).
 * Query parameters are found on the atoms, and edits are rendered back per operand, so every byte
 * the rewrite does not need to touch stays as it was.
 */

/** What the source text of a chain is part of, which decides what "empty" means for it. */
export type ChainOwner =
  /** Any expression: emptied, it becomes `''`. */
  | { kind: 'expression' }
  /** `url += <chain>;` or `parts.push(<chain>);`: emptied, the statement goes. */
  | { kind: 'statement'; statement: Node }
  /** An element of an array that is joined: emptied, the element goes. */
  | { kind: 'array-element'; array: ArrayExpression }
  /** The format string of `util.format(fmt, ...args)`: `%s` placeholders stand for arguments. */
  | { kind: 'format'; call: CallExpression; formatIndex: number };

export interface Chain {
  /** The expression the operands were flattened from. */
  root: Node;
  operands: Operand[];
  owner: ChainOwner;
}

export interface Operand {
  kind: 'string' | 'template' | 'expr';
  node: Node;
  chain: Chain;
  /** The quote of a string operand (`'` or `"`). */
  quote: string;
}

export interface CharAtom {
  kind: 'char';
  ch: string;
  start: number;
  end: number;
  operand: Operand;
}

export interface HoleAtom {
  kind: 'hole';
  /** The expression (for a format placeholder: the argument it stands for). */
  node: Node;
  /** Its value, when fixed in the source. */
  known: string | undefined;
  operand: Operand;
  /** Inside a template: the `${...}` range. */
  outer?: { start: number; end: number };
  /** A format placeholder: the `%s` range in the format string. */
  slot?: { start: number; end: number };
}

/** A character the program adds between pieces (the separator of a `join`), or '' between statements. */
export interface BoundaryAtom {
  kind: 'boundary';
  ch: string;
}

export type Atom = CharAtom | HoleAtom | BoundaryAtom;

/** The text of atoms for detection: unknown holes become `unknown`. */
export function atomsText(atoms: readonly Atom[], unknown: string): string {
  let text = '';
  for (const atom of atoms) {
    if (atom.kind === 'hole') text += atom.known ?? unknown;
    else text += atom.ch;
  }
  return text;
}
