/**
 * Which language or config format a file is, by its name: data only, so that file discovery and
 * reporters can ask without loading the tokenizers.
 */

export type PolyglotLanguage = 'php' | 'python' | 'ruby' | 'java' | 'csharp' | 'vbnet' | 'go' | 'env' | 'json' | 'yaml' | 'properties' | 'xml';

const BY_EXTENSION: Readonly<Record<string, PolyglotLanguage>> = {
  php: 'php',
  phtml: 'php',
  py: 'python',
  rb: 'ruby',
  java: 'java',
  cs: 'csharp',
  vb: 'vbnet',
  go: 'go',
  env: 'env',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  properties: 'properties',
  xml: 'xml',
  // .NET's web.config and app.config hold appSettings in XML.
  config: 'xml',
};

export const POLYGLOT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);
/** dotenv files have no extension of their own: `.env`, `.env.local`, `.env.example`. */
export const POLYGLOT_DOTFILE_GLOBS: readonly string[] = ['.env', '.env.*'];

export function polyglotLanguageOf(filePath: string): PolyglotLanguage | undefined {
  const name = filePath.split('/').pop()!.toLowerCase();
  const dot = name.lastIndexOf('.');
  const byExtension = dot > 0 ? BY_EXTENSION[name.slice(dot + 1)] : undefined;
  if (byExtension) return byExtension;
  return /^\.env(\.[\w.-]+)?$/.test(name) ? 'env' : undefined;
}
