import { lazyModule } from '../lazy-module.js';
import { scriptLangOf, type ContainerParse, type ScriptBlock } from './script-block.js';

/** Loaded on the first such file only (see lazy-module.ts). */
const loadVue = lazyModule<typeof import('@vue/compiler-sfc')>('@vue/compiler-sfc');

/**
 * A Vue single-file component's `<script>` and `<script setup>` blocks, found by Vue's own SFC
 * parser (the one @vitejs/plugin-vue and vue-loader use), so a block is exactly what Vue compiles.
 * A component Vue reports errors for is a parse error here too: Vue would not build it either.
 */
export function extractVueScripts(text: string): ContainerParse {
  let descriptor;
  let errors;
  try {
    ({ descriptor, errors } = loadVue().parse(text, { sourceMap: false, ignoreEmpty: false }));
  } catch (error) {
    return { ok: false, message: (error as Error).message, offset: 0 };
  }
  const first = errors[0];
  if (first) {
    const offset = 'loc' in first && first.loc ? first.loc.start.offset : 0;
    return { ok: false, message: `Vue: ${first.message}`, offset };
  }
  const blocks: ScriptBlock[] = [];
  for (const script of [descriptor.script, descriptor.scriptSetup]) {
    if (!script || script.src) continue;
    const lang = scriptLangOf(script.lang);
    if (lang) blocks.push({ start: script.loc.start.offset, end: script.loc.end.offset, lang });
  }
  return { ok: true, blocks: blocks.sort((a, b) => a.start - b.start) };
}
