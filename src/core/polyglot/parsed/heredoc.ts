import { descendants, root } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';

/**
 * Ruby's heredoc is two nodes: `<<~URL` where the string is used, and its body on the lines after
 * that one. Bodies come in the order their beginnings do, so the n-th beginning of the file owns
 * the n-th body. The body's parts are the string's: text (`heredoc_content`) and `#{...}`.
 */
const bodies = new WeakMap<SyntaxNode, Map<SyntaxNode, SyntaxNode>>();

export function heredocBody(beginning: SyntaxNode): SyntaxNode | undefined {
  const top = root(beginning);
  let owners = bodies.get(top);
  if (!owners) {
    owners = new Map();
    const all = [...descendants(top)];
    const starts = all.filter((node) => node.type === 'heredoc_beginning');
    const ends = all.filter((node) => node.type === 'heredoc_body');
    if (starts.length === ends.length) starts.forEach((start, i) => owners!.set(start, ends[i]!));
    bodies.set(top, owners);
  }
  return owners.get(beginning);
}

/** The parts of a heredoc's body, without its closing identifier. */
export function heredocParts(beginning: SyntaxNode): SyntaxNode[] | undefined {
  return heredocBody(beginning)?.children.filter((child) => child.type !== 'heredoc_end');
}

/** `<<~'URL'` (and backquotes) does not interpolate: a token cannot be written into it. */
export function isInterpolatingHeredoc(beginning: SyntaxNode, text: string): boolean {
  return !/^<<[~-]?['`]/.test(text.slice(beginning.start, beginning.end));
}
