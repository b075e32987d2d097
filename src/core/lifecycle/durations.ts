import type { Node } from '@babel/types';
import { memberPath, unwrapExpression } from '../ast/node-utils.js';
import type { AnalysisContext } from '../context.js';

const DAY_SECONDS = 24 * 60 * 60;
const DAY_MS = DAY_SECONDS * 1000;

/** `WEEK`, `ONE_WEEK_MS`, `SEVEN_DAYS`, `MS_PER_WEEK`. */
const WEEK_NAME = /^(?:one_?)?week(?:_?(?:ms|millis|milliseconds|seconds|secs|in_?ms))?$|^seven_?days?(?:_?ms)?$|^(?:ms|millis|seconds|secs)_?(?:per|in)_?(?:a_?|one_?)?week$/i;
/** `DAY`, `ONE_DAY_MS`, `MS_PER_DAY`. */
const DAY_NAME = /^(?:one_?)?day(?:_?(?:ms|millis|milliseconds|seconds|secs|in_?ms))?$|^(?:ms|millis|seconds|secs)_?(?:per|in)_?(?:a_?|one_?)?day$/i;
/** `'7d'`, `'1w'`, `'7 days'`, `'1 week'`: the spellings of `ms`, `jsonwebtoken`, cache TTL options. */
const WEEK_TEXT = /^\s*(?:7\s*d(?:ays?)?|1\s*w(?:eeks?)?|one\s+week|seven\s+days|168\s*h(?:ours?)?)\s*$/i;

function nameOf(node: Node): string | undefined {
  return memberPath(node)?.at(-1);
}

/**
 * A ticket's lifetime, in any spelling: `7 * 24 * 60 * 60 * 1000`, `604800000`, `604800`,
 * `7 * DAY`, a `WEEK` constant, the same minus a safety margin (`WEEK - 60 * 60 * 1000`), in
 * milliseconds or seconds, or `'7d'`. A value is taken when it is fixed (in this module or
 * another); an unknown one counts only when its spelling says "week".
 */
export function isWeeklyPeriod(node: Node, context: AnalysisContext, depth = 0): boolean {
  const inner = unwrapExpression(node);
  const value = context.evaluator.evaluate(inner);
  if (typeof value === 'number') {
    if (value === 7 * DAY_MS || value === 7 * DAY_SECONDS) return true;
    if (value >= 6 * DAY_MS && value <= 7 * DAY_MS) return true;
    // In seconds only when computed: a bare 600000 is as likely ten minutes in milliseconds.
    return value >= 6 * DAY_SECONDS && value <= 7 * DAY_SECONDS && inner.type !== 'NumericLiteral';
  }
  if (typeof value === 'string') return WEEK_TEXT.test(value);
  if (value !== undefined || depth > 4) return false;
  const name = nameOf(inner);
  if (name !== undefined) return WEEK_NAME.test(name);
  if (inner.type === 'BinaryExpression' && inner.left.type !== 'PrivateName') {
    // `WEEK - margin`, `WEEK * 0.9`.
    if ((inner.operator === '-' || inner.operator === '*') && isWeeklyPeriod(inner.left, context, depth + 1)) return true;
    if (inner.operator === '*') {
      const sides = [inner.left, inner.right];
      return sides.some((side) => context.evaluator.evaluate(side) === 7) && sides.some((side) => DAY_NAME.test(nameOf(side) ?? ''));
    }
  }
  // `ms('7d')`, `moment.duration('7d')`.
  if (inner.type === 'CallExpression') return inner.arguments.some((argument) => isWeeklyPeriod(argument, context, depth + 1));
  return false;
}
