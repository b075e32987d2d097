import type { CredentialUse } from '../../credentials/credential-uses.js';
import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import type { AtomParam } from './query-scan.js';

/** A tail that stops the rewrite (why), or what was kept without proof (a `kept-part` note each). */
export type TailCheck = { reason: string } | { kept: CredentialUse[] };

/**
 * What follows a credential's value before the next `&` stays byte for byte, as in JavaScript
 * (strings/plan-rewrite.ts): text glued to the value is refused, because it would end up glued to
 * the token or the scope; an expression the file proves empty or starting with `&`/`#` is kept
 * silently; one it cannot prove is kept and named in a note, so a human checks it once.
 */
export function checkTails(params: readonly AtomParam[], text: string): TailCheck {
  const kept: CredentialUse[] = [];
  for (const param of params) {
    for (const atom of param.tail) {
      if (atom.kind === 'char') return { reason: `text follows the ${param.name} value without a separator` };
      const lead = atom.known;
      if (lead === '') continue;
      if (lead.startsWith('&') || lead.startsWith('#')) break;
      if (!lead.startsWith(UNKNOWN_VALUE)) return { reason: `the ${param.name} value continues with a constant` };
      const { start, end } = atom.node;
      kept.push({ param: param.name, kept: { start, end, code: text.slice(start, end) } });
      break;
    }
  }
  return { kept };
}
