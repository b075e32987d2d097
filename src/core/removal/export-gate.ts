import type { RemovalContext } from './candidate.js';
import { ALL_EXPORTS } from './module-links.js';

/**
 * May an export go? Only when no module of the scanned tree reads it, and the module is one the
 * tree imports (an app's own module); a module nothing in the tree imports may be a library's
 * entry with users elsewhere, so its exports go only with `--remove-ticket-code=exports`.
 */
export function exportGate(context: RemovalContext, name: string): string | undefined {
  const { facts } = context;
  if (facts.exportReads.has(ALL_EXPORTS)) return 'a module of the scanned tree uses this module in a way that cannot be seen through';
  if (facts.exportReads.has(name)) return `${name} is exported, and a module of the scanned tree imports it`;
  if (!facts.isInternalModule && facts.mode !== 'exports') {
    return `${name} is exported, and code outside the scanned tree may import it (--remove-ticket-code=exports removes it)`;
  }
  return undefined;
}
