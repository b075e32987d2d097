/**
 * THE table of file types: which extension is read, and by which analysis. Data only, so file
 * discovery, reporters and the bench can ask without loading a parser. Every other list of
 * extensions (discovery's, the embedded formats', the other languages') is derived from this one.
 */

/*
 * The formats and languages are named here, beside the extensions that map to them: the table is
 * their one owner, and embedded/formats.ts and polyglot/languages.ts (which derive their lists
 * from it) re-export the names without a cycle back.
 */

/**
 * Files whose scripts live inside markup: each `<script>` block is analysed and rewritten on its
 * own. `asp`, `jsp` and `cfm` are HTML pages with server code in them (classic ASP, JSP,
 * ColdFusion): read as HTML, with the server code left to the markup scan.
 */
export type EmbeddedFormat = 'vue' | 'svelte' | 'html' | 'asp' | 'jsp' | 'cfm';

/** Languages and config formats that are tokenised and reported (PHP, Python and Ruby also parsed and rewritten). */
export type PolyglotLanguage = 'php' | 'python' | 'ruby' | 'java' | 'csharp' | 'vbnet' | 'go' | 'env' | 'json' | 'yaml' | 'properties' | 'xml';

export type FileType =
  /** JavaScript or TypeScript: parsed, analysed and rewritten. */
  | { reader: 'script' }
  /** Scripts inside markup: each `<script>` block analysed and rewritten, the markup scanned. */
  | { reader: 'embedded'; format: EmbeddedFormat }
  /** Another language or a config format: tokenised and reported, never rewritten. */
  | { reader: 'polyglot'; language: PolyglotLanguage };

const SCRIPT: FileType = { reader: 'script' };
const embedded = (format: EmbeddedFormat): FileType => ({ reader: 'embedded', format });
const polyglot = (language: PolyglotLanguage): FileType => ({ reader: 'polyglot', language });

const BY_EXTENSION: Readonly<Record<string, FileType>> = {
  js: SCRIPT,
  jsx: SCRIPT,
  mjs: SCRIPT,
  cjs: SCRIPT,
  ts: SCRIPT,
  tsx: SCRIPT,
  mts: SCRIPT,
  cts: SCRIPT,
  // Google Apps Script: JavaScript (UrlFetchApp calls to CRM were a common integration).
  gs: SCRIPT,
  vue: embedded('vue'),
  svelte: embedded('svelte'),
  html: embedded('html'),
  htm: embedded('html'),
  // Server pages: HTML whose client scripts are rewritten; the server code is scanned with the markup.
  asp: embedded('asp'),
  jsp: embedded('jsp'),
  cfm: embedded('cfm'),
  php: polyglot('php'),
  phtml: polyglot('php'),
  php3: polyglot('php'),
  php4: polyglot('php'),
  php5: polyglot('php'),
  // Drupal modules, install files and includes are PHP.
  module: polyglot('php'),
  install: polyglot('php'),
  inc: polyglot('php'),
  py: polyglot('python'),
  rb: polyglot('ruby'),
  java: polyglot('java'),
  cs: polyglot('csharp'),
  vb: polyglot('vbnet'),
  go: polyglot('go'),
  env: polyglot('env'),
  json: polyglot('json'),
  yaml: polyglot('yaml'),
  yml: polyglot('yaml'),
  properties: polyglot('properties'),
  xml: polyglot('xml'),
  // .NET's web.config and app.config hold appSettings in XML.
  config: polyglot('xml'),
};

/** Every extension read, lower case, without the dot. */
export const DISCOVERED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The extensions one reader reads. */
export function extensionsRead(reader: FileType['reader']): string[] {
  return DISCOVERED_EXTENSIONS.filter((extension) => BY_EXTENSION[extension]!.reader === reader);
}

/** dotenv files have no extension of their own: `.env`, `.env.local`, `.env.example`. */
const DOTENV = /^\.env(\.[\w.-]+)?$/;
export const DOTENV_GLOBS: readonly string[] = ['.env', '.env.*'];

/** How a file is read, by its name (a path with `/` or the platform's separator), or undefined when it is not read. */
export function fileTypeOf(filePath: string): FileType | undefined {
  // Called for every file of a tree: the extension is sliced from the path, without copying the name.
  const nameStart = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1;
  const dot = filePath.lastIndexOf('.');
  if (dot > nameStart) {
    const byExtension = BY_EXTENSION[filePath.slice(dot + 1).toLowerCase()];
    if (byExtension) return byExtension;
  }
  return DOTENV.test(filePath.slice(nameStart).toLowerCase()) ? polyglot('env') : undefined;
}
