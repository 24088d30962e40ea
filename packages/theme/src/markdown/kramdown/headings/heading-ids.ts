/**
 * Heading ids by kramdown's GFM rule, so `#anchors` from a Jekyll Chirpy site still land:
 * lowercase, drop everything but word characters, `-`, spaces and tabs, turn each space or
 * tab into `-` (runs are not collapsed), and number repeats `-1`, `-2`… Hangul is kept.
 *
 * kramdown makes the id from the heading's `raw_text` (kramdown-parser-gfm 1.1, `update_raw_text`):
 * its text, code spans and `$$` formulas as written (a single-dollar formula is text to kramdown,
 * dollars and spaces included), with its own typography (smart quotes, dashes), which the rule
 * then drops. markdown/kramdown/headings/index.ts works it out from the Markdown (`kramdownRawText`),
 * before the formulas are rendered, and leaves it here for markdown/html/heading-anchors.ts.
 */
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { mathDelimiter } from '../math/index.ts';

export function gfmHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/**
 * Hands out unique ids in document order, as kramdown does. A heading with an id of its own
 * (`{#id}`, `{: #id}`) takes none and counts for nothing (kramdown-parser-gfm numbers only the
 * headings it makes ids for).
 */
export class HeadingIdRegistry {
  private readonly used = new Map<string, number>();

  next(text: string): string {
    const base = gfmHeadingId(text) || 'section';
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, count + 1);
    return `${base}-${count + 1}`;
  }
}

// ---------------------------------------------------------------- kramdown's raw text

/** The characters kramdown-parser-gfm unescapes (`ESCAPED_CHARS_GFM`). */
const ESCAPED = /\\([\\.*_+`<>()[\]{}#!:|"'$=\-~])/g;

/**
 * A single-dollar formula as kramdown leaves it in the text: the dollars and the TeX as written,
 * escapes undone, a `$$…$$` span inside as its TeX, and kramdown's typography (its dashes,
 * ellipses and guillemets are no word characters, so only what they replace matters here).
 */
function singleDollarText(written: string): string {
  return written
    .replace(/\$\$([\s\S]*?)\$\$/g, (_, tex: string) => tex.trim())
    .replace(ESCAPED, '$1')
    .replace(/---|--/g, '\u2013')
    .replace(/\.\.\.|\. \. \./g, '\u2026')
    .replace(/<<|>>/g, '\u00AB');
}

/**
 * kramdown's `raw_text` of a heading (or anything in it), read from the Markdown tree: text,
 * code spans and `$$` formulas by value; a single-dollar formula as written in `source`; images,
 * footnote marks and raw HTML tags add nothing; everything else, its content.
 */
export function kramdownRawText(node: Nodes, source: string): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'inlineMath': {
      if (mathDelimiter(node) === '$$') return node.value;
      const { start, end } = node.position ?? {};
      const written =
        start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : undefined;
      return written === undefined ? `$${node.value}$` : singleDollarText(written);
    }
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'break':
      return '';
    default:
      return 'children' in node
        ? (node.children as Nodes[]).map((child) => kramdownRawText(child, source)).join('')
        : '';
  }
}

const RAW_TEXTS = 'chirpyHeadingRawTexts';

/**
 * The raw text of each heading of the file, by the offset where the heading starts (hast keeps
 * the positions of the Markdown tree): written by markdown/kramdown/headings/index.ts, read by
 * markdown/html/heading-anchors.ts.
 */
export function headingRawTexts(file: VFile): Map<number, string> {
  const data = file.data as Record<string, unknown>;
  let texts = data[RAW_TEXTS] as Map<number, string> | undefined;
  if (!texts) {
    texts = new Map();
    data[RAW_TEXTS] = texts;
  }
  return texts;
}
