/**
 * Tables as Chirpy shows them: cell alignment as a style (GFM writes the obsolete `align`
 * attribute), and each table in a focusable wrapper that scrolls sideways, so a keyboard can
 * scroll a table wider than the page.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { CLASS } from './class-names.ts';
import { renderInfo } from '../frontmatter.ts';
import { visitPostElements } from './hast.ts';

export function rehypeTables() {
  return (tree: Root, file: VFile) => {
    visitPostElements(tree, (node, index, parent) => {
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties.align === 'string') {
        node.properties.style = `text-align: ${node.properties.align}`;
        delete node.properties.align;
      }
      if (node.tagName === 'table') {
        renderInfo(file).tables = true;
        // The walk goes on inside the table, now in its wrapper (a table in a table is wrapped too).
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: [CLASS.tableWrapper], tabIndex: 0 },
          children: [node],
        } satisfies Element;
      }
      return undefined;
    });
  };
}
