import type { Comment, File, Node } from '@babel/types';
import type { NodeIndex } from '../ast/traverse.js';
import type { Edit, Finding, SourceRange } from '../findings.js';
import type { LexicalBinding, LexicalScopes } from '../scope/lexical-scopes.js';
import type { EffectFacts } from './side-effects.js';

/** `--remove-ticket-code` (`on`) or `--remove-ticket-code=exports`. */
export type RemovalMode = 'on' | 'exports';

/** What one file's removal needs to know about the rest of the scanned tree. */
export interface ProjectFacts {
  mode: RemovalMode;
  /** Export names of this module read by a module of the tree (`*`: all of them). */
  exportReads: ReadonlySet<string>;
  /** Imported by a module of the tree and not a package entry point: its unread exports have no user. */
  isInternalModule: boolean;
  /** The ticket functions (free of other effects) a module exports, by the specifier this file uses. */
  ticketExportsOf(specifier: string): ReadonlySet<string>;
  /** Is loading the module free of effects (a builtin, a package, or a tree module that only declares)? */
  isPureModule(specifier: string): boolean;
  /** Was this import binding used when the run started? Only imports the run left unused go. */
  wasImportUsed(name: string, specifier: string): boolean;
}

/** One file as a removal round sees it. */
export interface RemovalContext {
  text: string;
  ast: File;
  index: NodeIndex;
  scopes: LexicalScopes;
  comments: readonly Comment[];
  facts: ProjectFacts;
  effectFacts: EffectFacts;
  /** The file's findings (ticket code, notes on unused credentials), offsets into `text`. */
  findings: readonly Finding[];
}

/** A piece of code a round may delete, and what must hold for it to go. */
export interface Candidate {
  /** What it is, for the report (`Zoho ticket login (login)`). */
  what: string;
  /** Why it was safe, for the report. */
  reason: string;
  /** Text deleted outright (whole statements, list items). */
  deletions: SourceRange[];
  /** Replacements (an unwrapped body put where its wrapper was). */
  replacements: Edit[];
  /** The code that disappears (the deletions, or a wrapper around the body it keeps): uses in it go with it. */
  gone: SourceRange[];
  /** Bindings declared by the deleted code: every use of them must go too. */
  declares: LexicalBinding[];
  /** Outer bindings the code calls or writes: they must go too, or the code stays. */
  dependsOn: Set<LexicalBinding>;
  /** Set when it must stay: the reason, shown with its finding. */
  blockedBy?: string;
  /** Its own effect (logging, a second job, ...), when that is what keeps it. */
  effectReason?: string;
  /** What keeps it in the end, when it stays because other code stays (an export kept for outside users). */
  rootReason?: string;
  /** The finding this candidate answers, when it is flagged ticket code. */
  finding?: Finding;
  /** A function whose body does only ticket work: a call of it may go. */
  isTicketFunction?: boolean;
  /** The node deleted, for nesting checks. */
  node: Node;
}

export function isInside(offset: number, ranges: readonly SourceRange[]): boolean {
  return ranges.some((range) => range.start <= offset && offset < range.end);
}

/** The line (1-based) an offset is on, for reasons that point at a remaining use. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  return line;
}

/** The reason a kept candidate around `offset` stays, followed to its root. */
function rootOf(candidates: readonly Candidate[], offset: number): string | undefined {
  const holder = candidates.find((candidate) => candidate.blockedBy && candidate.gone.some((range) => range.start <= offset && offset < range.end));
  return holder ? (holder.rootReason ?? holder.blockedBy) : undefined;
}

/**
 * The greatest set of candidates that can go together: a candidate stays when it has an effect
 * of its own, when something it calls or writes stays, or when a name it declares is still used
 * by code that stays. Blocking one may block others, so this repeats until nothing changes.
 */
export function settleCandidates(candidates: Candidate[], text: string): Candidate[] {
  let isChanged = true;
  while (isChanged) {
    isChanged = false;
    const live = candidates.filter((candidate) => !candidate.blockedBy);
    const deleted = live.flatMap((candidate) => candidate.gone);
    const declaredBy = new Map<LexicalBinding, Candidate>();
    for (const candidate of live) for (const binding of candidate.declares) declaredBy.set(binding, candidate);
    for (const candidate of live) {
      for (const binding of candidate.dependsOn) {
        const owner = declaredBy.get(binding);
        if (owner) continue;
        const root = rootOf(candidates, binding.id.start ?? 0);
        candidate.blockedBy = `it uses ${binding.name}, which stays${root ? `: ${root}` : ''}`;
        if (root) candidate.rootReason = root;
        break;
      }
      if (candidate.blockedBy) {
        isChanged = true;
        continue;
      }
      for (const binding of candidate.declares) {
        const use = [...binding.references, ...binding.writes].find((node) => !isInside(node.start ?? 0, deleted));
        if (!use) continue;
        const root = rootOf(candidates, use.start ?? 0);
        candidate.blockedBy = `${binding.name} is still used on line ${lineOf(text, use.start ?? 0)}${root ? `: ${root}` : ''}`;
        if (root) candidate.rootReason = root;
        isChanged = true;
        break;
      }
    }
  }
  return candidates.filter((candidate) => !candidate.blockedBy);
}

/**
 * The candidates whose code does only ticket work, all the way down: no effect of their own, and
 * every function they call or variable they write is such a candidate too. Names used elsewhere
 * do not count here: this is what a caller in another module may drop a call of.
 */
export function ticketOnlyCandidates(candidates: readonly Candidate[]): Set<Candidate> {
  const kept = new Set(candidates.filter((candidate) => !candidate.effectReason));
  let isChanged = true;
  while (isChanged) {
    isChanged = false;
    const declaredBy = new Map<LexicalBinding, Candidate>();
    for (const candidate of kept) for (const binding of candidate.declares) declaredBy.set(binding, candidate);
    for (const candidate of kept) {
      if ([...candidate.dependsOn].every((binding) => declaredBy.has(binding))) continue;
      kept.delete(candidate);
      isChanged = true;
    }
  }
  return kept;
}
