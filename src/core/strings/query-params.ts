import type { Atom, CharAtom } from './atoms.js';

export interface QueryParam {
  /** The name as written. */
  name: string;
  nameAtoms: CharAtom[];
  equals: CharAtom;
  /**
   * What provably belongs to the value: its literal text, or the one expression it starts with.
   * A credential's value never swallows what follows it (DESIGN §1).
   */
  value: Atom[];
  /** What follows the value before the next separator (`+ extra`, `${suffix}`): kept by every rewrite. */
  tail: Atom[];
  /** The `?`, `&` or join separator before the name; null at the start of the string. */
  separatorBefore: Atom | null;
  /** The separator after the value; null at the end. */
  separatorAfter: Atom | null;
  /** Set when the value runs into a constant that holds more parameters: not editable here. */
  isValueOpaque: boolean;
  /** Written as the last path segment (`/api/xml/read/apikey=K`), with no `?` in the URL: `separatorBefore` is that `/`. */
  isPathStyle: boolean;
}

const NAME_CHAR = /^[A-Za-z0-9_.\-[\]]$/;

function isSeparator(atom: Atom): boolean {
  if (atom.kind === 'char') return atom.ch === '?' || atom.ch === '&';
  if (atom.kind === 'boundary') return atom.ch.includes('&');
  return false;
}

/** A hole whose fixed value holds separators: parameters inside it belong to its definition. */
function isOpaqueHole(atom: Atom): boolean {
  return atom.kind === 'hole' && atom.known !== undefined && /[?&]/.test(atom.known);
}

/**
 * Splits a built string into `name=value` parameters on `?` and `&`; a `#` ends the query. Names
 * must be written out in literal text; values may be any mix of text and expressions.
 */
export function scanQueryParams(atoms: readonly Atom[]): QueryParam[] {
  const params: QueryParam[] = [];
  let segmentStart = 0;
  let separatorBefore: Atom | null = null;
  for (let i = 0; i <= atoms.length; i++) {
    const atom = atoms[i];
    const isEnd = atom === undefined || (atom.kind === 'char' && atom.ch === '#');
    if (!isEnd && !isSeparator(atom) && !isOpaqueHole(atom)) continue;
    const segment = atoms.slice(segmentStart, i);
    const separatorAfter = atom && isSeparator(atom) ? atom : null;
    const param =
      readParam(segment, separatorBefore, separatorAfter) ??
      (segmentStart === 0 && !hasQueryMark(atoms) ? readPathStyleParam(segment, separatorAfter) : undefined);
    if (param) {
      if (atom?.kind === 'hole' && atom.known !== undefined && isOpaqueHole(atom)) {
        param.isValueOpaque = !atom.known.startsWith('&') && !atom.known.startsWith('#');
      }
      params.push(param);
    }
    if (isEnd) break;
    segmentStart = i + 1;
    separatorBefore = isSeparator(atom) ? atom : null;
  }
  return params;
}

function hasQueryMark(atoms: readonly Atom[]): boolean {
  return atoms.some((atom) => (atom.kind === 'char' && atom.ch === '?') || (atom.kind === 'hole' && atom.known?.includes('?')));
}

/**
 * Zoho Creator's RPC URLs put the parameters in the last path segment: `.../api/xml/read/apikey=K`.
 * The name is the literal text between the last `/` and the first `=` of the URL's first segment.
 */
function readPathStyleParam(segment: Atom[], separatorAfter: Atom | null): QueryParam | undefined {
  const equalsIndex = segment.findIndex((atom) => atom.kind === 'char' && atom.ch === '=');
  if (equalsIndex <= 0) return undefined;
  let slashIndex = equalsIndex - 1;
  while (slashIndex >= 0 && segment[slashIndex]!.kind === 'char' && NAME_CHAR.test((segment[slashIndex] as CharAtom).ch)) slashIndex--;
  const slash = segment[slashIndex];
  if (slashIndex === equalsIndex - 1 || slash?.kind !== 'char' || slash.ch !== '/') return undefined;
  const param = readParam(segment.slice(slashIndex + 1), slash, separatorAfter);
  if (param) param.isPathStyle = true;
  return param;
}

function readParam(segment: Atom[], separatorBefore: Atom | null, separatorAfter: Atom | null): QueryParam | undefined {
  const nameAtoms: CharAtom[] = [];
  let i = 0;
  for (; i < segment.length; i++) {
    const atom = segment[i]!;
    if (atom.kind !== 'char' || !NAME_CHAR.test(atom.ch)) break;
    nameAtoms.push(atom);
  }
  const equals = segment[i];
  if (nameAtoms.length === 0 || equals?.kind !== 'char' || equals.ch !== '=') return undefined;
  const { value, tail } = splitValue(segment.slice(i + 1));
  return {
    name: nameAtoms.map((atom) => atom.ch).join(''),
    nameAtoms,
    equals,
    value,
    tail,
    separatorBefore,
    separatorAfter,
    isValueOpaque: false,
    isPathStyle: false,
  };
}

/**
 * A value is its literal text, or the single expression it starts with: `'&ticket=' + t + extra`
 * gives `t` as the value and `extra` as the tail. Which of `t + extra` is the credential is not
 * knowable from the text, so only the part that must be it is ever taken for it.
 */
function splitValue(atoms: Atom[]): { value: Atom[]; tail: Atom[] } {
  let end = 0;
  while (end < atoms.length && atoms[end]!.kind === 'char') end++;
  if (end === 0 && atoms[0]?.kind === 'hole') end = 1;
  // The '' boundary between `url += ...` statements is not part of anything.
  let tailEnd = atoms.length;
  while (tailEnd > end && atoms[tailEnd - 1]!.kind === 'boundary') tailEnd--;
  return { value: atoms.slice(0, end), tail: atoms.slice(end, tailEnd) };
}
