import { analyzeSource, type AnalyzeOptions, type FileAnalysis } from './core/analyze.js';
import { scopeProblem, tokenExprProblem } from './core/options.js';

/** `analyze`'s options: the core's, with the file name optional. */
export interface AnalyzeInput extends Partial<AnalyzeOptions> {
  /** Picks the parser (`.ts`, `.tsx`, else JavaScript with JSX and Flow) and names findings; default `input.js`. */
  filePath?: string;
}

/** A library option the core cannot use: thrown before any analysis, never a silent misfire. */
export class OptionsError extends TypeError {}

/**
 * The library's entry point for one source text: `analyzeSource` with a default file name and
 * its options checked (a token expression that is not one JavaScript expression, or a scope with
 * characters a query string would mangle, throw an OptionsError), so a caller gets the same
 * guarantees as the CLI. `analyzeSource` stays the raw, unchecked core function.
 */
export function analyze(source: string, options: AnalyzeInput = {}): FileAnalysis {
  const problem =
    (options.tokenExpr !== undefined ? tokenExprProblem(options.tokenExpr) : undefined) ?? (options.scope !== undefined ? scopeProblem(options.scope) : undefined);
  if (problem) throw new OptionsError(problem);
  return analyzeSource(source, { ...options, filePath: options.filePath ?? 'input.js' });
}
