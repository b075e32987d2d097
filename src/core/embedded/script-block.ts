/** What a container parser hands the analysis: where each script's code is, and its language. */

export type ScriptLang = 'js' | 'jsx' | 'ts' | 'tsx';

export interface ScriptBlock {
  /** The code between `<script ...>` and `</script>`, as offsets into the file's text. */
  start: number;
  end: number;
  lang: ScriptLang;
}

export type ContainerParse = { ok: true; blocks: ScriptBlock[] } | { ok: false; message: string; offset: number };

/** `lang="ts"` and friends, as Vue and Svelte read them; undefined for a language that is not JS (`coffee`). */
export function scriptLangOf(lang: string | undefined): ScriptLang | undefined {
  switch ((lang ?? '').trim().toLowerCase()) {
    case '':
    case 'js':
    case 'javascript':
      return 'js';
    case 'jsx':
      return 'jsx';
    case 'ts':
    case 'typescript':
      return 'ts';
    case 'tsx':
      return 'tsx';
    default:
      return undefined;
  }
}
