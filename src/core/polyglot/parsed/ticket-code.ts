import type { ParsedContext } from './parsed-context.js';
export function reportTicketCode(_context: ParsedContext): void {}
