/**
 * Math only where the post asks for it. the math parser reads `$…$` in every file; on posts
 * without `math: true` this puts the exact source text back, so `$5 and $10` stays text.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { frontmatterOf, isOn } from '../../frontmatter.ts';

export function remarkMathGate() {
  return (tree: Root, file: VFile) => {
    if (isOn(frontmatterOf(file).math)) return;
    const source = String(file.value);
    const sourceOf = (node: RootContent): string => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return 'value' in node ? String(node.value) : '';
      return source.slice(start, end);
    };
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'inlineMath') parent.children[index] = { type: 'text', value: sourceOf(node) };
      if (node.type === 'math') {
        parent.children[index] = { type: 'paragraph', children: [{ type: 'text', value: sourceOf(node) }] };
      }
    });
  };
}
