import type { CredentialUse } from './credentials/credential-use.js';
import type { EmbeddedFormat, PolyglotLanguage } from './file-types.js';
import type { Finding } from './findings.js';
import type { ResolvedOptions } from './options.js';
import type { ParseFailure, ParserName } from './parse.js';
import type { ModuleResolver } from './scope/evaluate.js';

/**
 * What every reader of a file (JavaScript/TypeScript, scripts in markup, other languages) takes
 * and returns. They live here, apart from analyze.ts, so the readers analyze.ts dispatches to can
 * name them without importing their dispatcher back.
 */

/** The file being analysed and what the caller can tell about its surroundings. */
export interface AnalyzedFile {
  /** Path of the file (relative, `/`-separated): chooses the parser and names findings. */
  filePath: string;
  /** Cross-module constants, when a project index is available. */
  moduleResolver?: ModuleResolver;
  /** PHP/Python/Ruby: the text of a file this one includes (path relative to this file's folder), when it can be read. */
  readIncluded?: (fromFile: string, relative: string) => string | undefined;
  /**
   * Set by migrate on its output: the legacy credentials its fixes removed (offsets into this
   * source), so that those left unused are reported as notes.
   */
  removedCredentials?: readonly CredentialUse[];
}

/** A file with its options resolved once, where the caller entered the core: what the readers are handed. */
export interface FileInput extends AnalyzedFile {
  options: ResolvedOptions;
}

export interface FileAnalysis {
  findings: Finding[];
  /** Literal credential values found in the file: every output masks them. */
  secrets: string[];
  /** The JavaScript parser; for other files, the container format or language scanned. */
  parser: ParserName | EmbeddedFormat | PolyglotLanguage;
  parseError?: ParseFailure;
  /** Findings silenced by inline suppression comments (not in `findings`). */
  suppressed: number;
}

/** The JavaScript/TypeScript analysis: handed to the markup reader, which runs it per script block. */
export type ScriptAnalyzer = (source: string, input: FileInput) => FileAnalysis;
