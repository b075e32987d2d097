import path from 'node:path';
import { migrateSource } from '../../src/core/migrate-source.js';
import type { RemovalMode } from '../../src/core/removal/candidate.js';
import { projectIndexFor } from '../../src/project/index.js';
import { removeTicketCodeInProject, type FileRemovalResult } from '../../src/core/removal/remove-project.js';

const PROBES = ['', '.js', '.cjs', '.mjs', '.ts', '/index.js', '/index.ts'];

/** Relative specifiers resolved among the given names, the way Node probes extensions. */
export function resolverAmong(names: readonly string[]): (from: string, specifier: string) => string | undefined {
  const known = new Set(names);
  return (from, specifier) => {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return PROBES.map((probe) => base + probe).find((name) => known.has(name));
  };
}

/** migrate then --remove-ticket-code over files held in memory, as the runner does on disk. */
export function migrateAndRemove(files: Record<string, string>, mode: RemovalMode = 'on', entries: readonly string[] = [], root?: string): Map<string, FileRemovalResult & { migrated: string }> {
  // Cross-module constants are read from the disk, as the runner does, when the files live there.
  const resolver = () => (root !== undefined ? { moduleResolver: projectIndexFor(root).resolverFor() } : {});
  const migrated = Object.entries(files).map(([name, text]) => {
    const result = migrateSource(text, { filePath: name, ...resolver() });
    return { name, text: result.output, removedCredentials: result.removedCredentials };
  });
  const removal = removeTicketCodeInProject(migrated, { ...resolver(), mode, resolve: resolverAmong(Object.keys(files)), isPublicModule: (name) => entries.includes(name) });
  const out = new Map<string, FileRemovalResult & { migrated: string }>();
  for (const file of migrated) out.set(file.name, { ...removal.get(file.name)!, migrated: file.text });
  return out;
}
