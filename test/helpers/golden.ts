import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './projects.js';

export const GOLDEN_DIR = path.join(REPO_ROOT, 'fixtures/reports');

/** `UPDATE_GOLDEN=1 npx vitest run <file>` rewrites the golden files instead of comparing. */
const isUpdate = process.env.UPDATE_GOLDEN === '1';

/** Compares text with fixtures/reports/<name> byte for byte. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (isUpdate) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${name} exists (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
