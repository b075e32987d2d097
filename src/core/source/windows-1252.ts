/**
 * Windows-1252, the "ANSI" code page most Latin-1 files of the era really are, differs from
 * Latin-1 only in 0x80-0x9F: printable characters there (curly quotes, the euro sign, dashes),
 * C1 control codes in Latin-1. A file read as Latin-1 (so that every byte is written back as it
 * was) shows those bytes as Windows-1252 in diffs and excerpts; five of them are unassigned in
 * Windows-1252 too and stay as they are.
 */
const C1_AS_WINDOWS_1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Text decoded as Latin-1, for display: 0x80-0x9F as the characters Windows-1252 has there. */
export function displayLatin1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) => C1_AS_WINDOWS_1252[control.charCodeAt(0) - 0x80]!);
}
