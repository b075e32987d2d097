import { SCRIPT as APP } from './client/app-js.js';
import { SCRIPT as DIFF } from './client/diff-js.js';

/**
 * The report's browser code is plain JavaScript in client/, so that `npm run typecheck` checks it
 * with the DOM types (tsconfig.client.json) that the Node code must not see. It arrives here as
 * generated modules (`npm run client-script`, scripts/report-client-modules.ts), not read from the
 * disk: a reporter is pure, and the modules travel with the compiled library, the bundled CLI and
 * the packed tarball like any other source.
 */

/** In page order: app.js calls the helpers that diff.js defines at its top level. */
const CLIENT_PARTS = [DIFF, APP];

let script: string | undefined;

/** The page's one script: one strict function, so the files share their top-level names and leak none. */
export function reportScript(): string {
  script ??= `(function () {\n'use strict';\n${CLIENT_PARTS.join('\n')}\n})();\n`;
  return script;
}
