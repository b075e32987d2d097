import type { AnalysisContext } from '../context.js';
import { detectTicketLifecycle } from '../lifecycle/index.js';
import { REQUEST_SHAPES, STRING_SHAPES } from '../shapes/index.js';
import { detectObjectRequests } from './object-requests.js';
import { detectStringRequests } from './string-requests.js';

/**
 * Every detector of a parsed file. Each reports through the context and never edits. The string
 * pass takes what the object pass claimed, so the order is in the data flow, not in a comment.
 */
export function runDetectors(context: AnalysisContext): void {
  const claims = detectObjectRequests(context, REQUEST_SHAPES);
  detectStringRequests(context, STRING_SHAPES, claims);
  detectTicketLifecycle(context);
}
