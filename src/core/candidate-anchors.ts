/**
 * What makes a file a candidate: whether any rule could report in it, decided from its text (the
 * runner's prefilter tests the bytes with the same expression, src/runner/prefilter.ts), without parsing it.
 * Every finding of every rule (DESIGN §4) needs one of these spellings in the
 * file itself; a file with none of them is never decoded, parsed or handed to the project index.
 *
 * THE LIST. Keep it the one place that says what makes a file a candidate; a detector that can
 * report in a file without any of these must add its anchor here. `test/prefilter.test.ts`
 * checks that every fixture input with a finding, and every case of the lifecycle table,
 * passes, so a missing anchor fails a test.
 *
 * 7-day periods (604800, 7 * 24 * ..., a WEEK constant) and error 4834 are not anchors of their
 * own: the regeneration rule flags them only where the same file shows ticket code (a ticket
 * variable, getTicket/refreshTicket, TICKET= parsing, a Zoho login), which the anchors below
 * already catch. As anchors they would match every date and time library and send each to the
 * parser for nothing.
 */
export interface CandidateAnchor {
  pattern: string;
  caseSensitive?: boolean;
  /**
   * The spelling proves something only with the login URL's host from another module's constant,
   * as JavaScript's project index follows it; the PHP/Python/Ruby parser leaves it out (isLocalCandidateText).
   */
  isCrossModule?: boolean;
  why: string;
}

export const CANDIDATE_ANCHORS: readonly CandidateAnchor[] = [
  { pattern: 'zoho', why: 'Zoho hosts (crm.zoho.com, accounts.zoho.com, reportsapi.zoho.com), servicename=ZohoCRM, ZOHO_API_KEY' },
  { pattern: 'apikey', why: 'the legacy apikey parameter, in URLs, objects and variable names (apiKey, APIKEY)' },
  { pattern: 'ticket', why: 'the 7-day ticket: parameters, TICKET= parsing, getTicket/refreshTicket, "Invalid Ticket Id"' },
  { pattern: 'FROM_AGENT|LOGIN_ID', caseSensitive: true, isCrossModule: true, why: 'ticket login URLs whose host lives in another module' },
];

/** A case-insensitive spelling without the `i` flag (`[zZ][oO]...`), so case rules can mix in one pattern. */
function caseless(pattern: string): string {
  return pattern.replace(/[a-z]/gi, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
}

function anchorsExpression(anchors: readonly CandidateAnchor[]): RegExp {
  return new RegExp(anchors.map(({ pattern, caseSensitive }) => (caseSensitive ? pattern : caseless(pattern))).join('|'));
}

/**
 * One regular expression for the whole list, tested in one call; the runner's prefilter shares it.
 * It also runs on a latin1 view of the bytes (one byte per character, far cheaper than decoding
 * UTF-8), so ASCII anchors match exactly where the UTF-8 text has them (multi-byte sequences are
 * all >= 0x80 and never spell ASCII) and a non-candidate file is never decoded.
 */
export const CANDIDATE = anchorsExpression(CANDIDATE_ANCHORS);

/** The decision on text already decoded (the jscodeshift transform, library callers, the object pass's gate). */
export function isCandidateText(text: string): boolean {
  return CANDIDATE.test(text);
}

const LOCAL_CANDIDATE = anchorsExpression(CANDIDATE_ANCHORS.filter((anchor) => !anchor.isCrossModule));

/**
 * Whether the PHP/Python/Ruby parser runs: the anchors but the cross-module ones. Its login rule
 * takes a map of two of FROM_AGENT/LOGIN_ID/PASSWORD for Zoho's ticket login, which holds only in
 * a file that names Zoho or a legacy parameter; elsewhere it is any other site's login form.
 */
export function isLocalCandidateText(text: string): boolean {
  return LOCAL_CANDIDATE.test(text);
}
