import { reportKeptParts } from '../../credentials/kept-parts.js';
import type { Edit } from '../../findings.js';
import { isPlaceholderText, planParamRewrite, type ParamAction } from '../../strings/plan-rewrite.js';
import { namesAlternation, perServiceTable } from '../../zoho/legacy-param-names.js';
import { isLegacyParamName, scopeOf, type ZohoService } from '../../zoho/services.js';
import { descendants, isBinary, nearestScope, operatorOf, textOf } from './grammar.js';
import type { ParsedContext } from './parsed-context.js';
import { scanAtomParams, type AtomParam } from './query-scan.js';
import { atomsText, buildChain, formatCallOf, literalQuote, type Chain, type HoleAtom } from './string-atoms.js';
import type { SyntaxNode } from './syntax-tree.js';
import { argumentRemoval, renumbering } from './format-edits.js';
import { HEREDOC_TYPES, heredocHolder, isInterpolatingHeredoc } from './heredoc.js';
import { checkTails } from './tail-parts.js';
import { tokenInQuotes } from './token-exprs.js';

const spellsLegacyParam = perServiceTable(({ all }) => new RegExp(`(${namesAlternation(all)})=`, 'i'));

/**
 * Requests whose URL is a string built in the source: literals, `.`/`+` chains, `.=`/`+=`/`<<`
 * appends, interpolation, `sprintf`, `%` and `.format()`. Rewritten when the string (or the base
 * it is appended to) proves a Zoho API; every character that is not the credential stays.
 */
export function rewriteStringRequests(context: ParsedContext): void {
  const { text, grammar } = context;
  const owned: SyntaxNode[] = [];
  // Chains that build one variable (`$u = BASE . '?x=1'; $u .= '&apikey=' . $k; $u .= '&ticket=' . $t;`) are planned together.
  const groups = new Map<string, BuiltChain[]>();
  const order: BuiltChain[][] = [];
  for (const node of descendants(context.tree)) {
    if (!isChainRoot(node, context)) continue;
    const written = HEREDOC_TYPES.has(node.type) ? heredocHolder(node) : node;
    if (!written || !spellsLegacyParam(context.services).test(textOf(written, text))) continue;
    if (owned.some((root) => root.start <= node.start && node.end <= root.end)) continue;
    const chain = buildChain(node, grammar, text, context.values);
    if (!chain) continue;
    // Path-style parameters (`/record/add/apikey=K`) are Creator's; elsewhere a `/name=` is a path.
    const params = scanAtomParams(chain.atoms);
    if (!params.some((param) => isLegacyParamName(param.name))) continue;
    const target = builtVariable(node, context);
    const endpoint = context.classify(atomsText(chain.atoms)) ?? (target?.base ? context.classify(context.values.evaluate(target.base)) : undefined) ?? enclosingConcatEndpoint(node, context);
    if (endpoint?.kind !== 'service') continue;
    owned.push(node);
    const built: BuiltChain = { chain, params: params.filter((param) => !param.pathSlash || endpoint.service.hasPathStyleParams), service: endpoint.service };
    if (!built.params.some((param) => isLegacyParamName(param.name, endpoint.service))) continue;
    const group = target ? groups.get(target.key) : undefined;
    if (group && group[0]!.service === endpoint.service) group.push(built);
    else {
      order.push([built]);
      if (target) groups.set(target.key, order[order.length - 1]!);
    }
  }
  for (const group of order) reportChains(group, context);
}

interface BuiltChain {
  chain: Chain;
  params: AtomParam[];
  service: ZohoService;
}

function isChainRoot(node: SyntaxNode, context: ParsedContext): boolean {
  const { grammar, text } = context;
  const parent = node.parent;
  const isConcat = (candidate: SyntaxNode | null) => candidate !== null && isBinary(candidate) && operatorOf(candidate, text) === grammar.concatOperator;
  if (formatCallOf(node, grammar, text)) return true;
  if (parent && formatCallOf(parent, grammar, text)?.literal === node) return false;
  if (parent?.type === 'attribute' && parent.parent && formatCallOf(parent.parent, grammar, text)?.literal === node) return false;
  if (parent?.type === 'argument' && parent.parent?.parent && formatCallOf(parent.parent.parent, grammar, text)?.literal === node) return false;
  if (parent?.type === 'argument_list' && parent.parent && formatCallOf(parent.parent, grammar, text)?.literal === node) return false;
  if (isConcat(parent) || parent?.type === 'concatenated_string') return false;
  return isConcat(node) || node.type === 'concatenated_string' || grammar.stringTypes.has(node.type) || HEREDOC_TYPES.has(node.type);
}

/** `CRM_URL + '...?apikey=%s' % (k,)`: a format inside a concatenation is proven by what precedes it. */
function enclosingConcatEndpoint(node: SyntaxNode, context: ParsedContext): ReturnType<ParsedContext['classify']> {
  const { grammar, text } = context;
  let root = node;
  while (root.parent && isBinary(root.parent) && operatorOf(root.parent, text) === grammar.concatOperator) root = root.parent;
  return root === node ? undefined : context.classify(context.values.evaluate(root));
}

/**
 * The variable a chain builds: `$url = <chain>` or `$url .= <chain>` (`+=`, `<<`). Its key names
 * the variable and the assignment that started it; `base` is that first value, which proves an
 * appended piece Zoho's (`$url .= '&apikey=' . $k` after `$url = 'https://crm.zoho.com/...'`).
 */
function builtVariable(root: SyntaxNode, context: ParsedContext): { key: string; base?: SyntaxNode } | undefined {
  const { grammar, text, values } = context;
  const parent = root.parent;
  if (!parent || parent.fields.get('right') !== root) return undefined;
  const operator = operatorOf(parent, text) ?? '';
  const isPlain = parent.type === 'assignment_expression' || parent.type === 'assignment';
  const isAppend = (grammar.assignmentTypes.has(parent.type) || parent.type === 'binary') && grammar.appendOperators.has(operator);
  const target = parent.fields.get('left');
  if ((!isPlain && !isAppend) || !target) return undefined;
  const key = values.referenceKey(target);
  if (!key) return undefined;
  if (isPlain) return { key: `${key}@${parent.start}` };
  let base: SyntaxNode | undefined;
  for (const node of descendants(nearestScope(parent, grammar))) {
    if (node.start >= parent.start) break;
    const left = node.fields.get('left');
    if ((node.type === 'assignment_expression' || node.type === 'assignment') && left && values.referenceKey(left) === key) base = node;
  }
  if (!base) return undefined;
  const value = base.fields.get('right');
  return { key: `${key}@${base.start}`, ...(value ? { base: value } : {}) };
}

type Rendered = Edit[] | string;

/** Python's `%(key)s` and `{key}`, Ruby's `%{key}` and `%<key>s`, also inside other text. */
const NAMED_PLACEHOLDER = /%\(\w*\)|%\{\w+\}|%<\w+>|\{[A-Za-z_]\w*\}/;

function reportChains(group: readonly BuiltChain[], context: ParsedContext): void {
  const service = group[0]!.service;
  const scope = scopeOf(service, context.crmScope);
  const owners = new Map<AtomParam, Chain>();
  for (const built of group) for (const param of built.params) owners.set(param, built.chain);
  const plan = planParamRewrite(group.flatMap((built) => built.params), service, scope);
  const names = [...new Set(plan.map((planned) => planned.param.name))].join(' and ');
  // Creator's path-style parameters become a proper query string: that `/` turns into `?`.
  const slash = plan.find((planned) => planned.param.pathSlash)?.param.pathSlash;
  const edits: Edit[] = slash ? [{ start: slash.start, end: slash.end, text: '?' }] : [];
  const tails = checkTails(plan.map((planned) => planned.param), context);
  let reason = 'reason' in tails ? tails.reason : undefined;
  for (const { param, action } of plan) {
    const rendered = renderParam(param, action, owners.get(param)!, scope, context);
    if (typeof rendered === 'string') {
      reason ??= rendered;
      continue;
    }
    edits.push(...rendered);
  }
  edits.push(...renumbering(plan, owners, context));
  // A heredoc's body lies after its `<<~URL`: the finding covers both.
  const lastAtom = (built: BuiltChain) => built.chain.atoms[built.chain.atoms.length - 1]?.end ?? 0;
  const where = { start: group[0]!.chain.root.start, end: Math.max(group[group.length - 1]!.chain.root.end, ...group.map(lastAtom)) };
  if (reason !== undefined) {
    context.report({ ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: service.name, params: names, reason }, ...where, fixable: false });
    return;
  }
  const usesToken = plan.some((planned) => planned.action.startsWith('authtoken'));
  // The kept parts ride on the fix, so migrate's output names them again (parsed/index.ts).
  const kept = 'kept' in tails ? tails.kept : [];
  context.report({
    ruleId: 'legacy-auth-params',
    messageId: scope === null ? 'fixableWithoutScope' : 'fixable',
    data: { service: service.name, params: names, scope: scope ?? '' },
    ...where,
    fixable: true,
    edits: usesToken ? [...edits, ...context.tokenSupportEdits] : edits,
    ...(kept.length > 0 ? { removes: kept } : {}),
  });
  reportKeptParts(kept, context);
}

function valueEnd(param: AtomParam): number {
  const last = param.value[param.value.length - 1];
  return last ? last.end : param.equals.end;
}

function renderParam(param: AtomParam, action: ParamAction, chain: Chain, scope: string | null, context: ParsedContext): Rendered {
  const hole = param.value[0]?.kind === 'hole' ? (param.value[0] as HoleAtom) : undefined;
  // `(CRM + '?apikey={}&...').format(k, ...)`: a placeholder in text this tool does not read as a
  // format string is filled in by code it does not rewrite; replacing it would shift the others.
  const literalValue = hole ? '' : param.value.map((atom) => (atom.kind === 'char' ? atom.ch : '')).join('');
  if (!hole && (isPlaceholderText(literalValue) || NAMED_PLACEHOLDER.test(literalValue))) return `the ${param.name} value is a placeholder (${literalValue}) filled in elsewhere`;
  if (hole?.place.kind === 'placeholder' && hole.place.argIndex < 0) return `the ${param.name} value is a format field that shows no one argument as it is`;
  const nameStart = param.nameAtoms[0]!.start;
  const nameEnd = param.nameAtoms[param.nameAtoms.length - 1]!.end;
  const literal = param.equals.literal;
  if (action === 'authtoken' || action === 'authtoken+scope') {
    const scopeText = action === 'authtoken+scope' && scope !== null ? `&scope=${scope}` : '';
    const edits: Edit[] = [{ start: nameStart, end: nameEnd, text: 'authtoken' }];
    const token = tokenValueEdits(param, hole, chain, literal, scopeText !== '', context);
    if (typeof token === 'string') return token;
    edits.push(...token);
    if (scopeText) {
      const inserted = scopeInsertion(param, hole, chain, scopeText, context);
      if (typeof inserted === 'string') return inserted;
      edits.push(inserted);
    }
    return edits;
  }
  const replacement = action === 'scope' ? `scope=${scope}` : '';
  let start = nameStart;
  const separator = param.separatorBefore;
  if (action === 'remove' && separator?.ch === '&' && separator.literal === literal && separator.end === nameStart) start = separator.start;
  if (!hole || hole.place.kind === 'interpolation' || hole.place.kind === 'placeholder') {
    const edits: Edit[] = [{ start, end: valueEnd(param), text: replacement }];
    if (hole?.place.kind === 'placeholder') edits.push(...argumentRemoval(chain, hole.place.argIndex, context));
    if (action === 'remove' && start === nameStart && param.separatorAfter?.literal === literal && !param.hasTail) edits[0]!.end = param.separatorAfter.end;
    return edits;
  }
  // The value is a whole operand: it goes with the operator before it.
  const index = (hole.place as { index: number }).index;
  const previous = chain.operands[index - 1];
  if (!previous) return `the ${param.name} value could not be separated from the string`;
  return [
    { start, end: param.equals.end, text: replacement },
    { start: previous.end, end: hole.end, text: '' },
  ];
}

/** Where the token goes: in place of the operand, inside the interpolation, or into the split string. */
function tokenValueEdits(param: AtomParam, hole: HoleAtom | undefined, chain: Chain, literal: SyntaxNode, isScopeFollowing: boolean, context: ParsedContext): Rendered {
  const { tokenExpr, grammar, text } = context;
  if (hole?.place.kind === 'operand') return [{ start: hole.start, end: hole.end, text: tokenExpr }];
  if (hole?.place.kind === 'placeholder') {
    return [{ start: hole.node.start, end: hole.node.end, text: tokenExpr }];
  }
  if (HEREDOC_TYPES.has(literal.type)) return heredocTokenEdits(param, hole, literal, context);
  const quote = literalQuote(literal, text);
  if (!quote) return 'the string could not be split';
  const start = hole ? hole.start : param.equals.end;
  const end = hole ? hole.end : valueEnd(param);
  if (hole && grammar.language === 'ruby') return [{ start: hole.node.start, end: hole.node.end, text: tokenExpr }];
  if (hole && grammar.language === 'python') return [{ start: hole.node.start, end: hole.node.end, text: tokenInQuotes(tokenExpr, quote.quote) }];
  if (!hole && grammar.language === 'ruby' && quote.quote === '"') return [{ start, end, text: `#{${tokenExpr}}` }];
  if (!hole && grammar.language === 'python' && quote.isFString) return [{ start, end, text: `{${tokenInQuotes(tokenExpr, quote.quote)}}` }];
  if (chain.format) return `the ${param.name} value is written into the format string`;
  if (!isSplitSafe(literal, chain, context)) return 'the string cannot be split into a concatenation here';
  const op = grammar.concatOperator;
  const atContentStart = start === quote.contentStart;
  const atContentEnd = end === quote.contentEnd && !isScopeFollowing;
  if (atContentStart && atContentEnd) return [{ start: literal.start, end: literal.end, text: tokenExpr }];
  if (atContentStart) return [{ start: literal.start, end, text: `${tokenExpr} ${op} ${quote.open}` }];
  if (atContentEnd) return [{ start, end: literal.end, text: `${quote.quote} ${op} ${tokenExpr}` }];
  return [{ start, end, text: `${quote.quote} ${op} ${tokenExpr} ${op} ${quote.open}` }];
}

/**
 * A heredoc cannot be split into a concatenation: the token is interpolated into its body. Ruby
 * interpolates any expression; PHP only variables, properties and array elements, so PHP's default
 * `getenv(...)` is refused there and a `tokenExprs.php` such as `$config->zohoToken` is written `{$config->zohoToken}`.
 */
function heredocTokenEdits(param: AtomParam, hole: HoleAtom | undefined, literal: SyntaxNode, context: ParsedContext): Rendered {
  const { tokenExpr, text, grammar } = context;
  if (!isInterpolatingHeredoc(literal, text)) return `the ${param.name} value is written in a heredoc that does not interpolate`;
  if (grammar.language === 'ruby') {
    if (hole) return [{ start: hole.node.start, end: hole.node.end, text: tokenExpr }];
    return [{ start: param.equals.end, end: valueEnd(param), text: `#{${tokenExpr}}` }];
  }
  if (!/^\$[A-Za-z_]\w*(?:->[A-Za-z_]\w*|\[(?:'[^']*'|"[^"]*"|\d+)\])*$/.test(tokenExpr)) return `a PHP heredoc cannot interpolate the token expression ${tokenExpr} (configure tokenExprs.php as a variable to rewrite it)`;
  return [{ start: hole ? hole.start : param.equals.end, end: hole ? hole.end : valueEnd(param), text: `{${tokenExpr}}` }];
}

const SPLIT_SAFE_PARENTS = new Set([
  'assignment_expression', 'augmented_assignment_expression', 'argument', 'return_statement', 'array_element_initializer', 'echo_statement', 'parenthesized_expression',
  'assignment', 'augmented_assignment', 'argument_list', 'keyword_argument', 'list', 'pair', 'expression_list', 'operator_assignment', 'return', 'array', 'parenthesized_statements',
]);

/** A literal may become `a . b . c` where an operator of lower precedence than concatenation holds it. */
function isSplitSafe(literal: SyntaxNode, chain: Chain, context: ParsedContext): boolean {
  if (chain.operands.length > 1) return true;
  const parent = literal.parent;
  if (!parent) return false;
  if (parent.type === 'binary' && context.grammar.appendOperators.has(operatorOf(parent, context.text) ?? '')) return true;
  // PHP constant expressions (`const X = '...'`, property defaults) cannot call a function.
  if (parent.type === 'const_element' || parent.type === 'property_element') return false;
  if (parent.type === 'argument' && parent.parent?.parent?.type === 'function_call_expression' && textOf(parent.parent.parent.fields.get('function') ?? parent, context.text).toLowerCase() === 'define') return true;
  return SPLIT_SAFE_PARENTS.has(parent.type);
}

function scopeInsertion(param: AtomParam, hole: HoleAtom | undefined, chain: Chain, scopeText: string, context: ParsedContext): Edit | string {
  if (!hole || hole.place.kind !== 'operand') {
    const at = valueEnd(param);
    return { start: at, end: at, text: scopeText };
  }
  const next = chain.operands[hole.place.index + 1];
  const nextQuote = next && context.grammar.stringTypes.has(next.type) ? literalQuote(next, context.text) : undefined;
  if (nextQuote) return { start: nextQuote.contentStart, end: nextQuote.contentStart, text: scopeText };
  // A new operand, quoted like the string that names the parameter.
  const quote = literalQuote(param.equals.literal, context.text)?.quote ?? "'";
  return { start: hole.end, end: hole.end, text: ` ${context.grammar.concatOperator} ${quote}${scopeText}${quote}` };
}
