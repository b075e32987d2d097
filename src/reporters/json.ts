import { allFindings, type RunResult } from '../run-result.js';
import { TOOL } from '../version.js';
import { handWorkOf } from './hand-work.js';
import type { Reporter } from './types.js';

export const SCHEMA_VERSION = 1;

/**
 * DESIGN §3, plus (additive) `remaining` after a rewrite, `reason` on skipped or failed files, and
 * for migrate `handWork` ({ files, findings }: files in other languages and config formats).
 */
export function toJsonResult(result: RunResult): unknown {
  const json: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    command: result.command,
    summary: result.summary,
    findings: allFindings(result),
    files: result.files.map((file) => ({
      file: file.file,
      status: file.status,
      ...(file.diff ? { diff: file.diff } : {}),
      ...(file.reason ? { reason: file.reason } : {}),
      // Additive: read by the text scan only, being too big or too long to parse.
      ...(file.isTextOnly ? { textOnly: true } : {}),
      // Additive: what --remove-ticket-code deleted, and why that was safe.
      ...(file.removedTicketCode ? { removedTicketCode: file.removedTicketCode } : {}),
    })),
  };
  if (result.command !== 'check') json.remaining = allFindings(result, 'remaining');
  // Additive: files in other languages and config formats that migrate leaves for a human.
  if (result.command === 'migrate') json.handWork = handWorkOf(result);
  return json;
}

export const jsonReporter: Reporter = {
  name: 'json',
  commands: ['migrate', 'check', 'report'],
  render: (result) => `${JSON.stringify(toJsonResult(result), null, 2)}\n`,
};
