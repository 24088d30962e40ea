/**
 * What a footnote's back-link holds: Chirpy's `footnote_backlink`, `↩` with U+FE0E, which asks for
 * the text glyph (without it some systems draw an emoji), and for a note cited again, the number
 * of the citation after it, as remark-rehype writes it. Given to remark-rehype as its own option
 * (`footnoteBackContent`), so the HTML is made so rather than rewritten afterwards.
 */
import type { ElementContent } from 'hast';

export function kramdownFootnoteBackContent(_index: number, rereference: number): ElementContent[] {
  const arrow: ElementContent = { type: 'text', value: '\u21A9\uFE0E' };
  if (rereference <= 1) return [arrow];
  return [
    arrow,
    { type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: String(rereference) }] },
  ];
}
