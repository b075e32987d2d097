/**
 * Which language or config format a file is, by its name: data only, so that file discovery and
 * reporters can ask without loading the tokenizers. The extensions live in the one table,
 * src/core/file-types.ts.
 */
import { DOTENV_GLOBS, extensionsRead, fileTypeOf, type PolyglotLanguage } from '../file-types.js';

export type { PolyglotLanguage } from '../file-types.js';

export const POLYGLOT_EXTENSIONS: readonly string[] = extensionsRead('polyglot');
/** dotenv files have no extension of their own: `.env`, `.env.local`, `.env.example`. */
export const POLYGLOT_DOTFILE_GLOBS: readonly string[] = DOTENV_GLOBS;

export function polyglotLanguageOf(filePath: string): PolyglotLanguage | undefined {
  const type = fileTypeOf(filePath);
  return type?.reader === 'polyglot' ? type.language : undefined;
}
