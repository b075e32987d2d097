/** The files discovery found, each reported once however often it is met. */
export interface FoundFiles {
  /** A file met anywhere: reported unless found before. */
  add(absolute: string, object?: string | null): void;
  /**
   * A file met in the walk or git listing of one folder, where each file is met once (not
   * through a symbolic link: see `expectRepeats`): found before only if an earlier path was.
   */
  addInFolder(absolute: string, object?: string | null): void;
  /** From now on a file may be met again (another path, links, a walk after git failed): each is checked. */
  expectRepeats(): void;
  /** Every file found, sorted. */
  sorted(): string[];
}

/**
 * Checking every file against the set of names found means hashing each path (46,000 in a big
 * tree, a cached run's largest cost after git and the stat calls); the set is built only once a
 * file may be met twice, from the list so far.
 */
export function foundFiles(onFile: ((absolute: string, object?: string | null) => void) | undefined): FoundFiles {
  const listed: string[] = [];
  let seen: Set<string> | undefined;
  const report = (absolute: string, object?: string | null) => {
    listed.push(absolute);
    onFile?.(absolute, object);
  };
  const found: FoundFiles = {
    add(absolute, object) {
      seen ??= new Set(listed);
      if (seen.has(absolute)) return;
      seen.add(absolute);
      report(absolute, object);
    },
    addInFolder(absolute, object) {
      if (seen) found.add(absolute, object);
      else report(absolute, object);
    },
    expectRepeats() {
      seen ??= new Set(listed);
    },
    sorted: () => [...listed].sort(),
  };
  return found;
}
