import type { API, FileInfo, Options } from 'jscodeshift';
import { migrateSource } from '../src/core/migrate-source.js';
import { maskSecrets } from '../src/core/mask.js';

/**
 * The jscodeshift transform: a thin adapter over the core, so the codemod runs under plain
 *   npx jscodeshift --no-babel -t node_modules/zoho-authtoken-codemod/dist/transforms/zoho-authtoken.cjs src/
 * (the one CommonJS file the build bundles it into; the package's "./transform" export).
 * Options: --tokenExpr=<js> --scope=<scope> --annotate (marker comments above ticket code). Returns nothing for a file it does not change, so
 * jscodeshift counts it as unmodified and never rewrites it.
 */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  const result = migrateSource(file.source, {
    filePath: file.path,
    ...(typeof options.tokenExpr === 'string' ? { tokenExpr: options.tokenExpr } : {}),
    ...(typeof options.scope === 'string' ? { scope: options.scope } : {}),
    ...(options.annotate === true || options.annotate === 'true' ? { annotate: true } : {}),
  });
  for (const finding of result.remaining) {
    if (finding.severity === 'error') {
      api.report(maskSecrets(`${file.path}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`, result.secrets));
    }
  }
  return result.changed ? result.output : undefined;
}

/** Parsing is done by the core with the parser that fits each file; this only tells jscodeshift. */
export const parser = 'tsx';
