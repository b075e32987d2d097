import type { Node } from '@babel/types';
import { visitorKeys } from './visitor-keys.js';

export interface NodeInfo {
  parent: Node | null;
  /** The property of the parent that holds this node (`left`, `arguments`, ...). */
  key: string | null;
}

/**
 * One pass over the tree that records every node's parent, and lists nodes by type, so detectors
 * look up what they need instead of each walking the whole file again.
 */
export class NodeIndex {
  private readonly info = new Map<Node, NodeInfo>();
  private readonly byType = new Map<string, Node[]>();

  constructor(root: Node) {
    const keysByType = visitorKeys();
    const stack: Array<[Node, Node | null, string | null]> = [[root, null, null]];
    while (stack.length > 0) {
      const [node, parent, key] = stack.pop()!;
      this.info.set(node, { parent, key });
      let list = this.byType.get(node.type);
      if (!list) this.byType.set(node.type, (list = []));
      list.push(node);
      const keys = keysByType[node.type] ?? [];
      for (let k = keys.length - 1; k >= 0; k--) {
        const childKey = keys[k]!;
        const child = (node as unknown as Record<string, unknown>)[childKey];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            const item = child[i] as Node | null;
            if (item && typeof item.type === 'string') stack.push([item, node, childKey]);
          }
        } else if (child && typeof (child as Node).type === 'string') {
          stack.push([child as Node, node, childKey]);
        }
      }
    }
    // Popping a stack visits children in reverse; keep each list in source order.
    for (const list of this.byType.values()) list.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  }

  parentOf(node: Node): Node | null {
    return this.info.get(node)?.parent ?? null;
  }

  keyOf(node: Node): string | null {
    return this.info.get(node)?.key ?? null;
  }

  ofType<T extends Node['type']>(type: T): Array<Extract<Node, { type: T }>> {
    return (this.byType.get(type) ?? []) as Array<Extract<Node, { type: T }>>;
  }

  /** Ancestors from the parent outwards. */
  *ancestors(node: Node): Generator<Node> {
    for (let current = this.parentOf(node); current; current = this.parentOf(current)) yield current;
  }

  /** The closest ancestor that is a function (or the program). */
  enclosingFunction(node: Node): Node | null {
    for (const ancestor of this.ancestors(node)) {
      if (
        ancestor.type === 'FunctionDeclaration' ||
        ancestor.type === 'FunctionExpression' ||
        ancestor.type === 'ArrowFunctionExpression' ||
        ancestor.type === 'ObjectMethod' ||
        ancestor.type === 'ClassMethod' ||
        ancestor.type === 'ClassPrivateMethod' ||
        ancestor.type === 'Program'
      ) {
        return ancestor;
      }
    }
    return null;
  }
}
