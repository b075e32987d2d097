import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
