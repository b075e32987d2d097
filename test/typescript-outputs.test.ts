import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFixturePairs } from './helpers/fixture-pairs.js';

const root = path.resolve(import.meta.dirname, '../fixtures/transforms');
const pairs = listFixturePairs(root).filter((pair) => /\.tsx?$/.test(pair.filePath));

// Fixtures import axios, qs, request...: not installed here, so "cannot find module" is not the rewrite's fault.
const MISSING_MODULE = new Set([2307, 7016]);

const options: ts.CompilerOptions = {
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Each fixture is its own module: two of them declaring `CRM` must not clash.
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  typeRoots: [path.resolve(import.meta.dirname, '../node_modules/@types')],
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  allowJs: false,
};

/** Type errors per file, one program for all of them (a program per file would load lib.d.ts each time). */
function typeErrors(files: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram({ rootNames: [...files], options });
  const errors = new Map<string, string[]>(files.map((file) => [path.resolve(file), []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (!diagnostic.file || MISSING_MODULE.has(diagnostic.code)) continue;
    const list = errors.get(path.resolve(diagnostic.file.fileName));
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    list?.push(`${line + 1}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  }
  return errors;
}

describe('TypeScript fixture outputs', () => {
  const inputs = typeErrors(pairs.map((pair) => pair.input));
  const outputs = typeErrors(pairs.map((pair) => pair.output));

  it('covers the TypeScript fixtures', () => {
    expect(pairs.length).toBeGreaterThan(10);
  });

  describe.each(pairs)('$name', (pair) => {
    it('type-checks after the rewrite when it did before', () => {
      const before = inputs.get(path.resolve(pair.input)) ?? [];
      if (before.length > 0) return;
      expect(outputs.get(path.resolve(pair.output))).toEqual([]);
    });
  });

  it('counts the inputs that type-check: the rule above must not pass vacuously', () => {
    const clean = pairs.filter((pair) => (inputs.get(path.resolve(pair.input)) ?? []).length === 0);
    expect(clean.length).toBeGreaterThan(pairs.length / 2);
  });
});
