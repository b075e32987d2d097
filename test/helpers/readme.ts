import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './projects.js';

/** A fenced block of the README, found by the HTML comment just above it. */
export function readmeBlock(marker: string): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme);
  if (!match) throw new Error(`README.md has no block marked <!-- ${marker} -->`);
  return match[1]!;
}
