import { analyzeFile } from '../analyze.js';
import type { FileInput } from '../file-analysis.js';
import { NodeIndex } from '../ast/traverse.js';
import type { Edit, Finding, SourceRange } from '../findings.js';
import { parseSource } from '../parse.js';
import { lexicalScopesOf, type LexicalBinding } from '../scope/lexical-scopes.js';
import { settleCandidates, ticketOnlyCandidates, type Candidate, type ProjectFacts, type RemovalContext } from './candidate.js';
import { credentialCandidates } from './credential-candidates.js';
import { exportCandidates } from './export-candidates.js';
import { importCandidates } from './import-candidates.js';
import { deletionEdits, KEPT_COMMENT, statementRange, tidyDeletions } from './line-ranges.js';
import { moduleExports, moduleImports, type ModuleExport, type ModuleImport } from './module-links.js';
import { isPureAtLoad } from './pure-at-load.js';
import type { EffectFacts } from './side-effects.js';
import { statementDeletion } from './statements.js';
import { importedBinding } from './ticket-callee.js';
import { ticketConstructCandidates } from './ticket-constructs.js';
import { ticketStateCandidates } from './ticket-state.js';
import { wrapperCandidates } from './unwrap-wrappers.js';

/** A piece of code one round removes, and why it was safe (offsets into that round's text). */
export interface RemovedCode extends SourceRange {
  what: string;
  reason: string;
}

/** Flagged ticket code a round left in place, and why. */
export interface KeptCode {
  /** The finding's range (or the code's, when it was not flagged), into that round's text. */
  range: SourceRange;
  what: string;
  reason: string;
  /** Is this flagged ticket code (its finding stays, with the reason)? */
  isFlagged: boolean;
}

export interface RemovalPlan {
  /** Edit groups for applyEditGroups: each all or nothing, clashes are left for the next round. */
  groups: Edit[][];
  removed: RemovedCode[];
  kept: KeptCode[];
  /** Ticket functions (free of other effects) this module exports: callers may drop their calls. */
  ticketExports: Set<string>;
  isPureAtLoad: boolean;
  imports: ModuleImport[];
  /** The file's findings as the round saw them. */
  findings: Finding[];
  /** Set when the file does not parse: nothing in it is touched. */
  parseError?: string;
}

function effectFactsOf(context: Omit<RemovalContext, 'effectFacts'>): EffectFacts {
  const withoutFacts = context as RemovalContext;
  return {
    moduleOf: (binding) => importedBinding(withoutFacts, binding)?.specifier,
    isTicketExport: (binding, member) => {
      const imported = importedBinding(withoutFacts, binding);
      const name = imported?.name ?? member;
      return imported !== undefined && name !== undefined && context.facts.ticketExportsOf(imported.specifier).has(name);
    },
    isPureModule: (specifier) => context.facts.isPureModule(specifier),
  };
}

/** The exported names whose function does only ticket work. */
function ticketExportsOf(exports: readonly ModuleExport[], ticketOnly: ReadonlySet<Candidate>, context: RemovalContext): Set<string> {
  const functions = new Set<LexicalBinding>();
  const statements = new Set<unknown>();
  for (const candidate of ticketOnly) {
    if (!candidate.isTicketFunction) continue;
    for (const binding of candidate.declares) functions.add(binding);
    statements.add(candidate.node);
  }
  const names = new Set<string>();
  for (const exported of exports) {
    const binding = exported.value?.type === 'Identifier' ? context.scopes.bindingOf(exported.value) : undefined;
    if ((binding && functions.has(binding)) || statements.has(exported.node)) names.add(exported.name);
  }
  return names;
}

function overlaps(a: SourceRange, b: SourceRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * settleCandidates, then no replacement (an unwrapped body, copied from the text as it is) may
 * overlap another removal: the copy would bring back what that removal deletes. Such a
 * replacement waits for the next round, and the rest settles again without it.
 */
function settleWithoutClashes(candidates: Candidate[], text: string): Candidate[] {
  for (;;) {
    const live = settleCandidates(candidates, text);
    const clash = live.find((candidate) =>
      candidate.replacements.some((edit) =>
        live.some((other) => other !== candidate && other.node !== candidate.node && !isWithin(candidate.node, other) && [...other.deletions, ...other.replacements].some((range) => overlaps(range, edit))),
      ),
    );
    if (!clash) return live;
    clash.blockedBy = 'another removal inside it goes first';
  }
}

/** Is the candidate's code inside what `other` deletes (then it goes with it, no clash)? */
function isWithin(node: Candidate['node'], other: Candidate): boolean {
  return other.deletions.some((range) => range.start <= (node.start ?? 0) && (node.end ?? 0) <= range.end);
}

function keptOf(candidate: Candidate): KeptCode {
  const range = candidate.finding?.range ?? { start: candidate.node.start ?? 0, end: candidate.node.end ?? 0 };
  return { range, what: candidate.what, reason: candidate.blockedBy!, isFlagged: candidate.finding !== undefined };
}

/** A `module.exports = {...}` whose every property goes is deleted as one statement. */
function wholeExportStatements(live: Candidate[], exports: readonly ModuleExport[], context: RemovalContext): void {
  const containers = new Set(exports.map((exported) => exported.container).filter((container) => container !== undefined));
  if (containers.size !== 1 || exports.some((exported) => !exported.container)) return;
  const [container] = containers;
  const goneNodes = new Set(live.map((candidate) => candidate.node));
  if (!container!.properties.every((property) => goneNodes.has(property))) return;
  const statement = context.index.parentOf(context.index.parentOf(container!)!);
  if (statement?.type !== 'ExpressionStatement') return;
  const first = live.find((candidate) => candidate.node === container!.properties[0]);
  for (const candidate of live) if (container!.properties.includes(candidate.node as never)) candidate.deletions = [];
  if (first) first.deletions = [statementDeletion(statement, context)];
}

/**
 * One round of `--remove-ticket-code` on one file: what is provably dead now, as edit groups.
 * Pure: text and facts about the rest of the tree in, edits out; the caller applies them,
 * parses the result and calls again until a round removes nothing.
 */
export function planRemoval(text: string, input: FileInput, facts: ProjectFacts): RemovalPlan {
  const analysis = analyzeFile(text, input);
  const empty = { groups: [], removed: [], kept: [], ticketExports: new Set<string>(), isPureAtLoad: false, imports: [], findings: analysis.findings };
  if (analysis.parseError) return { ...empty, parseError: analysis.parseError.message };
  const parsed = parseSource(text, input.filePath);
  if (!parsed.ok) return { ...empty, parseError: parsed.error.message };
  const index = new NodeIndex(parsed.ast);
  const partial = { text, ast: parsed.ast, index, scopes: lexicalScopesOf(parsed.ast), comments: parsed.ast.comments ?? [], facts, findings: analysis.findings };
  const context: RemovalContext = { ...partial, effectFacts: effectFactsOf(partial) };
  const imports = moduleImports(parsed.ast, index, context.scopes);
  const exports = moduleExports(parsed.ast);

  const constructs = ticketConstructCandidates(context);
  const localTicketFunctions = new Set(constructs.filter((candidate) => candidate.isTicketFunction && !candidate.effectReason).flatMap((candidate) => candidate.declares));
  const others = [...credentialCandidates(context), ...exportCandidates(context, exports), ...importCandidates(context, imports), ...wrapperCandidates(context, localTicketFunctions)];
  const taken = new Set([...constructs, ...others].map((candidate) => candidate.node));
  const candidates = [...constructs, ...others, ...ticketStateCandidates(context, taken)];
  const ticketExports = ticketExportsOf(exports, ticketOnlyCandidates(candidates), context);
  const live = settleWithoutClashes(candidates, text);
  wholeExportStatements(live, exports, context);

  // One candidate per piece of code (a note and a detector may both find `const ticket = await getTicket()`),
  // and one inside another that goes is gone with it.
  const unique = live.filter((candidate, i) => live.findIndex((other) => other.node === candidate.node) === i);
  const outer = unique.filter((candidate) => !unique.some((other) => other !== candidate && other.deletions.some((range) => range.start <= (candidate.node.start ?? 0) && (candidate.node.end ?? 0) <= range.end)));
  const removedAll = parsed.ast.program.body.length > 0 && parsed.ast.program.body.every((statement) => outer.some((candidate) => candidate.node === statement || candidate.deletions.some((range) => range.start <= (statement.start ?? 0) && (statement.end ?? 0) <= range.end)));
  // A file left without code keeps no comment about it (a licence or directive excepted).
  const orphanComments = removedAll ? context.comments.filter((comment) => !KEPT_COMMENT.test(comment.value)).map((comment) => statementRange(text, { start: comment.start ?? 0, end: comment.end ?? 0 }, [])) : [];
  const deletions = tidyDeletions(text, [...outer.flatMap((candidate) => candidate.deletions), ...orphanComments]);
  // One group: settling counted every piece as gone, so they are applied together or not at all.
  const edits = [...deletionEdits(deletions), ...outer.flatMap((candidate) => candidate.replacements)];
  const groups = edits.length > 0 ? [edits] : [];
  return {
    groups,
    // What the user reads: the pieces that go, each once; one nested in another goes with it.
    removed: outer.map((candidate) => ({ start: candidate.node.start ?? 0, end: candidate.node.end ?? 0, what: candidate.what, reason: candidate.reason })),
    kept: candidates.filter((candidate) => candidate.blockedBy && (candidate.finding || candidate.what.endsWith('wrapper'))).map(keptOf),
    ticketExports,
    isPureAtLoad: isPureAtLoad(context),
    imports,
    findings: analysis.findings,
  };
}
