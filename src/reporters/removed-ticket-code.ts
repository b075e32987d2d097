import type { RemovedTicketCode, RunResult } from '../run-result.js';

export interface RemovedInFile extends RemovedTicketCode {
  file: string;
}

/** Every deletion of `--remove-ticket-code`, in file order: one list for every reporter. */
export function removedTicketCodeOf(result: RunResult): RemovedInFile[] {
  return result.files.flatMap((file) => (file.removedTicketCode ?? []).map((code) => ({ file: file.file, ...code })));
}

/** `lib/zoho/session.js:8-23`: where it was, in the rewritten text. */
export function removedLocation(code: RemovedInFile): string {
  return code.endLine > code.line ? `${code.file}:${code.line}-${code.endLine}` : `${code.file}:${code.line}`;
}
