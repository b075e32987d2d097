import type { Node } from '@babel/types';
import type { Atom, HoleAtom } from './atoms.js';

/** Text goes into the literal (escaped as needed); code is an expression spliced in. */
export interface Insertion {
  kind: 'text' | 'code';
  value: string;
}

/** The rewrite of one built string, as changes to its atoms; rendering turns them into edits. */
export class RewriteOps {
  readonly deleted = new Set<Atom>();
  readonly before = new Map<Atom, Insertion[]>();
  readonly after = new Map<Atom, Insertion[]>();
  readonly replaced = new Map<HoleAtom, string>();
  /** Parts after a credential that were kept but not proven to be parameters of their own: the finding says so. */
  readonly keptUnproven: Array<{ param: string; node: Node }> = [];

  delete(atoms: Iterable<Atom>): void {
    for (const atom of atoms) this.deleted.add(atom);
  }

  insertBefore(atom: Atom, insertion: Insertion): void {
    const list = this.before.get(atom);
    if (list) list.push(insertion);
    else this.before.set(atom, [insertion]);
  }

  insertAfter(atom: Atom, insertion: Insertion): void {
    const list = this.after.get(atom);
    if (list) list.push(insertion);
    else this.after.set(atom, [insertion]);
  }

  isTouched(atom: Atom): boolean {
    return this.deleted.has(atom) || this.before.has(atom) || this.after.has(atom) || (atom.kind === 'hole' && this.replaced.has(atom));
  }
}
