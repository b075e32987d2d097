import { lazyModule } from './lazy-module.js';

const babelParser = lazyModule<typeof import('@babel/parser')>('@babel/parser');
import type { RuleId, Severity } from './findings.js';
import { ZOHO_SERVICES, type ZohoService } from './zoho/services.js';

export const DEFAULT_TOKEN_EXPR = 'process.env.ZOHO_CRM_AUTHTOKEN';
export const DEFAULT_SCOPE = 'crmapi';

export interface CoreOptions {
  /** Expression inserted as the authtoken value. */
  tokenExpr?: string;
  /** Scope for CRM requests. */
  scope?: string;
  /**
   * The authtoken expression per parsed language (configuration `tokenExprs`); defaults
   * `getenv('ZOHO_CRM_AUTHTOKEN')`, `os.environ['ZOHO_CRM_AUTHTOKEN']`, `ENV['ZOHO_CRM_AUTHTOKEN']`.
   * `tokenExpr` is JavaScript and is never spliced into these languages.
   */
  tokenExprs?: Partial<Record<'php' | 'python' | 'ruby', string>>;
  /**
   * The whole service table (default ZOHO_SERVICES). Build one from user data with `parseConfig`
   * (its `services`): the configuration schema validates the entries and merges them over the built-ins.
   */
  services?: readonly ZohoService[];
  /**
   * Severity per rule (the config file's `"rules"`): replaces the rule's default level where drafts
   * become findings, so every output and the exit code follow it; `off` drops the rule's findings
   * (and its fixes). A finding a detector reports at a fixed lower level (a companion note) keeps it.
   */
  rules?: RuleSettings;
  /**
   * `migrate --annotate`: the text of the marker comment put above flagged ticket code, after the
   * fixed `zoho-authtoken: remove:` prefix that lets a re-run recognise it. Default: a sentence per rule.
   */
  annotateComment?: string;
}

export const RULE_SETTINGS = ['error', 'warning', 'note', 'off'] as const;
export type RuleSetting = Severity | 'off';
export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

/** CoreOptions with every default filled in: resolved once where a caller enters the core, then passed down. */
export interface ResolvedOptions {
  tokenExpr: string;
  /** Scope for CRM requests (`--scope`); other services use their own from the table. */
  scope: string;
  services: readonly ZohoService[];
  /** Severity per rule (CoreOptions.rules); a rule not named keeps its default. */
  rules: RuleSettings;
  /** `migrate --annotate` marker text (CoreOptions.annotateComment). */
  annotateComment?: string;
  /** The authtoken expression per parsed language (CoreOptions.tokenExprs). */
  tokenExprs?: Partial<Record<'php' | 'python' | 'ruby', string>>;
}

export function resolveOptions(options: CoreOptions = {}): ResolvedOptions {
  return {
    tokenExpr: options.tokenExpr ?? DEFAULT_TOKEN_EXPR,
    scope: options.scope ?? DEFAULT_SCOPE,
    services: options.services ?? ZOHO_SERVICES,
    rules: options.rules ?? {},
    ...(options.annotateComment !== undefined ? { annotateComment: options.annotateComment } : {}),
    ...(options.tokenExprs !== undefined ? { tokenExprs: options.tokenExprs } : {}),
  };
}

/** The token expression is spliced into code: it must be one expression and nothing else. */
export function tokenExprProblem(tokenExpr: string): string | undefined {
  if (tokenExpr.trim() === '') return 'the token expression is empty';
  try {
    babelParser().parseExpression(tokenExpr, { plugins: ['typescript'] });
    return undefined;
  } catch (error) {
    return `the token expression is not a valid JavaScript expression: ${(error as Error).message}`;
  }
}

export function scopeProblem(scope: string): string | undefined {
  return /^[A-Za-z0-9_.,/-]+$/.test(scope) ? undefined : `the scope "${scope}" must be letters, digits, '_', '.', ',', '/' or '-'`;
}
