/**
 * Which files hold scripts inside markup, by extension: data only, so that file discovery can ask
 * without loading the Vue, Svelte and HTML parsers (index.ts imports them; they cost a second).
 */

/** Files whose scripts live inside markup: each `<script>` block is analysed and rewritten on its own. */
export type EmbeddedFormat = 'vue' | 'svelte' | 'html';

const BY_EXTENSION: Readonly<Record<string, EmbeddedFormat>> = { vue: 'vue', svelte: 'svelte', html: 'html', htm: 'html' };
export const EMBEDDED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function embeddedFormatOf(filePath: string): EmbeddedFormat | undefined {
  const dot = filePath.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[filePath.slice(dot + 1).toLowerCase()];
}
