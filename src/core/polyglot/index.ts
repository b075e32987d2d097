import type { AnalyzeOptions, FileAnalysis } from '../analyze.js';
import type { DraftFinding } from '../context.js';
import { FileFindings } from '../file-findings.js';
import { resolveOptions } from '../options.js';
import { findCredentialValues } from '../secrets/credential-values.js';
import { directivesFromComments } from '../suppressions.js';
import { tokenizeCFamily } from './c-family.js';
import { codeSettings, type CodeSettingRules } from './code-settings.js';
import { legacyCredentialOf } from './credential-keys.js';
import { tokenizeJson } from './json.js';
import { tokenizeEnv, tokenizeProperties } from './line-settings.js';
import { tokenizePhp } from './php.js';
import { tokenizePython } from './python.js';
import { reportLegacyUsage } from './report-usage.js';
import { tokenizeRuby } from './ruby.js';
import { commentsOf, type TextToken, type TokenizedText } from './tokens.js';
import { tokenizeVb } from './vb.js';
import { tokenizeXml } from './xml.js';
import { tokenizeYaml } from './yaml.js';

/**
 * The rest of a polyglot repository: languages and config formats this tool reports on but
 * never rewrites. One tokenizer per language family finds string literals, comments and
 * settings; `report-usage.ts` turns them into findings.
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

/** Programming languages (strings are concatenated), as opposed to config formats. */
const CODE_LANGUAGES: ReadonlySet<PolyglotLanguage> = new Set(['php', 'python', 'ruby', 'java', 'csharp', 'vbnet', 'go']);

export const POLYGLOT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);
/** dotenv files have no extension of their own: `.env`, `.env.local`, `.env.example`. */
export const POLYGLOT_DOTFILE_GLOBS: readonly string[] = ['.env', '.env.*'];

const LANGUAGE_NAMES: Readonly<Record<PolyglotLanguage, string>> = {
  php: 'PHP',
  python: 'Python',
  ruby: 'Ruby',
  java: 'Java',
  csharp: 'C#',
  vbnet: 'VB.NET',
  go: 'Go',
  env: 'a .env file',
  json: 'JSON',
  yaml: 'YAML',
  properties: 'a .properties file',
  xml: 'XML',
};

export function polyglotLanguageOf(filePath: string): PolyglotLanguage | undefined {
  const name = filePath.split('/').pop()!.toLowerCase();
  const dot = name.lastIndexOf('.');
  const byExtension = dot > 0 ? BY_EXTENSION[name.slice(dot + 1)] : undefined;
  if (byExtension) return byExtension;
  return /^\.env(\.[\w.-]+)?$/.test(name) ? 'env' : undefined;
}

function withCodeSettings(text: string, tokens: TextToken[], rules: CodeSettingRules = {}): TokenizedText {
  return { tokens, settings: codeSettings(text, tokens, (key) => legacyCredentialOf(key) !== undefined, rules) };
}

export function tokenizeLanguage(text: string, language: PolyglotLanguage): TokenizedText {
  switch (language) {
    case 'php':
      return withCodeSettings(text, tokenizePhp(text));
    case 'python':
      return withCodeSettings(text, tokenizePython(text));
    case 'ruby':
      return withCodeSettings(text, tokenizeRuby(text));
    case 'java':
    case 'csharp':
    case 'go':
      return withCodeSettings(text, tokenizeCFamily(text, language));
    case 'vbnet':
      return withCodeSettings(text, tokenizeVb(text), { isEqualsAlsoComparison: true });
    case 'env':
      return tokenizeEnv(text);
    case 'properties':
      return tokenizeProperties(text);
    case 'json':
      return tokenizeJson(text);
    case 'yaml':
      return tokenizeYaml(text);
    case 'xml':
      // A `.config` that is not XML (no `<` first) has nothing this scanner can read.
      return /^\s*</.test(text) ? tokenizeXml(text) : { tokens: [], settings: [] };
  }
}

const BOM = '\uFEFF';

/** Source in, findings out, for a file in another language: pure, never fixable, never rewritten. */
export function scanPolyglotSource(source: string, options: AnalyzeOptions, language: PolyglotLanguage): FileAnalysis {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const resolved = resolveOptions(options);
  const findings = new FileFindings(text, bom, options.filePath, options.rules);
  const secrets = new Set<string>(findCredentialValues(text));
  const { tokens, settings } = tokenizeLanguage(text, language);
  reportLegacyUsage(tokens, settings, {
    text,
    language: LANGUAGE_NAMES[language],
    services: resolved.services,
    crmScope: resolved.scope,
    reason: 'language',
    hasExpressions: CODE_LANGUAGES.has(language),
    report: (draft: DraftFinding) => findings.addDraft(draft),
    secrets,
  });
  // `# zoho-authtoken-ignore-next-line` and friends work in every language's own comments.
  const directives = directivesFromComments(commentsOf(text, tokens), findings.lines);
  const { findings: kept, suppressed } = findings.finish(directives);
  return { findings: kept, secrets: [...secrets], parser: language, suppressed };
}
