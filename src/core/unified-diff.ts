import { createTwoFilesPatch } from 'diff';
import { maskSecrets } from './mask.js';

/** A `git diff`-style unified diff of one file, with credential values masked. */
export function unifiedDiff(file: string, before: string, after: string, secrets: Iterable<string> = []): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with an `Index:`/`====` banner; git's format starts at the `---` line.
  const body = patch.slice(patch.indexOf('--- '));
  return maskSecrets(body, secrets);
}
