/** The table of contents of a post: its h2–h4 headings, as Chirpy's tocbot lists them. */
import { ANCHOR_TEXT, FOOTNOTES_LABEL_ID } from '../markdown/html/class-names.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Headings at depth 2 to 4, without those marked `data-toc-skip` and the footnotes title. Each
 * shows the text the Markdown pipeline noted for it (`texts`, by id: formulas as text, no
 * footnote marks; see readable-text.ts); Astro's own reading of a heading's text has every
 * formula in it three times over (KaTeX's HTML, its MathML and the TeX) and the footnote numbers.
 */
export function tocEntries(
  headings: readonly Heading[],
  skip: readonly string[] = [],
  texts: Readonly<Record<string, string>> = {},
): Heading[] {
  const skipped = new Set([...skip, FOOTNOTES_LABEL_ID]);
  return headings
    .filter((heading) => heading.depth >= 2 && heading.depth <= 4 && !skipped.has(heading.slug))
    .map((heading) => ({
      ...heading,
      text: Object.hasOwn(texts, heading.slug) ? texts[heading.slug]! : withoutAnchor(heading.text).trim(),
    }));
}

/** A heading's text as collected from the page ends with its anchor link's text. */
function withoutAnchor(text: string): string {
  return text.endsWith(ANCHOR_TEXT) ? text.slice(0, -ANCHOR_TEXT.length) : text;
}
