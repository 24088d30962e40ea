/**
 * Headings that skip a level, as authors write them (`##` then `####`, for the smaller look):
 * the page keeps the element the author chose, and tells assistive technology the level the
 * outline has there (`aria-level`), so a screen reader's list of headings has no gaps. The
 * post's title is the page's `h1`, so the post's own headings start at level 2 at most.
 *
 * A heading's level is one below the nearest heading before it with a lower element level
 * (or 2 at the top), and never more than its own: `## A`, `#### B`, `#### C`, `### D` read as
 * 2, 3, 3, 3. Only headings whose level changes get the attribute.
 */
import type { Element, Root } from 'hast';
import { eachElement, isHeading } from './hast.ts';

export function rehypeHeadingLevels() {
  return (tree: Root) => {
    /** Headings still open above this point: the element's level and the level it reads as. */
    const open: { own: number; level: number }[] = [];
    eachElement(tree, (element: Element) => {
      if (!isHeading(element)) return undefined;
      const own = Number(element.tagName[1]);
      while (open.length > 0 && open.at(-1)!.own >= own) open.pop();
      const level = Math.min(own, (open.at(-1)?.level ?? 1) + 1);
      if (level !== own) element.properties.ariaLevel = String(level);
      open.push({ own, level });
      return undefined;
    });
  };
}
