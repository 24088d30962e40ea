/**
 * Strikethrough as kramdown's GFM parser reads it: only `~~text~~`. GFM (remark-gfm) also takes
 * single tildes, so a Korean range written `0~249번째, 250~499번째` lost its tildes to a struck
 * passage; kramdown leaves them as typed, and so does this.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function remarkKramdownStrikethrough() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'delete', (node, index, parent: Parent | undefined) => {
      const start = node.position?.start.offset;
      if (!parent || index === undefined || start === undefined || source.startsWith('~~', start)) return;
      const tilde = (): PhrasingContent => ({ type: 'text', value: '~' });
      parent.children.splice(index, 1, tilde(), ...node.children, tilde());
      return [SKIP, index];
    });
  };
}
