import { listOfFiles, type Command, type FileResult, type Summary } from '../run-result.js';

export function summarize(files: readonly FileResult[], command: Command): Summary {
  const findings = listOfFiles(files, 'findings');
  const textOnly = files.filter((file) => file.isTextOnly).length;
  return {
    filesScanned: files.filter((file) => file.status !== 'skipped').length,
    filesWithFindings: files.filter((file) => file.findings.length > 0).length,
    findings: findings.length,
    fixable: findings.filter((finding) => finding.fixable).length,
    filesChanged: command === 'check' ? 0 : files.filter((file) => file.status === 'changed').length,
    errors: files.filter((file) => file.status === 'error').length,
    suppressed: files.reduce((sum, file) => sum + (file.suppressed ?? 0), 0),
    ...(textOnly > 0 ? { textOnly } : {}),
  };
}
