import type { Setting, TextToken } from './tokens.js';

/** The code of a file with its strings and comments blanked out, so code patterns never match inside them. */
function codeView(text: string, tokens: readonly TextToken[]): string {
  let code = '';
  let cursor = 0;
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    if (t.start < cursor) continue;
    code += text.slice(cursor, t.start) + text.slice(t.start, t.end).replace(/[^\r\n]/g, ' ');
    cursor = t.end;
  }
  return code + text.slice(cursor);
}

const IDENTIFIER = /(?<![\w$@])[$@]{0,2}[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * What makes an identifier a setting: an optional type (`: str`, `As String`, Go's `string`)
 * then `=` or `:=`; or `name: value` (Ruby hash keys and keyword arguments, Go and C# fields).
 */
const ASSIGNED = /^(?:[ \t]*:[ \t]*[\w.[\]|]+|[ \t]+As[ \t]+[\w.]+(?:\(\))?|[ \t]+[\w.*[\]]+)?[ \t]*(?::=|=(?![=>~]))|^:(?![:\w])/;

/**
 * Settings written in code: `ZOHO_API_KEY = "..."`, `const string ZohoTicket = "..."`,
 * `Dim zohoTicket As String = "..."`, `$zoho_ticket = '...'`, map and array keys
 * (`'zoho_api_key' => '...'`, `{"ZOHO_TICKET": "..."}`, `$config['zoho_ticket'] = ...`) and PHP's
 * `define('ZOHO_API_KEY', '...')`. The value is known when it is a string literal right there.
 * `isCandidate` filters keys early: only a handful of names in a file matter.
 */
export interface CodeSettingRules {
  /**
   * `=` also compares (VB.NET: `If zohoTicket = "" Then`): an identifier is assigned only at the
   * start of a statement, after declaration keywords.
   */
  isEqualsAlsoComparison?: boolean;
}

const VB_STATEMENT_START = /(?:^|[\r\n:])[ \t]*(?:(?:Dim|Const|Private|Public|Protected|Friend|Shared|Static|ReadOnly|Set|Let)[ \t]+)*(?:Me\.)?$/i;

export function codeSettings(text: string, tokens: readonly TextToken[], isCandidate: (key: string) => boolean, rules: CodeSettingRules = {}): Setting[] {
  const code = codeView(text, tokens);
  const settings: Setting[] = [];
  const strings = tokens.filter((t) => t.kind === 'string');
  const stringAt = (offset: number) => {
    let at = offset;
    while (at < text.length && /[ \t\r\n]/.test(text[at]!)) at++;
    return strings.find((t) => t.start === at);
  };
  const add = (key: string, start: number, keyEnd: number, after: number) => {
    const value = stringAt(after);
    settings.push({ key, parents: [], start, end: value ? value.end : keyEnd, ...(value ? { value: text.slice(value.innerStart, value.innerEnd) } : {}) });
  };

  for (const match of code.matchAll(IDENTIFIER)) {
    const key = match[0].replace(/^[$@]+/, '');
    if (!isCandidate(key)) continue;
    const keyEnd = (match.index ?? 0) + match[0].length;
    const tail = ASSIGNED.exec(code.slice(keyEnd, keyEnd + 80));
    if (!tail) continue;
    const keyStart = keyEnd - key.length;
    if (rules.isEqualsAlsoComparison && !VB_STATEMENT_START.test(code.slice(Math.max(0, keyStart - 120), keyStart))) continue;
    add(key, keyStart, keyEnd, keyEnd + tail[0].length);
  }
  for (const literal of strings) {
    const key = text.slice(literal.innerStart, literal.innerEnd);
    if (!isCandidate(key)) continue;
    const after = /^[ \t]*(=>|:(?!:)|\][ \t]*=(?!=)|,)/.exec(code.slice(literal.end, literal.end + 16));
    if (!after) continue;
    // `, ` makes a setting only as the first argument of define('KEY', value).
    if (after[1] === ',' && !/\bdefine[ \t]*\([ \t]*$/i.test(code.slice(Math.max(0, literal.start - 16), literal.start))) continue;
    add(key, literal.innerStart, literal.innerEnd, literal.end + after[0].length);
  }
  return settings.sort((a, b) => a.start - b.start);
}
