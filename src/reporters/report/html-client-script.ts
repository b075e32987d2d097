import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from '../../version.js';

/**
 * The report's browser code is plain JavaScript in client/, so that `npm run typecheck` checks it
 * with the DOM types (tsconfig.client.json) that the Node code must not see. The build copies the
 * folder beside the compiled reporter, so the sources (vitest), the compiled library and the
 * bundled CLI all find it under SOURCE_ROOT; the page still carries it inline.
 */
const CLIENT_DIR = path.join(SOURCE_ROOT, 'reporters', 'report', 'client');

/** In page order: app.js calls the helpers that diff.js defines at its top level. */
const CLIENT_FILES = ['diff.js', 'app.js'];

/** What the page inlines of a client file: all after its header (`// @ts-check`, docs, typedefs). */
export function inlinedPart(file: string, text: string): string {
  const headerEnd = text.indexOf('\n\n');
  if (!text.startsWith('// @ts-check\n') || headerEnd === -1) {
    throw new Error(`${file}: a report client file starts with "// @ts-check" and a header ended by a blank line`);
  }
  return text.slice(headerEnd + 1);
}

let script: string | undefined;

/** The page's one script: one strict function, so the files share their top-level names and leak none. */
export function reportScript(): string {
  script ??= `(function () {\n'use strict';\n${CLIENT_FILES.map((file) => inlinedPart(file, readFileSync(path.join(CLIENT_DIR, file), 'utf8'))).join('\n')}\n})();\n`;
  return script;
}
