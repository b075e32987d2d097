import { lazyModule } from '../lazy-module.js';
import { scriptLangOf, type ContainerParse, type ScriptBlock, type ScriptLang } from './script-block.js';

/** Loaded on the first such file only (see lazy-module.ts). */
const loadParse5 = lazyModule<typeof import('parse5')>('parse5');

interface Parse5Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Parse5Node[];
  content?: Parse5Node;
  sourceCodeLocation?: { startTag?: { endOffset: number }; endTag?: { startOffset: number } } | null;
}

// The JavaScript MIME types of the HTML standard ("JavaScript MIME type essence match").
const JAVASCRIPT_TYPES = /^(?:(?:text|application)\/(?:x-)?(?:javascript|ecmascript)|text\/javascript1\.[0-5]|text\/(?:jscript|livescript)|module)$/i;

/**
 * What a `<script>` holds, from its `type` (and the legacy `language`): JavaScript, JSX for
 * Babel-in-the-browser pages, TypeScript for `lang="ts"`; undefined for templates, JSON,
 * import maps and every other kind of data.
 */
function scriptLang(node: Parse5Node): ScriptLang | undefined {
  const attrs = new Map((node.attrs ?? []).map((attr) => [attr.name.toLowerCase(), attr.value.trim()]));
  if (attrs.has('src')) return undefined;
  const type = attrs.get('type');
  if (type === undefined || type === '') {
    const language = attrs.get('language');
    if (language !== undefined && language !== '' && !JAVASCRIPT_TYPES.test(`text/${language}`)) return undefined;
    return scriptLangOf(attrs.get('lang'));
  }
  if (JAVASCRIPT_TYPES.test(type)) return 'js';
  if (/^text\/(?:babel|jsx)$/i.test(type)) return 'jsx';
  if (/^(?:text|application)\/typescript$/i.test(type)) return 'ts';
  return undefined;
}

/**
 * An HTML page's inline scripts, found by parse5 (the WHATWG parsing algorithm browsers use),
 * `<template>` contents included. HTML has no fatal errors: every page parses.
 */
export function extractHtmlScripts(text: string): ContainerParse {
  const document = loadParse5().parse(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node;
  const blocks: ScriptBlock[] = [];
  const visit = (node: Parse5Node): void => {
    if (node.nodeName === 'script') {
      const location = node.sourceCodeLocation;
      const lang = scriptLang(node);
      // A script left open at the end of the file has no end tag: its text runs to the end.
      const start = location?.startTag?.endOffset;
      const end = location?.endTag?.startOffset ?? text.length;
      if (lang && start !== undefined && end > start) blocks.push({ start, end, lang });
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(document);
  return { ok: true, blocks: blocks.sort((a, b) => a.start - b.start) };
}
