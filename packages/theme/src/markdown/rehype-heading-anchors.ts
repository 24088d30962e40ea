/**
 * Heading ids by kramdown's GFM rule (heading-ids.ts), handed out in document order, with a `#`
 * link after the text of h2–h5 as in Chirpy. A heading that has an id (from its IAL) keeps it,
 * and still counts for the numbering of repeats. Headings marked `data-toc-skip` are noted for
 * the table of contents.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { ANCHOR_TEXT, CLASS } from './class-names.ts';
import { renderInfo } from './frontmatter.ts';
import { isHeading, visitPostElements } from './hast.ts';
import { HeadingIdRegistry } from './heading-ids.ts';
import { headingText } from './readable-text.ts';

const ANCHORED = /^h[2-5]$/;

export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const info = renderInfo(file);
    const ids = new HeadingIdRegistry();
    visitPostElements(tree, (heading) => {
      if (!isHeading(heading)) return undefined;
      const text = headingText(heading);
      if (typeof heading.properties.id !== 'string' || heading.properties.id === '') {
        heading.properties.id = ids.next(text);
      } else {
        ids.next(text);
      }
      if (heading.properties['data-toc-skip'] !== undefined || heading.properties.dataTocSkip !== undefined) {
        info.tocSkip.push(String(heading.properties.id));
      }
      if (ANCHORED.test(heading.tagName)) {
        heading.children.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${heading.properties.id}`, className: [CLASS.anchor], ariaLabel: `${text} (link)` },
          children: [{ type: 'text', value: ANCHOR_TEXT }],
        });
      }
      return undefined;
    });
  };
}
