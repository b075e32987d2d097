import { descendants, root } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';

/** Nodes that stand for a heredoc or nowdoc string (Ruby's beginning, PHP's whole construct). */
export const HEREDOC_TYPES: ReadonlySet<string> = new Set(['heredoc_beginning', 'heredoc', 'nowdoc']);

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

/** The node that holds a heredoc's parts: Ruby's body, PHP's `heredoc_body`/`nowdoc_body`. */
export function heredocHolder(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'heredoc_beginning') return heredocBody(node);
  return node.children.find((child) => child.type === 'heredoc_body' || child.type === 'nowdoc_body');
}

/** The parts of a heredoc's body, without its closing identifier. */
export function heredocParts(node: SyntaxNode): SyntaxNode[] | undefined {
  return heredocHolder(node)?.children.filter((child) => child.type !== 'heredoc_end');
}

/** `<<~'URL'` (and backquotes) and PHP's nowdoc do not interpolate: a token cannot be written into them. */
export function isInterpolatingHeredoc(node: SyntaxNode, text: string): boolean {
  if (node.type === 'nowdoc') return false;
  return node.type === 'heredoc' || !/^<<[~-]?['`]/.test(text.slice(node.start, node.end));
}
