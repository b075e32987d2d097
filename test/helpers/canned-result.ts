import type { ReportedFinding, RunResult } from '../../src/run-result.js';
import { summarize } from '../../src/runner/result.js';

/** A credential value that slipped into a message unmasked: every format must still hide it. */
export const LEAKED_SECRET = '5f4dcc3b5aa765d61d8327deb882cf99';

const FINGERPRINT = (n: number) => n.toString(16).padStart(32, 'a');

function finding(partial: Partial<ReportedFinding> & Pick<ReportedFinding, 'file' | 'line' | 'ruleId'>, n: number): ReportedFinding {
  return {
    severity: partial.ruleId === 'hardcoded-credential' ? 'warning' : partial.ruleId === 'unused-suppression' ? 'note' : 'error',
    column: 5,
    endLine: partial.line,
    endColumn: 42,
    message: 'Zoho CRM request sends apikey and ticket; rewrite to authtoken + scope=crmapi',
    fixable: true,
    fingerprint: FINGERPRINT(n),
    ...partial,
  };
}

/**
 * One canned `check` result that every golden file is rendered from. It holds what formats must
 * get right: every severity and rule, a multi-line region, a zero-width one, a path with a space,
 * a comma and a colon, messages with `%`, CR/LF, `<&>"'`, a control character, a file that could
 * not be read and one that was skipped, suppressed and baselined counts, and more than ten errors
 * (GitHub annotates at most ten per level).
 */
export function cannedCheckResult(): RunResult {
  let n = 0;
  const next = () => ++n;
  const legacy = Array.from({ length: 11 }, (_, i) => finding({ file: `src/crm/module-${String(i + 1).padStart(2, '0')}.js`, line: 3 + i, ruleId: 'legacy-auth-params' }, next()));
  const files: RunResult['files'] = [
    {
      file: 'src/accounts, old:v1.js',
      status: 'unchanged',
      findings: [
        finding({ file: 'src/accounts, old:v1.js', line: 2, column: 1, endLine: 9, endColumn: 2, ruleId: 'ticket-generation', message: 'Zoho ticket login: obsolete with an authtoken, delete it', fixable: false }, next()),
        finding({ file: 'src/accounts, old:v1.js', line: 4, column: 17, endColumn: 59, ruleId: 'hardcoded-credential', message: `Hard-coded Zoho apikey value (${LEAKED_SECRET}); keep credentials out of source`, fixable: false }, next()),
      ],
      remaining: [],
      secrets: [LEAKED_SECRET],
      suppressed: 2,
    },
    {
      file: 'src/broken file.ts',
      status: 'unchanged',
      findings: [
        finding({ file: 'src/broken file.ts', line: 7, column: 3, endColumn: 3, ruleId: 'parse-error', message: "Could not parse this file: Unexpected token, expected \",\" (7:3) <a & 'b'>\u0007", fixable: false }, next()),
      ],
      remaining: [],
      secrets: [],
    },
    ...legacy.map((f) => ({ file: f.file, status: 'unchanged' as const, findings: [f], remaining: [], secrets: [] })),
    {
      file: 'src/renew.js',
      status: 'unchanged',
      findings: [
        finding({ file: 'src/renew.js', line: 10, column: 1, endLine: 14, endColumn: 4, ruleId: 'ticket-regeneration', message: '7-day ticket regeneration: obsolete with an authtoken, delete it\r\n(100% dead code)', fixable: false }, next()),
        finding({ file: 'src/renew.js', line: 20, column: 1, endColumn: 39, ruleId: 'unused-suppression', message: 'zoho-authtoken-ignore-next-line suppresses nothing on line 21; delete it', fixable: false }, next()),
      ],
      remaining: [],
      secrets: [],
      suppressed: 1,
    },
    { file: 'src/clean.js', status: 'unchanged', findings: [], remaining: [], secrets: [] },
    { file: 'src/unreadable.js', status: 'error', reason: 'cannot read: permission denied', findings: [], remaining: [], secrets: [] },
    { file: 'vendor/huge.min.js', status: 'skipped', reason: 'larger than the 1048576-byte limit (5242880 bytes)', findings: [], remaining: [], secrets: [] },
  ];
  for (const file of files) file.remaining = file.findings;
  const summary = { ...summarize(files, 'check'), baselined: 4 };
  return { command: 'check', isDryRun: true, tokenExpr: 'process.env.ZOHO_CRM_AUTHTOKEN', scope: 'crmapi', files, summary };
}
