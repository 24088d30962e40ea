/** The table of contents of a post: its h2–h4 headings, as Chirpy's tocbot lists them. */

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** Headings at depth 2 to 4, without those marked `data-toc-skip` and the footnotes title. */
export function tocEntries(headings: readonly Heading[], skip: readonly string[] = []): Heading[] {
  const skipped = new Set([...skip, 'footnote-label']);
  return headings
    .filter((heading) => heading.depth >= 2 && heading.depth <= 4 && !skipped.has(heading.slug))
    .map((heading) => ({ ...heading, text: heading.text.replace(/#$/, '').trim() }));
}
