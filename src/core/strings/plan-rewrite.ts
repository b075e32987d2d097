import type { Node } from '@babel/types';
import { calleeName } from '../ast/node-utils.js';
import type { ZohoService } from '../zoho/services.js';
import { isLegacyParamName } from '../zoho/services.js';
import type { Atom, CharAtom, HoleAtom } from './atoms.js';
import type { QueryParam } from './query-params.js';
import { RewriteOps } from './rewrite-ops.js';
import type { TailPart } from './separate-parameter.js';

export type ParamAction = 'authtoken' | 'authtoken+scope' | 'scope' | 'remove';

export interface PlannedParam<P extends { name: string } = QueryParam> {
  param: P;
  action: ParamAction;
}

/**
 * The rewrite rule (DESIGN §1): apikey and ticket go; authtoken takes the place of the first,
 * scope the place of the second; with only one of them, scope follows authtoken. A request that
 * already has a scope keeps it (no duplicate), one that already has an authtoken only loses the
 * legacy parameters. Every other parameter and its order stay.
 */
export function planParamRewrite<P extends { name: string } = QueryParam>(params: readonly P[], service: ZohoService | undefined, scope: string | null): PlannedParam<P>[] {
  const legacy = params.filter((param) => isLegacyParamName(param.name, service));
  if (legacy.length === 0) return [];
  const hasScope = scope === null || params.some((param) => param.name.toLowerCase() === 'scope');
  const hasAuthtoken = params.some((param) => param.name.toLowerCase() === 'authtoken');
  return legacy.map((param, i): PlannedParam<P> => {
    if (hasAuthtoken) return { param, action: 'remove' };
    if (i === 0) return { param, action: legacy.length === 1 && !hasScope ? 'authtoken+scope' : 'authtoken' };
    if (i === 1 && !hasScope) return { param, action: 'scope' };
    return { param, action: 'remove' };
  });
}

export function describeLegacyParams(params: readonly QueryParam[], service?: ZohoService): string {
  const names = [...new Set(params.filter((p) => isLegacyParamName(p.name, service)).map((p) => p.name))];
  return names.join(' and ');
}

/** Wrappers kept around the token: `encodeURIComponent(apiKey)` becomes `encodeURIComponent(<token>)`. */
const ENCODERS = new Set(['encodeURIComponent', 'encodeURI', 'escape', 'querystring.escape', 'qs.escape']);

function tokenCode(hole: HoleAtom, context: PlanContext): string {
  const node: Node = hole.node;
  const name = calleeName(node);
  if (node.type === 'CallExpression' && name && ENCODERS.has(name) && node.arguments.length === 1) {
    const arg = node.arguments[0]!;
    const { text } = context;
    return text.slice(node.start ?? 0, arg.start ?? 0) + (context.encodedTokenExpr ?? context.tokenExpr) + text.slice(arg.end ?? 0, node.end ?? 0);
  }
  return context.tokenExpr;
}

export interface PlanContext {
  text: string;
  tokenExpr: string;
  /** The token inside an encoder call, which wants a string (see token-expr.ts). */
  encodedTokenExpr?: string;
  /** null: the service takes no scope. */
  scope: string | null;
  /** The `/` before parameters written in the path (Creator): it becomes `?`, making a proper query string. */
  pathSlash?: CharAtom;
  /** What an expression kept after a credential is (see separate-parameter.ts). */
  classifyTail: (node: Node) => TailPart;
}

/** Turns the plan into atom operations; a reason string when it cannot be expressed safely. */
export function planToOps(planned: readonly PlannedParam[], context: PlanContext): RewriteOps | string {
  const ops = new RewriteOps();
  if (context.pathSlash) {
    ops.delete([context.pathSlash]);
    ops.insertBefore(context.pathSlash, { kind: 'text', value: '?' });
  }
  for (const { param, action } of planned) {
    if (isPlaceholderValue(param)) return `the ${param.name} value is a placeholder (${valueText(param)}) filled in elsewhere`;
    if (param.isValueOpaque) return `the ${param.name} value continues into a constant defined elsewhere`;
    if (param.value.some((atom) => atom.kind === 'boundary')) return `the ${param.name} value spans several pieces`;
    const tailProblem = checkTail(param, ops, context);
    if (tailProblem) return tailProblem;
    const first = param.nameAtoms[0]!;
    if (action === 'scope' || action === 'remove') {
      ops.delete([...param.nameAtoms, param.equals, ...param.value]);
      if (action === 'scope') ops.insertBefore(first, { kind: 'text', value: `scope=${context.scope}` });
      else {
        const separator = removableSeparator(param);
        if (separator) ops.deleted.add(separator);
      }
      continue;
    }
    ops.delete(param.nameAtoms);
    ops.insertBefore(first, { kind: 'text', value: 'authtoken' });
    const onlyHole = param.value.length === 1 && param.value[0]!.kind === 'hole' ? (param.value[0] as HoleAtom) : undefined;
    if (onlyHole) ops.replaced.set(onlyHole, tokenCode(onlyHole, context));
    else {
      ops.delete(param.value);
      ops.insertAfter(param.equals, { kind: 'code', value: context.tokenExpr });
    }
    if (action === 'authtoken+scope' && context.scope !== null) {
      const scopeText = { kind: 'text' as const, value: `&scope=${context.scope}` };
      const next = param.separatorAfter;
      const last: Atom = param.value[param.value.length - 1] ?? param.equals;
      // Prefer to open the next literal with it (`' + T + '&scope=crmapi&x=1'`) over a new operand.
      if (next?.kind === 'char' && next.operand.kind !== 'expr' && last.kind === 'hole' && last.operand.kind === 'expr') {
        ops.insertBefore(next, scopeText);
      } else if (onlyHole || last.kind !== 'hole') ops.insertAfter(onlyHole ?? last, scopeText);
      else ops.insertAfter(param.equals, scopeText);
    }
  }
  return ops;
}

/**
 * What follows a credential's value is kept, byte for byte. Text glued to it is refused (it would
 * end up glued to the token); an expression is kept silently when it provably starts a parameter
 * of its own, and kept with a note when nothing can be proven either way.
 */
function checkTail(param: QueryParam, ops: RewriteOps, context: PlanContext): string | undefined {
  for (const atom of param.tail) {
    if (atom.kind === 'boundary') {
      if (atom.ch === '') continue;
      return `the ${param.name} value is joined to the next piece by ${JSON.stringify(atom.ch)}, not by &`;
    }
    if (atom.kind === 'char') return `text follows the ${param.name} value without a separator`;
    const part = context.classifyTail(atom.node);
    if (part === 'empty') continue;
    if (part === 'text') return `the ${param.name} value continues with a constant`;
    if (part === 'unknown') ops.keptUnproven.push({ param: param.name, node: atom.node });
    return undefined;
  }
  return undefined;
}

/** `%s`, `{0}`, `{{key}}`, `:key`, `$1`: a template filled in by code this rewrite cannot see. */
const PLACEHOLDER = /^(%[-+0 #]*\d*(\.\d+)?[sdifjoOc]|%\d+\$[a-z]|\{\d*\}|\{\{\s*[\w.]+\s*\}\}|\{[A-Za-z_]\w*\}|:[A-Za-z_]\w*|\$\d+)$/;

function valueText(param: QueryParam): string {
  return param.value.map((atom) => (atom.kind === 'char' ? atom.ch : '')).join('');
}

/** A printf or positional placeholder inside literal text (`abc%s`, `{0}`): the value is filled in by other code. */
const EMBEDDED_PLACEHOLDER = /%[-+0 #]*\d*(\.\d+)?[sdifjoOc]|\{\d+\}|\{\{\s*[\w.]+\s*\}\}/;

function isPlaceholderValue(param: QueryParam): boolean {
  if (param.value.length === 0 || !param.value.every((atom) => atom.kind === 'char')) return false;
  return isPlaceholderText(valueText(param));
}

/** Is a literal value a template placeholder (`%s`, `{0}`, `{{key}}`, ...)? The PHP/Python/Ruby rewrites ask too. */
export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER.test(text) || EMBEDDED_PLACEHOLDER.test(text);
}

/** The `&` that goes with a removed parameter: the one before it, else the one after it. */
function removableSeparator(param: QueryParam): CharAtom | undefined {
  const before = param.isPathStyle ? null : param.separatorBefore;
  const after = param.separatorAfter;
  if (before?.kind === 'char' && before.ch === '&') return before;
  if (after?.kind === 'char' && after.ch === '&') return after;
  if (before?.kind === 'char' && before.ch === '?' && after === null) return before;
  return undefined;
}
