import type { Atom, CharAtom, HoleAtom } from './string-atoms.js';

/** One `name=value` of a built query string. */
export interface AtomParam {
  name: string;
  nameAtoms: CharAtom[];
  equals: CharAtom;
  /**
   * What provably is the value: one hole right after `=`, or the literal characters up to the
   * next separator or hole. What follows it before the next `&` (a suffix, another expression)
   * is not provably the credential, so a rewrite keeps it.
   */
  value: Atom[];
  separatorBefore: CharAtom | null;
  /** The `&` that ends the parameter, when it ends at one. */
  separatorAfter: CharAtom | null;
  /** Is there anything between the value and the next separator? */
  hasTail: boolean;
  /** What lies between the value and the next separator: kept by a rewrite, checked first (tail-parts.ts). */
  tail: Atom[];
  /** Written as the last path segment (`/api/xml/read/apikey=K`, Creator): `pathSlash` is that `/`. */
  pathSlash?: CharAtom;
}

const NAME_CHAR = /^[A-Za-z0-9_.\-[\]]$/;

function isSeparatorChar(atom: Atom | undefined): atom is CharAtom {
  return atom?.kind === 'char' && (atom.ch === '?' || atom.ch === '&');
}

/** A hole whose fixed text ends with `?` or `&` (a base URL constant) opens a parameter too. */
function isSeparatorHole(atom: Atom | undefined): atom is HoleAtom {
  return atom?.kind === 'hole' && /[?&]$/.test(atom.known);
}

export function scanAtomParams(atoms: readonly Atom[]): AtomParam[] {
  const params: AtomParam[] = [];
  const hasQuery = atoms.some((atom) => (atom.kind === 'char' ? atom.ch === '?' : atom.known.includes('?')));
  for (let i = 0; i < atoms.length; i++) {
    const before = atoms[i - 1];
    const isPathStart = !hasQuery && params.length === 0 && before?.kind === 'char' && before.ch === '/';
    const isStart = i === 0 || isSeparatorChar(before) || isSeparatorHole(before) || isPathStart;
    if (!isStart) continue;
    const nameAtoms: CharAtom[] = [];
    let j = i;
    for (; j < atoms.length; j++) {
      const atom = atoms[j]!;
      if (atom.kind !== 'char' || !NAME_CHAR.test(atom.ch) || atom.literal !== (nameAtoms[0]?.literal ?? atom.literal)) break;
      nameAtoms.push(atom);
    }
    const equals = atoms[j];
    if (nameAtoms.length === 0 || equals?.kind !== 'char' || equals.ch !== '=' || equals.literal !== nameAtoms[0]!.literal) continue;
    let k = j + 1;
    const value: Atom[] = [];
    if (atoms[k]?.kind === 'hole') value.push(atoms[k++]!);
    else {
      while (k < atoms.length) {
        const atom = atoms[k]!;
        if (atom.kind !== 'char' || atom.ch === '&' || atom.ch === '#' || atom.literal !== equals.literal) break;
        value.push(atom);
        k++;
      }
    }
    let end = k;
    while (end < atoms.length && !(atoms[end]!.kind === 'char' && ((atoms[end] as CharAtom).ch === '&' || (atoms[end] as CharAtom).ch === '#'))) end++;
    const after = atoms[end];
    params.push({
      name: nameAtoms.map((atom) => atom.ch).join(''),
      nameAtoms,
      equals,
      value,
      separatorBefore: isSeparatorChar(before) ? before : null,
      separatorAfter: after?.kind === 'char' && after.ch === '&' ? after : null,
      hasTail: end > k,
      tail: atoms.slice(k, end),
      ...(isPathStart ? { pathSlash: before } : {}),
    });
  }
  return params;
}
