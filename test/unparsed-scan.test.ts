import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';
import { UnparsedScan } from '../src/core/unparsed-scan.js';
import { scanPieces } from '../src/runner/scan-unparsed.js';

const URL_A = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?newFormat=1&apikey=K1&ticket=T1';
const URL_B = 'https://accounts.zoho.com/login?servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=u&PASSWORD=p';
// Non-ASCII before a URL on its line: columns count characters, not bytes.
const TEXT = `var a = 1;\r\nvar s = "${URL_A}";\n// Soci\u00e9t\u00e9 \u6771\u4eac '${URL_B}'\n${'x'.repeat(300)}\nq('${URL_A}')\n`;

const OPTIONS = resolveOptions();

function scanWhole(): ReturnType<UnparsedScan['finish']>['findings'] {
  return scanPieces([TEXT], new UnparsedScan('big.js', 'the file was not parsed: test', OPTIONS)).findings;
}

/** The text cut into pieces of `size` characters. */
function piecesOf(size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < TEXT.length; at += size) pieces.push(TEXT.slice(at, at + size));
  return pieces;
}

describe('the text scan of a file read in pieces', () => {
  it('finds each URL once, at its line and column, wherever the pieces are cut (an overlap longer than a URL)', () => {
    const whole = scanWhole();
    expect(whole.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'legacy-auth-params', line: 2, column: 10, endLine: 2, endColumn: 10 + URL_A.length },
      { ruleId: 'ticket-generation', line: 3, column: 16, endLine: 3, endColumn: 16 + URL_B.length },
      { ruleId: 'legacy-auth-params', line: 5, column: 4, endLine: 5, endColumn: 4 + URL_A.length },
    ]);
    expect(whole[0]!.message).toBe('Zoho API request sends apikey and ticket, but the file was not parsed: test; rewrite it by hand');
    for (const size of [1, 7, 40, 97, 128, 200, 1000]) {
      const pieces = scanPieces(piecesOf(size), new UnparsedScan('big.js', 'the file was not parsed: test', OPTIONS), { overlap: 128 }).findings;
      expect(pieces, `pieces of ${size}`).toEqual(whole);
    }
  });

  it('an overlap shorter than a URL can miss that URL, never report it twice', () => {
    const pieces = scanPieces(piecesOf(50), new UnparsedScan('big.js', 'test', OPTIONS), { overlap: 20 }).findings;
    const starts = pieces.map((finding) => finding.range.start);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('honours inline suppressions, in any window: ignore-next-line silences one line, ignore-file all', () => {
    const suppressedLine = TEXT.replace('q(', '// zoho-authtoken-ignore-next-line vendored copy\nq(');
    const pieces = (text: string) => Array.from({ length: Math.ceil(text.length / 60) }, (_, i) => text.slice(i * 60, i * 60 + 60));
    const nextLine = scanPieces(pieces(suppressedLine), new UnparsedScan('big.js', 'test', OPTIONS), { overlap: 128 });
    expect(nextLine.findings.map((finding) => finding.line)).toEqual([2, 3]);
    expect(nextLine.suppressed).toBe(1);
    const wholeFile = scanPieces(pieces(`${TEXT}/* zoho-authtoken-ignore-file */\n`), new UnparsedScan('big.js', 'test', OPTIONS), { overlap: 128 });
    expect(wholeFile).toEqual({ findings: [], suppressed: 3 });
  });
});
