import type { FileAnalysis, FileInput } from '../file-analysis.js';
import type { DraftFinding } from '../context.js';
import { shiftCredentialUse } from '../credentials/credential-use.js';
import { FileFindings } from '../file-findings.js';
import { isLocalCandidateText } from '../candidate-anchors.js';
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
import { PARSED_LANGUAGES, analyzeParsedSource, type ParsedAnalysis, type ParsedLanguage } from './parsed/index.js';
import type { PolyglotLanguage } from './languages.js';

export { POLYGLOT_DOTFILE_GLOBS, POLYGLOT_EXTENSIONS, polyglotLanguageOf, type PolyglotLanguage } from './languages.js';

/**
 * The rest of a polyglot repository: languages and config formats this tool reports on but
 * never rewrites. One tokenizer per language family finds string literals, comments and
 * settings; `report-usage.ts` turns them into findings.
 */

/** Programming languages (strings are concatenated), as opposed to config formats. */
const CODE_LANGUAGES: ReadonlySet<PolyglotLanguage> = new Set(['php', 'python', 'ruby', 'java', 'csharp', 'vbnet', 'go']);

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
export function scanPolyglotSource(source: string, input: FileInput, language: PolyglotLanguage): FileAnalysis {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const resolved = input.options;
  const findings = new FileFindings(text, bom, input.filePath, resolved.rules);
  const secrets = new Set<string>(findCredentialValues(text));
  const { tokens, settings } = tokenizeLanguage(text, language);
  // PHP, Python and Ruby are parsed: what the parser rewrites or flags, the text scan does not repeat.
  // Only a file that names Zoho or a legacy parameter (the anchors that hold without another module) is parsed: the parser loads for candidates only.
  const parsed: ParsedAnalysis | undefined = PARSED_LANGUAGES.has(language) && isLocalCandidateText(text)
    ? analyzeParsedSource(text, language as ParsedLanguage, resolved, {
        lines: findings.lines,
        filePath: input.filePath,
        ...(resolved.tokenExprs ? { tokenExprs: resolved.tokenExprs } : {}),
        ...(input.readIncluded ? { readIncluded: input.readIncluded } : {}),
        ...(input.removedCredentials ? { removedCredentials: input.removedCredentials.map((use) => shiftCredentialUse(use, -bom)) } : {}),
      })
    : undefined;
  const scanned: DraftFinding[] = [];
  reportLegacyUsage(tokens, settings, {
    text,
    language: LANGUAGE_NAMES[language],
    services: resolved.services,
    crmScope: resolved.scope,
    reason: 'language',
    hasExpressions: CODE_LANGUAGES.has(language),
    report: (draft: DraftFinding) => scanned.push(draft),
    secrets,
  });
  for (const draft of parsed ? mergeWithParsed(scanned, parsed, LANGUAGE_NAMES[language]) : scanned) findings.addDraft(draft);
  // `# zoho-authtoken-ignore-next-line` and friends work in every language's own comments.
  const directives = directivesFromComments(commentsOf(text, tokens), findings.lines);
  const { findings: kept, suppressed } = findings.finish(directives);
  const result: FileAnalysis = { findings: kept, secrets: [...secrets], parser: language, suppressed };
  if (parsed?.parseError) result.parseError = parsed.parseError;
  return result;
}

/**
 * The text scan's findings, less those a parsed finding covers (the request it rewrites, the
 * ticket code it flags as a whole construct), plus the parsed ones. A legacy URL the parser could
 * not prove or rewrite stays the text scan's, worded as hand work in a language migrate rewrites.
 */
function mergeWithParsed(scanned: readonly DraftFinding[], parsed: ParsedAnalysis, language: string): DraftFinding[] {
  const covers = (outer: DraftFinding, inner: DraftFinding) => outer.start < inner.end && inner.start < outer.end;
  const isTicketCode = (draft: DraftFinding) => draft.ruleId === 'ticket-generation' || draft.ruleId === 'ticket-regeneration';
  // A request the parser rewrote or judged; ticket code it flagged whole, with the settings and
  // unprovable look-alikes inside it. A Zoho request inside ticket code stays the text scan's.
  const isCoveredBy = (own: DraftFinding, draft: DraftFinding) =>
    covers(own, draft) &&
    (own.ruleId === draft.ruleId || (isTicketCode(own) && isTicketCode(draft)) || (isTicketCode(own) && (draft.messageId === 'setting' || draft.messageId === 'unprovable')));
  const isDeadStorage = (draft: DraftFinding) => draft.messageId === 'setting' && (parsed.deadStorage ?? []).some((range) => range.start < draft.end && draft.start < range.end);
  const kept = scanned
    .filter((draft) => draft.ruleId === 'hardcoded-credential' || draft.severity === 'note' || !parsed.drafts.some((own) => isCoveredBy(own, draft)))
    .filter((draft) => !isDeadStorage(draft))
    .map((draft): DraftFinding => {
      if (draft.messageId !== 'handwork' || parsed.parseError) return draft;
      const reason = `migrate could not follow how this ${language} request is built`;
      return { ...draft, messageId: 'unfixable', data: { service: draft.data?.['service'] ?? 'API', params: draft.data?.['params'] ?? 'apikey/ticket', reason } };
    });
  return [...kept, ...parsed.drafts];
}
