import { readFileSync, statSync } from 'node:fs';
import { NodeIndex } from '../core/ast/traverse.js';
import { parseSource } from '../core/parse.js';
import { Bindings } from '../core/scope/bindings.js';
import type { StaticValue } from '../core/scope/evaluate.js';
import { readExportTable, type ExportTable } from './module-exports.js';

export type LoadedModule =
  | { kind: 'script'; bindings: Bindings; exports: ExportTable }
  | { kind: 'json'; value: StaticValue }
  /** Missing, too large, binary, not UTF-8, or not parseable: it lends no values. */
  | { kind: 'unreadable' };

const UNREADABLE: LoadedModule = { kind: 'unreadable' };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Changes whenever the file does; an atomic rewrite (a new inode) counts even within one tick. */
export function moduleStamp(file: string): string {
  try {
    const info = statSync(file);
    return `${info.mtimeMs}:${info.size}:${info.ino}`;
  } catch {
    return 'missing';
  }
}

/** Reads and parses one module with the core's parser, the way the analysed files are parsed. */
export function loadModule(file: string, maxBytes: number): LoadedModule {
  let text: string;
  try {
    if (statSync(file).size > maxBytes) return UNREADABLE;
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return UNREADABLE;
    text = utf8.decode(bytes);
  } catch {
    return UNREADABLE;
  }
  if (/\.json$/i.test(file)) {
    try {
      return { kind: 'json', value: JSON.parse(text) as StaticValue };
    } catch {
      return UNREADABLE;
    }
  }
  const parsed = parseSource(text, file);
  if (!parsed.ok) return UNREADABLE;
  const index = new NodeIndex(parsed.ast);
  const bindings = new Bindings(index);
  return { kind: 'script', bindings, exports: readExportTable(parsed.ast, index, bindings) };
}
