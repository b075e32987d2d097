import path from 'node:path';
import { analyzeSource, type FileAnalysis } from '../core/analyze.js';
import { embeddedFormatOf } from '../core/embedded/index.js';
import type { CoreOptions } from '../core/options.js';
import { polyglotLanguageOf } from '../core/polyglot/languages.js';
import { projectIndexFor } from '../project/index.js';
import { isCandidateText } from '../core/candidate-anchors.js';

/** What a rule needs of ESLint's context: the file, the folder ESLint runs in, the text as ESLint holds it. */
export interface LintedFile {
  /** ESLint's `context.filename`: absolute for files on disk, `<input>` or a bare name for text. */
  filename: string;
  cwd: string;
  /** `sourceCode.text`: ESLint has taken any BOM off, so offsets match ESLint's ranges. */
  text: string;
}

const NO_FINDINGS: FileAnalysis = { findings: [], secrets: [], parser: 'babel', suppressed: 0 };

/**
 * One analysis per file and per set of options, however many of the plugin's rules are on: the
 * first rule to ask analyses, the others read the same result. Keyed by ESLint's SourceCode object,
 * which lives exactly as long as one lint of one text (`--fix` passes each get a new one).
 */
const cache = new WeakMap<object, Map<string, FileAnalysis>>();

let analysesRun = 0;

/** How many analyses the plugin has run in this process (tests prove the once-per-file promise with it). */
export function pluginAnalysisCount(): number {
  return analysesRun;
}

export function analysisFor(sourceCode: object, file: LintedFile, options: CoreOptions, optionsKey: string): FileAnalysis {
  let byOptions = cache.get(sourceCode);
  if (!byOptions) cache.set(sourceCode, (byOptions = new Map()));
  let analysis = byOptions.get(optionsKey);
  if (!analysis) byOptions.set(optionsKey, (analysis = analyzeLintedFile(file, options)));
  return analysis;
}

function analyzeLintedFile(file: LintedFile, options: CoreOptions): FileAnalysis {
  // Vue, Svelte and HTML files reach a rule only through a processor or another parser, whose text
  // is not the one the core's extractors expect; other languages are not ESLint's. The CLI covers both.
  const isScript = !embeddedFormatOf(file.filename) && !polyglotLanguageOf(file.filename);
  // The CLI's own prefilter: a file without any anchor has no finding, and is never parsed twice.
  if (!isScript || !isCandidateText(file.text)) return NO_FINDINGS;
  analysesRun++;
  const isOnDisk = path.isAbsolute(file.filename);
  // The core names files relative to the project root, with `/`, like the CLI run from ESLint's cwd.
  const filePath = isOnDisk ? path.relative(file.cwd, file.filename).split(path.sep).join('/') : file.filename;
  return analyzeSource(file.text, {
    ...options,
    filePath,
    // Constants imported from other modules are read from disk as the CLI reads them; text with no
    // file behind it has no neighbours to read.
    ...(isOnDisk ? { moduleResolver: projectIndexFor(file.cwd).resolverFor() } : {}),
  });
}
