import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { REQUEST_SHAPES, STRING_SHAPES } from '../src/core/shapes/index.js';
import { listFixturePairs } from './helpers/fixture-pairs.js';
import { REPO_ROOT } from './helpers/projects.js';

const root = path.join(REPO_ROOT, 'fixtures/transforms');

/** Folders that test a concern across shapes rather than one shape: the only ones no shape names. */
const CROSS_SHAPE_FOLDERS: Record<string, string> = {
  'base-constant': 'base URLs held in constants, enums and class fields, whatever builds the request',
  embedded: 'scripts inside HTML, Vue and Svelte files',
  formatting: 'line endings, BOM, JSX and layout kept byte for byte',
  'named-object': 'a parameters object serialized by a hand-written helper',
  services: 'the services other than CRM: scopes, path-style parameters, Invoice\'s kept apikey',
  suppression: 'ignore-next-line and ignore-file comments',
  'trailing-parts': 'what follows a credential in a URL, kept or reported',
};

const folders = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const pairs = listFixturePairs(root);

describe('every shape has a fixture folder, every folder a shape', () => {
  const shapes = [...REQUEST_SHAPES.map((shape) => ({ kind: 'request', id: shape.id })), ...STRING_SHAPES.map((shape) => ({ kind: 'string', id: shape.id }))];

  it('shape ids are unique across both registries', () => {
    const ids = shapes.map((shape) => shape.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(shapes)('$kind shape $id has fixtures/transforms/$id/ with input/output pairs', ({ id }) => {
    expect(folders, `fixtures/transforms/${id}/ exists`).toContain(id);
    // fixtures.test.ts requires a positive and a negative case of every folder and a .findings.json of every pair.
    expect(pairs.filter((pair) => pair.name.startsWith(`${id}/`)).length, `fixtures/transforms/${id}/ has pairs`).toBeGreaterThan(0);
  });

  it('every folder is a shape of REQUEST_SHAPES or STRING_SHAPES, or a cross-shape topic listed here', () => {
    const known = new Set([...shapes.map((shape) => shape.id), ...Object.keys(CROSS_SHAPE_FOLDERS)]);
    expect(folders.filter((folder) => !known.has(folder)), 'folders no shape names').toEqual([]);
    expect(Object.keys(CROSS_SHAPE_FOLDERS).filter((folder) => !folders.includes(folder)), 'cross-shape topics without a folder').toEqual([]);
  });
});

/** What migrate makes of every pair of one folder: output and findings, to compare with a shape taken out. */
async function folderResults(folder: string, withoutShape?: string): Promise<string[]> {
  vi.resetModules();
  if (withoutShape) {
    vi.doMock('../src/core/shapes/index.js', async (importOriginal) => {
      const registries = await importOriginal<typeof import('../src/core/shapes/index.js')>();
      return {
        REQUEST_SHAPES: registries.REQUEST_SHAPES.filter((shape) => shape.id !== withoutShape),
        STRING_SHAPES: registries.STRING_SHAPES.filter((shape) => shape.id !== withoutShape),
      };
    });
  }
  const { migrateSource } = await import('../src/core/migrate-source.js');
  vi.doUnmock('../src/core/shapes/index.js');
  return pairs
    .filter((pair) => pair.name.startsWith(`${folder}/`))
    .map((pair) => {
      const result = migrateSource(readFileSync(pair.input, 'utf8'), { filePath: pair.filePath });
      return JSON.stringify([result.output, result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)]);
    });
}

describe('each shape folder exercises its shape', () => {
  const ids = [...REQUEST_SHAPES, ...STRING_SHAPES].map((shape) => shape.id);

  // A folder whose pairs migrate the same without its shape tests something else under that name.
  it.each(ids)('taking %s out of its registry changes what its folder migrates or reports', async (id) => {
    const withShape = await folderResults(id);
    const withoutShape = await folderResults(id, id);
    expect(withoutShape).not.toEqual(withShape);
  });
});
