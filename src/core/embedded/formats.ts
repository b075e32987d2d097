/**
 * Which files hold scripts inside markup: data only, so that file discovery can ask without
 * loading the Vue, Svelte and HTML parsers (index.ts imports them; they cost a second). The
 * extensions live in the one table, src/core/file-types.ts.
 */
import { extensionsRead, fileTypeOf } from '../file-types.js';

/**
 * Files whose scripts live inside markup: each `<script>` block is analysed and rewritten on its
 * own. `asp`, `jsp` and `cfm` are HTML pages with server code in them (classic ASP, JSP,
 * ColdFusion): read as HTML, with the server code left to the markup scan.
 */
export type EmbeddedFormat = 'vue' | 'svelte' | 'html' | 'asp' | 'jsp' | 'cfm';

export const EMBEDDED_EXTENSIONS: readonly string[] = extensionsRead('embedded');

export function embeddedFormatOf(filePath: string): EmbeddedFormat | undefined {
  const type = fileTypeOf(filePath);
  return type?.reader === 'embedded' ? type.format : undefined;
}
