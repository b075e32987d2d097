import type { FileResult, FileStatus } from '../run-result.js';

/**
 * The result of a file with nothing found in it: unchanged and plain, or a file that was skipped
 * or failed (`reason` says why). The one place such a result is built, so a field that results
 * gain later is added once.
 */
export function emptyResult(file: string, status: FileStatus = 'unchanged', reason?: string): FileResult {
  return { file, status, ...(reason ? { reason } : {}), findings: [], remaining: [], secrets: [] };
}
