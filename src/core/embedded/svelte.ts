import { lazyModule } from '../lazy-module.js';
import { scriptLangOf, type ContainerParse, type ScriptBlock } from './script-block.js';

/** Loaded on the first such file only (see lazy-module.ts). */
const loadSvelte = lazyModule<typeof import('svelte/compiler')>('svelte/compiler');

interface SvelteScript {
  start: number;
  end: number;
  content: { start: number; end: number };
  attributes: Array<{ name: string; value: true | Array<{ type: string; data?: string }> }>;
}

function attributeText(script: SvelteScript, name: string): string | undefined {
  const attribute = script.attributes.find((candidate) => candidate.name === name);
  if (!attribute || attribute.value === true) return undefined;
  return attribute.value.map((part) => part.data ?? '').join('');
}

/** `lang="ts"`, or the `type="text/typescript"` svelte-preprocess also reads. */
function langOf(script: SvelteScript) {
  const type = attributeText(script, 'type');
  if (type !== undefined && /typescript/i.test(type)) return 'ts';
  return scriptLangOf(attributeText(script, 'lang'));
}

/**
 * A Svelte component's instance and module scripts, found by Svelte's own parser. It also
 * parses the template and the scripts, so a component Svelte would reject is a parse error here.
 */
export function extractSvelteScripts(text: string): ContainerParse {
  let ast: { instance?: SvelteScript | null; module?: SvelteScript | null };
  try {
    ast = loadSvelte().parse(text, { modern: true }) as unknown as typeof ast;
  } catch (error) {
    const position = (error as { position?: [number, number] }).position;
    return { ok: false, message: `Svelte: ${(error as Error).message.split('\n')[0]}`, offset: position?.[0] ?? 0 };
  }
  const blocks: ScriptBlock[] = [];
  for (const script of [ast.module, ast.instance]) {
    if (!script) continue;
    const lang = langOf(script);
    // The code runs from the end of the start tag to `</script>`; check rather than trust the node.
    const start = script.content.start;
    const end = script.content.end;
    const isExact = text[start - 1] === '>' && /^<\/script\s*>$/i.test(text.slice(end, script.end));
    if (!isExact) return { ok: false, message: 'Svelte: could not locate the code of a <script> block', offset: script.start };
    if (lang) blocks.push({ start, end, lang });
  }
  return { ok: true, blocks: blocks.sort((a, b) => a.start - b.start) };
}
