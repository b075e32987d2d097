import type { AnalysisContext } from '../context.js';
import { detectTicketLifecycle } from '../lifecycle/index.js';
import { detectStringRequests } from './string-requests.js';

export interface Detector {
  id: string;
  run(context: AnalysisContext): void;
}

/** Every detector, in the order they run. Each reports through the context and never edits. */
export const DETECTORS: readonly Detector[] = [
  { id: 'string-requests', run: detectStringRequests },
  { id: 'ticket-lifecycle', run: detectTicketLifecycle },
];
