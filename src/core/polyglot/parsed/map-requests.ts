import type { ParsedContext } from './parsed-context.js';
export function rewriteMapRequests(_context: ParsedContext): void {}
