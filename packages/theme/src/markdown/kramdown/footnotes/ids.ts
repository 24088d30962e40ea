/**
 * Footnote ids as kramdown writes them (`fn:x`, `fnref:x`) instead of GFM's
 * `user-content-fn-x` and `user-content-fnref-x`, in ids and in the links to them, so links to a
 * Jekyll site's footnotes still land. A note cited again gets kramdown's `fnref:x:1`, `fnref:x:2`…
 * (kramdown 2.4, converter/html.rb, `convert_footnote`) where GFM writes `…-2`, `…-3`, and its
 * back-links follow.
 *
 * GFM writes a note's name in lower case (`[^Note]` is `fn-note`); kramdown as written
 * (`fn:Note`): the name is read back from the note's definition in the file.
 *
 * Every element is visited, the content of headings too: a footnote mark in a heading
 * (`## Appendix[^3]`) links to the note like any other.
 */
import type { Element, Root } from 'hast';
import { eachElement } from '../../html/hast.ts';
import type { VFile } from 'vfile';
import { MAY_HAVE_FOOTNOTES } from './backrefs.ts';

const GFM = /^(#?)user-content-(fn|fnref)-(.+)$/;

/**
 * The kramdown form of a GFM footnote id or `#link`. `label` is the note's (as GFM writes it in
 * ids), when known: then `fnref-label-n` is the n-th reference to it, `fnref:label:n-1`.
 */
export function footnoteId(value: string, label?: string): string {
  const match = GFM.exec(value);
  if (!match) return value;
  const [, hash, kind, rest] = match as unknown as [string, string, string, string];
  if (kind === 'fnref' && label !== undefined && rest !== label && rest.startsWith(`${label}-`)) {
    const repeat = /^(\d+)$/.exec(rest.slice(label.length + 1))?.[1];
    if (repeat !== undefined && Number(repeat) > 1) return `${hash}fnref:${label}:${Number(repeat) - 1}`;
  }
  return `${hash}${kind}:${rest}`;
}

/** The note a GFM `#user-content-fn-x` link or `user-content-fn-x` id names. */
const noteOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? /^#?user-content-fn-(.+)$/.exec(value)?.[1] : undefined;

/**
 * The name of each note as its definition writes it (`[^Note]:`), by GFM's name for it, where the
 * two differ in case only (GFM percent-encodes other names; those stay as GFM writes them).
 */
function writtenNames(tree: Root, source: string): Map<string, string> {
  const names = new Map<string, string>();
  eachElement(tree, (node: Element) => {
    const gfm = node.tagName === 'li' ? noteOf(node.properties.id) : undefined;
    const start = node.position?.start.offset;
    if (gfm === undefined || start === undefined) return;
    const written = /^\[\^([^\]]+)\]:/.exec(source.slice(start, start + gfm.length + 8))?.[1];
    if (written !== undefined && written !== gfm && written.toLowerCase() === gfm) names.set(gfm, written);
  });
  return names;
}

export function rehypeFootnoteIds() {
  return (tree: Root, file?: VFile) => {
    if (file && !MAY_HAVE_FOOTNOTES.test(String(file.value))) return;
    const names = file ? writtenNames(tree, String(file.value)) : new Map<string, string>();
    /** A GFM id or link with the note's name as written. */
    const named = (value: string, gfm: string | undefined) => {
      const written = gfm === undefined ? undefined : names.get(gfm);
      if (written === undefined) return value;
      return value.replace(/^(#?user-content-(?:fn|fnref)-)(.+)$/, (whole, prefix: string, rest: string) =>
        rest === gfm || rest.startsWith(`${gfm}-`) ? prefix + written + rest.slice(gfm!.length) : whole,
      );
    };
    // The note whose list item the walk is in (for its back-links).
    let note: string | undefined;
    eachElement(tree, (node: Element) => {
      if (node.tagName === 'li' && noteOf(node.properties.id) !== undefined) note = noteOf(node.properties.id);
      const gfm = node.properties.dataFootnoteRef !== undefined ? noteOf(node.properties.href) : note;
      const label = gfm === undefined ? undefined : (names.get(gfm) ?? gfm);
      for (const key of ['id', 'href'] as const) {
        const value = node.properties[key];
        if (typeof value === 'string' && value.includes('user-content-fn')) {
          node.properties[key] = footnoteId(named(value, gfm), label);
        }
      }
    });
  };
}
