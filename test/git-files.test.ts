import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/runner/content-hash.js';
import { streamGitFiles, type GitListEntry } from '../src/runner/git-files.js';
import { makeGitTree } from './helpers/trees.js';

describe("git's file list, with what git knows of each file", () => {
  it('gives the blob id of an unmodified tracked file (our content hash), null for a modified one, none for an assume-unchanged, untracked or deleted one', async () => {
    const dir = makeGitTree({ 'clean.js': 'export const a = 1;\n', 'changed.js': 'export const b = 1;\n', 'gone.js': 'x\n', 'assumed.js': 'y\n' });
    writeFileSync(path.join(dir, 'changed.js'), 'export const b = 2;\n');
    rmSync(path.join(dir, 'gone.js'));
    execFileSync('git', ['update-index', '--assume-unchanged', 'assumed.js'], { cwd: dir });
    writeFileSync(path.join(dir, 'assumed.js'), 'z\n');
    writeFileSync(path.join(dir, 'new.js'), 'n\n');
    const entries: GitListEntry[] = [];
    await streamGitFiles(dir, (entry) => void entries.push(entry));
    const byName = new Map(entries.map((entry) => [entry.relative, entry]));
    expect([...byName.keys()].sort()).toEqual(['assumed.js', 'changed.js', 'clean.js', 'new.js']);
    expect(entries).toHaveLength(4);
    expect(byName.get('clean.js')!.object).toBe(contentHash(readFileSync(path.join(dir, 'clean.js'))));
    expect(byName.get('changed.js')!.object).toBeNull();
    expect(byName.get('assumed.js')!.object).toBeUndefined();
    expect(byName.get('new.js')).toEqual({ relative: 'new.js' });
  });
});
