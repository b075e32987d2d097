import path from 'node:path';
import { isTsMorphLoaded } from './module-resolution.js';
import { ProjectIndex } from './project-index.js';

export { ProjectIndex, type ProjectIndexStats } from './project-index.js';

/**
 * One index per project root per process (per worker thread, each has its own module scope).
 * Callers hand over the root as a string, never a live index, so this works the same in-band and
 * on a worker.
 */
const indexes = new Map<string, ProjectIndex>();

export function projectIndexFor(root: string): ProjectIndex {
  const key = path.resolve(root);
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new ProjectIndex(key)));
  return index;
}

export interface ProjectIndexUsage {
  /** Module files the indexes of this process (or worker) read and parsed. */
  modulesLoaded: number;
  /** Relative specifiers resolved. */
  resolutions: number;
  /** Was ts-morph (and the TypeScript compiler it bundles) loaded at all? */
  isTsMorphLoaded: boolean;
}

/**
 * What the project index has cost this process so far: on a repository with no candidate file it
 * is zero modules, zero resolutions and ts-morph never loaded.
 */
export function projectIndexUsage(): ProjectIndexUsage {
  let modulesLoaded = 0;
  let resolutions = 0;
  for (const index of indexes.values()) {
    modulesLoaded += index.stats.modulesLoaded;
    resolutions += index.stats.resolutions;
  }
  return { modulesLoaded, resolutions, isTsMorphLoaded: isTsMorphLoaded() };
}
