import { fileInputOf, type AnalyzeOptions } from '../analyze.js';
import { moveCredentialUse, type CredentialUse } from '../credentials/credential-use.js';
import { applyEditGroups, mapOffset } from '../edits.js';
import type { Edit } from '../findings.js';
import { parseSource } from '../parse.js';
import { lexicalScopesOf } from '../scope/lexical-scopes.js';
import type { ProjectFacts, RemovalMode } from './candidate.js';
import { ALL_EXPORTS } from './module-links.js';
import { planRemoval, type KeptCode, type RemovalPlan } from './plan-removal.js';

/** One module of the scanned tree, as migrate left it. */
export interface ProjectFile {
  /** Relative, `/`-separated: the name findings use, and what `resolve` answers with. */
  name: string;
  text: string;
  /** The credentials migrate's rewrite removed (offsets into `text`), for its notes. */
  removedCredentials: readonly CredentialUse[];
}

export interface ProjectRemovalOptions extends Omit<AnalyzeOptions, 'filePath' | 'removedCredentials'> {
  mode: RemovalMode;
  /** The file of the tree a specifier names (undefined: a package, a builtin, or outside the tree). */
  resolve(fromName: string, specifier: string): string | undefined;
  /**
   * Modules whose exports other code may use: package entry points (package.json main/exports/bin),
   * and modules of a package the scan does not cover whole (importers may sit outside the scan).
   */
  isPublicModule(name: string): boolean;
}

/** A removal for the report, in the coordinates of the text migrate's rewrite produced. */
export interface RemovalRecord {
  /** Offsets into the rewritten (pre-removal) text. */
  start: number;
  end: number;
  what: string;
  reason: string;
}

export interface FileRemovalResult {
  text: string;
  removed: RemovalRecord[];
  /** Flagged ticket code that stays, with the reason (offsets into the final text). */
  kept: KeptCode[];
  removedCredentials: CredentialUse[];
  /** Rounds that changed this file. */
  rounds: number;
}

/** Enough for any real chain (caller → wrapper → cache → login → require); a bug cannot loop forever. */
const MAX_ROUNDS = 12;
const BOM = '\uFEFF';

/** Where an offset of an edited text was in the text before the edits. */
function mapBack(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const edit of edits) {
    const outStart = edit.start + delta;
    const outEnd = outStart + edit.text.length;
    if (offset < outStart) break;
    if (offset < outEnd) return edit.start;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset - delta;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}

/** A file as the rounds hold it: without its BOM (the parser's offsets), put back at the end. */
function initialState(file: ProjectFile): FileState {
  const bom = file.text.startsWith(BOM) ? 1 : 0;
  const uses = file.removedCredentials.map((use) => moveCredentialUse(use, (offset) => offset - bom));
  return { file, text: file.text.slice(bom), uses, history: [], removed: [], rounds: 0 };
}

interface FileState {
  file: ProjectFile;
  text: string;
  uses: CredentialUse[];
  history: Edit[][];
  removed: RemovalRecord[];
  plan?: RemovalPlan;
  rounds: number;
}

/**
 * `--remove-ticket-code` over the scanned tree: every module is planned with what the others say
 * (which of its exports they read, which of theirs are ticket functions, which load without
 * effect), the edits are applied, each result must parse, and the rounds repeat until one removes
 * nothing with facts that no longer change: the fixed point, so a second migrate is a no-op.
 */
export function removeTicketCodeInProject(files: readonly ProjectFile[], options: ProjectRemovalOptions): Map<string, FileRemovalResult> {
  const { mode, resolve, isPublicModule, ...analyze } = options;
  // Resolved once for every file and every round; each plan names its own file.
  const base = fileInputOf({ ...analyze, filePath: '' });
  const states = new Map<string, FileState>(files.map((file) => [file.name, initialState(file)]));
  const usedAtStart = new Set<string>();
  const importedAtStart = new Set<string>();

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const links = linksOf(states, resolve);
    const factsFor = (name: string): ProjectFacts => ({
      mode,
      // Before the first plan nothing is known about the importers: every export counts as read.
      exportReads: round === 0 ? new Set([ALL_EXPORTS]) : (links.reads.get(name) ?? new Set()),
      isInternalModule: (links.imported.has(name) || importedAtStart.has(name)) && !isPublicModule(name),
      ticketExportsOf: (specifier) => {
        const target = resolve(name, specifier);
        return (target !== undefined ? states.get(target)?.plan?.ticketExports : undefined) ?? new Set();
      },
      isPureModule: (specifier) => {
        const target = resolve(name, specifier);
        if (target === undefined) return isBare(specifier);
        return states.get(target)?.plan?.isPureAtLoad ?? false;
      },
      wasImportUsed: (binding, specifier) => usedAtStart.has(`${name}\0${binding}\0${specifier}`),
    });
    const usedFacts = factsKeyOf(states, links);

    let isChanged = false;
    for (const state of states.values()) {
      const plan = planRemoval(state.text, { ...base, filePath: state.file.name, removedCredentials: state.uses }, factsFor(state.file.name));
      if (round === 0) recordStart(state, plan, usedAtStart);
      if (plan.groups.length > 0 && applyRound(state, plan)) isChanged = true;
      state.plan = plan;
    }
    if (round === 0) for (const target of linksOf(states, resolve).imported) importedAtStart.add(target);
    if (!isChanged && usedFacts === factsKeyOf(states, linksOf(states, resolve))) break;
  }

  const results = new Map<string, FileRemovalResult>();
  for (const state of states.values()) {
    const bom = state.file.text.startsWith(BOM) ? 1 : 0;
    const shift = (offset: number) => offset + bom;
    results.set(state.file.name, {
      text: (bom ? BOM : '') + state.text,
      removed: state.removed.map((record) => ({ ...record, start: shift(record.start), end: shift(record.end) })),
      kept: (state.plan?.kept ?? []).map((kept) => ({ ...kept, range: { start: shift(kept.range.start), end: shift(kept.range.end) } })),
      removedCredentials: state.uses.map((use) => moveCredentialUse(use, shift)),
      rounds: state.rounds,
    });
  }
  return results;
}

interface Links {
  /** Export names each module's importers read. */
  reads: Map<string, Set<string>>;
  /** Modules some other module of the tree imports. */
  imported: Set<string>;
}

/** Who imports whom and what they read, from each module's last plan. */
function linksOf(states: ReadonlyMap<string, FileState>, resolve: ProjectRemovalOptions['resolve']): Links {
  const reads = new Map<string, Set<string>>();
  const imported = new Set<string>();
  const readAll = (target: string) => {
    imported.add(target);
    reads.set(target, new Set([ALL_EXPORTS]));
  };
  for (const state of states.values()) {
    // A file that does not parse may import anything it names: every module it mentions is read whole.
    if (state.plan?.parseError !== undefined) {
      for (const name of states.keys()) if (name !== state.file.name && state.text.includes(moduleStem(name))) readAll(name);
      continue;
    }
    for (const item of state.plan?.imports ?? []) {
      const target = resolve(state.file.name, item.specifier);
      if (target === undefined || target === state.file.name) continue;
      imported.add(target);
      const set = reads.get(target) ?? new Set<string>();
      for (const read of item.reads) set.add(read);
      reads.set(target, set);
    }
  }
  return { reads, imported };
}

/** `lib/zoho/session.js` → `session`; an index module goes by its folder. */
function moduleStem(name: string): string {
  const base = name.split('/').pop()!.replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? (name.split('/').at(-2) ?? base) : base;
}

/** Everything a round's plans were told about the tree, as one comparable string. */
function factsKeyOf(states: ReadonlyMap<string, FileState>, links: Links): string {
  return JSON.stringify(
    [...states.keys()].map((name) => {
      const plan = states.get(name)!.plan;
      return [name, [...(links.reads.get(name) ?? [])].sort(), links.imported.has(name), [...(plan?.ticketExports ?? [])].sort(), plan?.isPureAtLoad ?? false];
    }),
  );
}

/** Applies one round's plan to a file, if the result parses; records what went. */
function applyRound(state: FileState, plan: RemovalPlan): boolean {
  const applied = applyEditGroups(state.text, plan.groups);
  // The plan's edits go together or not at all (settling counted each as gone).
  if (applied.skipped.length > 0 || applied.output === state.text) return false;
  // An output that does not parse is a bug in a removal: the round is refused for this file.
  if (!parseSource(applied.output, state.file.name).ok) return false;
  for (const removed of plan.removed) {
    const isApplied = applied.edits.some((edit) => edit.start < removed.end && removed.start < edit.end);
    if (isApplied) state.removed.push({ ...removed, start: toOriginal(state.history, removed.start), end: toOriginal(state.history, removed.end) });
  }
  state.uses = state.uses.filter((use) => !isDeleted(use, applied.edits)).map((use) => moveCredentialUse(use, (offset) => mapOffset(offset, applied.edits)));
  state.history.push(applied.edits);
  state.text = applied.output;
  state.rounds++;
  return true;
}

function toOriginal(history: readonly Edit[][], offset: number): number {
  let at = offset;
  for (let i = history.length - 1; i >= 0; i--) at = mapBack(at, history[i]!);
  return at;
}

function isDeleted(use: CredentialUse, edits: readonly Edit[]): boolean {
  const at = use.declaration?.start ?? use.env?.at;
  return at !== undefined && edits.some((edit) => edit.start <= at && at < edit.end);
}

/** Which import bindings were in use before anything was removed. */
function recordStart(state: FileState, plan: RemovalPlan, usedAtStart: Set<string>): void {
  for (const item of plan.imports) {
    if (item.binding && item.reads.size > 0) usedAtStart.add(`${state.file.name}\0${item.binding.name}\0${item.specifier}`);
  }
  // ESM named imports carry no binding in ModuleImport: their use is read off their scope.
  const parsed = parseSource(state.text, state.file.name);
  if (!parsed.ok) return;
  const scopes = lexicalScopesOf(parsed.ast);
  for (const statement of parsed.ast.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) {
      if ((scopes.bindingOf(specifier.local)?.references.length ?? 0) > 0) usedAtStart.add(`${state.file.name}\0${specifier.local.name}\0${statement.source.value}`);
    }
  }
}
