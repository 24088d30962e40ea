/**
 * Footnote back-links where kramdown puts them: in the note's last paragraph, or, when the note
 * ends with something else (a list, a formula, code), in a paragraph of their own. GFM's HTML
 * leaves them bare in the list item in that case. The arrow is Chirpy's (back-content.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import { eachElement } from '../../html/hast.ts';
import type { VFile } from 'vfile';

/**
 * Text without which a post has no footnote HTML: a GFM footnote needs `[^`, and raw HTML spells
 * the attributes out. A post without any is not walked (most posts have no footnotes).
 */
export const MAY_HAVE_FOOTNOTES = /\[\^|user-content-fn|data-footnote/i;

const isBackref = (node: ElementContent): node is Element =>
  node.type === 'element' && node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined;

export function rehypeFootnoteBackrefs() {
  return (tree: Root, file?: VFile) => {
    if (file && !MAY_HAVE_FOOTNOTES.test(String(file.value))) return;
    eachElement(tree, (item: Element) => {
      if (item.tagName !== 'li' || !item.children.some(isBackref)) return;
      const first = item.children.findIndex(isBackref);
      // The back-links and the spaces between them, up to the end of the item.
      let start = first;
      while (
        start > 0 &&
        item.children[start - 1]!.type === 'text' &&
        !/\S/.test((item.children[start - 1] as { value: string }).value)
      )
        start--;
      const links = item.children.slice(start).filter((node) => node.type !== 'text' || /\S/.test(node.value));
      if (!links.every(isBackref)) return;
      const paragraph: Element = {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: item.children.slice(first),
      };
      item.children = [
        ...item.children.slice(0, start),
        { type: 'text', value: '\n' },
        paragraph,
        { type: 'text', value: '\n' },
      ];
    });
  };
}
