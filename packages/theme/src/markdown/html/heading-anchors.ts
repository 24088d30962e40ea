/**
 * Heading ids by kramdown's GFM rule (markdown/kramdown/headings/heading-ids.ts), handed out in document order from the text
 * kramdown makes them from (its `raw_text`, noted by markdown/kramdown/headings/index.ts), with a `#` link
 * after the text of h2–h5 as in Chirpy. A heading that has an id (`{#id}`, or from its IAL) keeps
 * it and counts for nothing in the numbering of repeats, as in kramdown. Headings marked
 * `data-toc-skip` are noted for the table of contents, and so is the text each heading shows
 * there (readable-text.ts: formulas as text, no footnote marks). Then kramdown's inline table of
 * contents, if the post has one (markdown/kramdown/headings/toc.ts), is written.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { ANCHOR_TEXT, CLASS, FOOTNOTES_LABEL_ID } from './class-names.ts';
import { renderInfo } from '../frontmatter.ts';
import { classesOf, isHeading, visitPostElements } from './hast.ts';
import { headingRawTexts, HeadingIdRegistry } from '../kramdown/headings/heading-ids.ts';
import { fillKramdownToc, inKramdownToc, type TocHeading } from '../kramdown/headings/toc.ts';
import { headingText, readableText } from '../readable-text.ts';

declare module '../frontmatter.ts' {
  interface ChirpyRenderInfo {
    /** The text of each heading (by id) as the table of contents shows it. */
    tocTexts?: Record<string, string>;
  }
}

const ANCHORED = /^h[2-5]$/;

export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const info = renderInfo(file);
    const ids = new HeadingIdRegistry();
    const rawTexts = headingRawTexts(file);
    const tocTexts: Record<string, string> = {};
    const inlineToc: TocHeading[] = [];
    visitPostElements(tree, (heading, _index, parent) => {
      if (!isHeading(heading)) return undefined;
      const text = headingText(heading);
      if (typeof heading.properties.id !== 'string' || heading.properties.id === '') {
        const start = heading.position?.start.offset;
        const raw = start === undefined ? undefined : rawTexts.get(start);
        heading.properties.id = ids.next(raw ?? readableText(heading, { code: true, formulas: 'tex' }).trim());
      }
      const id = String(heading.properties.id);
      // (An object read back from JSON: `__proto__` is no key it can hold.)
      if (!Object.hasOwn(tocTexts, id) && id !== '__proto__') tocTexts[id] = text;
      if (heading.properties['data-toc-skip'] !== undefined || heading.properties.dataTocSkip !== undefined) {
        info.tocSkip.push(id);
      }
      const inFootnotes = parent.type === 'element' && classesOf(parent).includes(CLASS.footnotes);
      if (id !== FOOTNOTES_LABEL_ID && !inFootnotes && inKramdownToc(heading)) {
        inlineToc.push({ level: Number(heading.tagName.slice(1)), id, element: heading });
      }
      if (ANCHORED.test(heading.tagName)) {
        heading.children.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: [CLASS.anchor], ariaLabel: `${text} (link)` },
          children: [{ type: 'text', value: ANCHOR_TEXT }],
        } satisfies Element);
      }
      return undefined;
    });
    if (Object.keys(tocTexts).length > 0) info.tocTexts = tocTexts;
    fillKramdownToc(tree, inlineToc, String(file.value));
  };
}
