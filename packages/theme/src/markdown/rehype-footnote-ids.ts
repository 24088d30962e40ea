/**
 * Footnote ids as kramdown writes them (`fn:x`, `fnref:x`) instead of GFM's
 * `user-content-fn-x` and `user-content-fnref-x`, in ids and in the links to them, so links to a
 * Jekyll site's footnotes still land.
 *
 * The walk is the one the other HTML passes share (hast.ts, visitPostElements): the content of
 * headings and code is left as written, so a footnote mark inside a heading keeps GFM's ids.
 */
import type { Root } from 'hast';
import { visitPostElements } from './hast.ts';

/** The kramdown form of a GFM footnote id or `#link`. */
export function footnoteId(value: string): string {
  return value.replace(/^(#?)user-content-(fn|fnref)-(.+)$/, '$1$2:$3');
}

export function rehypeFootnoteIds() {
  return (tree: Root) => {
    visitPostElements(tree, (node) => {
      for (const key of ['id', 'href'] as const) {
        const value = node.properties[key];
        if (typeof value === 'string' && value.includes('user-content-fn')) node.properties[key] = footnoteId(value);
      }
      return undefined;
    });
  };
}
