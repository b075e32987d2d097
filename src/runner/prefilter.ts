/**
 * Decides without parsing whether a file can matter: every finding needs one of these words in
 * the text. Most files of a repository fail this test and are never parsed.
 */
const CANDIDATE_TEXT = /apikey|ticket|zoho/i;

export function isCandidateText(text: string): boolean {
  return CANDIDATE_TEXT.test(text);
}
