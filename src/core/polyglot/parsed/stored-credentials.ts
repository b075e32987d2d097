import type { DraftFinding } from '../../context.js';
import type { SourceRange } from '../../findings.js';
import { namesAlternation, perServiceTable } from '../../zoho/legacy-param-names.js';
import { isLegacyParamName } from '../../zoho/services.js';
import { legacyCredentialOf } from '../credential-keys.js';
import { descendants, textOf } from './grammar.js';
import { collectParamMaps } from './map-entries.js';
import type { ParsedContext } from './parsed-context.js';
import type { SyntaxNode } from './syntax-tree.js';

/** Variables as written on the left of `=`: `$zoho_apikey`, `zoho_api_key`, `ZOHO_API_KEY`, `@zoho_apikey`. */
const VARIABLE_TYPES = new Set(['variable_name', 'identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable']);
/** The name a variable or a field of this object is written with: `$this->zoho_apikey`, `self.zoho_api_key`. */
function storedName(left: SyntaxNode): SyntaxNode | undefined {
  if (VARIABLE_TYPES.has(left.type)) return left;
  if (left.type === 'member_access_expression') return left.fields.get('name');
  if (left.type === 'attribute') return left.fields.get('attribute');
  return undefined;
}

/** `?apikey=`, `&ticket=`, `/apikey=` (Creator), Reports' `ZOHO_API_KEY=`: a legacy parameter written in a URL. */
const legacyUrlParam = perServiceTable(({ all }) => new RegExp(`[?&/](?:${namesAlternation(all)})=`, 'i'));

/**
 * A variable that reads the legacy API key (or ticket) from storage (`get_option('zoho_apikey')`,
 * `os.environ['ZOHO_API_KEY']`, `ENV['ZOHO_API_KEY']`), in a file that no longer sends a legacy
 * credential anywhere outside flagged ticket code: dead storage, not a request to migrate. As in
 * JavaScript, where the variables a rewrite leaves unused are noted on migrate's output only, it
 * is a note on migrate's output (`isMigrateOutput`: the rewrite just removed credentials here) and
 * nothing in a later `check`, so `check` after `migrate` fails on the ticket code alone. Either way
 * its range is returned, so the text scan's `setting` error over it is dropped. The file cannot
 * prove that no other file reads a global, hence the note's "once no other code reads it". A
 * literal value stays an error (a committed secret), and while any legacy request remains the
 * setting error stays too: that file is not migrated yet.
 */
export function reportStoredCredentials(context: ParsedContext, drafts: readonly DraftFinding[], isMigrateOutput: boolean): SourceRange[] {
  const ticketCode = drafts.filter((draft) => draft.ruleId === 'ticket-generation' || draft.ruleId === 'ticket-regeneration');
  const inTicketCode = (node: { start: number; end: number }) => ticketCode.some((code) => code.start <= node.start && node.end <= code.end);
  if (sendsLegacyCredentials(context, drafts, inTicketCode)) return [];
  const { text, grammar } = context;
  const dead: SourceRange[] = [];
  for (const node of descendants(context.tree)) {
    if (node.type !== 'assignment_expression' && node.type !== 'assignment') continue;
    const left = node.fields.get('left');
    const right = node.fields.get('right');
    const named = left ? storedName(left) : undefined;
    if (!left || !right || !named || inTicketCode(node)) continue;
    const key = textOf(named, text).replace(/^[$@]+/, '');
    const credential = legacyCredentialOf(key);
    if (!credential || grammar.stringTypes.has(right.type) || right.type === 'concatenated_string') continue;
    dead.push({ start: left.start, end: right.end });
    if (isMigrateOutput) context.report({ ruleId: 'legacy-auth-params', messageId: 'stored-credential', severity: 'note', data: { key, credential }, start: left.start, end: right.end, fixable: false });
  }
  return dead;
}

/**
 * Does anything outside ticket code still send a legacy credential? A request the parser judged,
 * a legacy parameter written in a string, a map entry or keyword argument with a legacy key. Any doubt
 * answers yes: the setting error then stays.
 */
function sendsLegacyCredentials(context: ParsedContext, drafts: readonly DraftFinding[], inTicketCode: (node: { start: number; end: number }) => boolean): boolean {
  const { text, grammar } = context;
  if (drafts.some((draft) => draft.ruleId === 'legacy-auth-params' && draft.severity !== 'note')) return true;
  for (const node of descendants(context.tree)) {
    if (inTicketCode(node)) continue;
    // Strings of every kind, heredocs and nowdocs included.
    if (/string|heredoc|nowdoc/.test(node.type) && legacyUrlParam(context.services).test(textOf(node, text))) return true;
    if (node.type === 'keyword_argument' && isLegacyParamName(textOf(node.fields.get('name') ?? node, text))) return true;
  }
  return collectParamMaps(context.tree, text, grammar, context.values).some((map) => map.entries.some((entry) => isLegacyParamName(entry.name) && !inTicketCode(entry.node)));
}
