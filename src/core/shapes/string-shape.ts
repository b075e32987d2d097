import type { Node } from '@babel/types';
import type { AnalysisContext } from '../context.js';
import type { Atom } from '../strings/atoms.js';
import type { AtomBuilder } from '../strings/build-atoms.js';

/** A string the program builds for a request: a URL, a query string, or the pieces of one. */
export interface StringRequest {
  /** The candidate this request was found from; dropped when another request is made of it. */
  root: Node;
  /** The reported construct. */
  start: number;
  end: number;
  atoms: Atom[];
  /** Other candidate roots this request is made of: they are not analysed again on their own. */
  covers: Node[];
}

/**
 * One way code builds a request string (`util.format`, `+=` sequences, joined arrays, `+` chains,
 * template and plain literals). A shape only finds candidates and their atoms; one analysis judges
 * them all (requests/string-request.ts).
 */
export interface StringShape {
  /** The shape's name, which is also its fixture folder under fixtures/transforms/. */
  id: string;
  /**
   * The candidates of one file. `legacyNames` holds the variables whose value spells apikey/ticket
   * somewhere in the file, for shapes that accept an expression that only names one.
   */
  collect(context: AnalysisContext, builder: AtomBuilder, legacyNames: ReadonlySet<string>): StringRequest[];
}
