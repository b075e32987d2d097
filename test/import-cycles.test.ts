import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No import cycle among src/ modules, type-only imports included (issue 19): a cycle is where
 * modules start sharing state and where a module's owner stops being clear. Every specifier
 * counts: `import`, `import type`, `export ... from`, `import()` and `typeof import()`.
 */
const SRC = path.resolve(import.meta.dirname, '../src');


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base.replace(/\.(c|m)?js$/, '.$1ts'), base, `${base}.ts`, path.join(base, 'index.ts')];
  return candidates.find((candidate) => files.has(candidate));
}

function importGraph(): Map<string, string[]> {
  const files = new Set(sourceFiles(SRC));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((imported) => resolveImport(file, imported.fileName, files)).filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The cycles a depth-first walk meets, one per back edge (none exactly when the graph has none), each from its smallest module name, relative to src/. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = stack.slice(stack.indexOf(target)).map((member) => path.relative(SRC, member).split(path.sep).join('/'));
        const first = cycle.indexOf([...cycle].sort()[0]!);
        cycles.add([...cycle.slice(first), ...cycle.slice(0, first)].join(' > '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

describe('import graph of src/', () => {
  it('has no cycle, type-only imports included', () => {
    expect(cyclesOf(importGraph())).toEqual([]);
  });

  it('keeps reporters off the runner, and configuration off it but for the options it fills', () => {
    const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
    const runnerImports = [...importGraph()]
      .filter(([file]) => /^(reporters|config)\//.test(relative(file)))
      .flatMap(([file, targets]) => targets.filter((target) => relative(target).startsWith('runner/')).map((target) => `${relative(file)} > ${relative(target)}`));
    expect(runnerImports).toEqual(['config/apply-config.ts > runner/run.ts']);
  });

  it('keeps reporters pure: no module of src/reporters reads the disk or starts a process (CONTRIBUTING.md)', () => {
    const impure = sourceFiles(path.join(SRC, 'reporters')).flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((imported) => imported.fileName)
        .filter((name) => /^(node:)?(fs|fs\/promises|child_process|worker_threads)$/.test(name))
        .map((name) => `${path.relative(SRC, file)} > ${name}`),
    );
    expect(impure).toEqual([]);
  });

  it('sees a cycle made of type-only imports', () => {
    const graph = new Map([
      [path.join(SRC, 'a.ts'), [path.join(SRC, 'b.ts')]],
      [path.join(SRC, 'b.ts'), [path.join(SRC, 'a.ts')]],
    ]);
    expect(cyclesOf(graph)).toEqual(['a.ts > b.ts']);
    const { importedFiles } = ts.preProcessFile("import type { A } from './a.js';\nexport type { B } from './b.js';\nconst c = await import('./c.js');\n", true, true);
    expect(importedFiles.map((imported) => imported.fileName)).toEqual(['./a.js', './b.js', './c.js']);
  });
});
