import { createHash } from 'node:crypto';

/**
 * Fingerprints that survive unrelated edits: built from the rule, the file, the reported
 * construct's text with white space folded, and which occurrence of that text it is, never from
 * line numbers. Used by baselines, SARIF partialFingerprints and GitLab reports.
 */
export class Fingerprinter {
  private readonly seen = new Map<string, number>();

  constructor(private readonly filePath: string) {}

  next(ruleId: string, snippet: string): string {
    const normalized = snippet.replace(/\s+/g, ' ').trim();
    const key = `${ruleId}\u0000${normalized}`;
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${ruleId}\u0000${this.filePath}\u0000${normalized}\u0000${occurrence}`).digest('hex').slice(0, 32);
  }
}
