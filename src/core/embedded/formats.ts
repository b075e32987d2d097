/**
 * Which files hold scripts inside markup: data only, so that file discovery can ask without
 * loading the Vue, Svelte and HTML parsers (index.ts imports them; they cost a second). The
 * extensions live in the one table, src/core/file-types.ts.
 */
import { extensionsRead, fileTypeOf, type EmbeddedFormat } from '../file-types.js';

export type { EmbeddedFormat } from '../file-types.js';

export const EMBEDDED_EXTENSIONS: readonly string[] = extensionsRead('embedded');

export function embeddedFormatOf(filePath: string): EmbeddedFormat | undefined {
  const type = fileTypeOf(filePath);
  return type?.reader === 'embedded' ? type.format : undefined;
}
