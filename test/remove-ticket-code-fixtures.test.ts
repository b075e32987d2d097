import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { migrateSource } from '../src/core/migrate-source.js';
import { parseSource } from '../src/core/parse.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { migrateAndRemove } from './helpers/remove-project.js';
import { expectStatedFindings } from './helpers/stated-findings.js';

const root = path.resolve(import.meta.dirname, '../fixtures/remove-ticket-code');
const pairs = listFixturePairs(root);

/** A case named `*-exports` runs with `--remove-ticket-code=exports`. */
function modeOf(name: string): 'on' | 'exports' {
  return /-exports\.[a-z]+$/.test(name) ? 'exports' : 'on';
}

/** `line:column` (1-based) of an offset, as findings are stated. */
function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/**
 * What the removal did, stated after the input's findings: each piece removed (where it was in
 * migrate's output) and each piece of ticket code kept, with the reason (where it is in the result).
 */
function removalOutcome(filePath: string, input: string, mode: 'on' | 'exports'): string[] {
  const result = migrateAndRemove({ [filePath]: input }, mode).get(filePath)!;
  // Each piece of code is listed once, even when two detectors found it (a declaration and its declarator).
  const starts = result.removed.map((code) => code.start);
  expect(new Set(starts).size, 'no piece listed twice').toBe(starts.length);
  return [
    ...result.removed.map((code) => `removed ${positionOf(result.migrated, code.start)} ${code.what}`),
    ...result.kept.map((code) => `kept ${positionOf(result.text, code.range.start)} ${code.what}: ${code.reason}`),
  ];
}

function migrateOne(filePath: string, text: string, mode: 'on' | 'exports'): string {
  return migrateAndRemove({ [filePath]: text }, mode).get(filePath)!.text;
}

describe('--remove-ticket-code fixture pairs', () => {
  it('has a removal and a kept twin in every shape', () => {
    const shapes = new Map<string, { removes: number; keeps: number }>();
    for (const pair of pairs) {
      const shape = pair.name.split('/')[0]!;
      const counts = shapes.get(shape) ?? { removes: 0, keeps: 0 };
      const result = migrateAndRemove({ [pair.filePath]: readFileSync(pair.input, 'utf8') }, modeOf(pair.name)).get(pair.filePath)!;
      counts[result.removed.length > 0 ? 'removes' : 'keeps']++;
      shapes.set(shape, counts);
    }
    expect(shapes.size).toBeGreaterThanOrEqual(5);
    for (const [shape, counts] of shapes) {
      if (shape !== 'unparsable') expect(counts.removes, `${shape} removes something`).toBeGreaterThan(0);
      expect(counts.keeps, `${shape} has a twin that keeps its ticket code`).toBeGreaterThan(0);
    }
  });

  describe.each(pairs)('$name', (pair) => {
    const input = readFileSync(pair.input, 'utf8');
    const mode = modeOf(pair.name);

    it('migrates and removes to the expected bytes', () => {
      expect(existsSync(pair.output)).toBe(true);
      expect(migrateOne(pair.filePath, input, mode)).toBe(readFileSync(pair.output, 'utf8'));
    });

    it('reports the findings, removes and keeps what its .findings.json states', () => {
      expectStatedFindings(pair, input, removalOutcome(pair.filePath, input, mode));
    });

    it('is a fixed point: a second run changes nothing', () => {
      const once = migrateOne(pair.filePath, input, mode);
      expect(migrateOne(pair.filePath, once, mode)).toBe(once);
    });

    it('a twin that keeps its ticket code is exactly what migrate alone writes', () => {
      const result = migrateAndRemove({ [pair.filePath]: input }, mode).get(pair.filePath)!;
      if (result.removed.length > 0) return;
      expect(result.text).toBe(migrateSource(input, { filePath: pair.filePath }).output);
    });

    it('still parses when the input did', () => {
      if (!parseSource(input, pair.filePath).ok) return;
      expect(parseSource(readFileSync(pair.output, 'utf8'), pair.filePath).ok).toBe(true);
    });

    it('keeps a byte-order mark', () => {
      expect(migrateOne(pair.filePath, `\uFEFF${input}`, mode)).toBe(`\uFEFF${readFileSync(pair.output, 'utf8')}`);
    });

    it('keeps CRLF line endings', () => {
      const crlf = input.replace(/\n/g, '\r\n');
      const out = migrateOne(pair.filePath, crlf, mode);
      expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
      expect(out).toBe(readFileSync(pair.output, 'utf8').replace(/\n/g, '\r\n'));
    });
  });
});

/** TypeScript errors of one file, on its own; a missing package (axios is not installed here) is not the removal's fault. */
function typeErrorsOf(file: string): string[] {
  const program = ts.createProgram({
    rootNames: [file],
    options: { noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], skipLibCheck: true },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && diagnostic.code !== 2307 && diagnostic.code !== 7016)
    .map((diagnostic) => `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

describe('--remove-ticket-code on TypeScript', () => {
  const typed = pairs.filter((pair) => pair.filePath.endsWith('.ts'));

  it('has TypeScript pairs', () => {
    expect(typed.length).toBeGreaterThan(0);
  });

  it.each(typed)('$name type-checks after the removal, as its input did', (pair) => {
    expect(typeErrorsOf(pair.input)).toEqual([]);
    expect(typeErrorsOf(pair.output)).toEqual([]);
  });
});
