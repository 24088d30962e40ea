/** Walking an mdast tree in tests that read the parser's output. */

/** An mdast node, as far as the tests read it. */
export interface MdastNode {
  type: string;
  children?: MdastNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } };
}

/** Every node of `tree` (an mdast tree), depth first. */
export function* nodesOf(tree: unknown): Generator<MdastNode> {
  const node = tree as MdastNode;
  yield node;
  for (const child of node.children ?? []) yield* nodesOf(child);
}
