import { parseExpression } from '@babel/parser';
import type { ResolvedOptions } from './context.js';
import { ZOHO_SERVICES, type ZohoService } from './zoho/services.js';

export const DEFAULT_TOKEN_EXPR = 'process.env.ZOHO_CRM_AUTHTOKEN';
export const DEFAULT_SCOPE = 'crmapi';

export interface CoreOptions {
  /** Expression inserted as the authtoken value. */
  tokenExpr?: string;
  /** Scope for CRM requests. */
  scope?: string;
  /**
   * The whole service table (default ZOHO_SERVICES). Build one from user data with
   * `parseServiceTable` (src/core/zoho/service-table.ts), which validates and merges it.
   */
  services?: readonly ZohoService[];
}

export function resolveOptions(options: CoreOptions = {}): ResolvedOptions {
  return {
    tokenExpr: options.tokenExpr ?? DEFAULT_TOKEN_EXPR,
    scope: options.scope ?? DEFAULT_SCOPE,
    services: options.services ?? ZOHO_SERVICES,
  };
}

/** The token expression is spliced into code: it must be one expression and nothing else. */
export function tokenExprProblem(tokenExpr: string): string | undefined {
  if (tokenExpr.trim() === '') return 'the token expression is empty';
  try {
    parseExpression(tokenExpr, { plugins: ['typescript'] });
    return undefined;
  } catch (error) {
    return `the token expression is not a valid JavaScript expression: ${(error as Error).message}`;
  }
}

export function scopeProblem(scope: string): string | undefined {
  return /^[A-Za-z0-9_.,/-]+$/.test(scope) ? undefined : `the scope "${scope}" must be letters, digits, '_', '.', ',', '/' or '-'`;
}
