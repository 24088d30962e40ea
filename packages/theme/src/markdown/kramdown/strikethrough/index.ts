/**
 * Strikethrough as kramdown's GFM parser reads it (kramdown-parser-gfm 1.1, lib/kramdown/parser/gfm.rb:
 * `STRIKETHROUGH_MATCH`, `~~` … `~~`): double tildes only. A single tilde is text, so a Korean
 * range written `0~249번째, 250~499번째` keeps its tildes, as in kramdown.
 *
 * GFM (remark-gfm) is registered here with micromark's own switch for that, `singleTilde: false`,
 * so the parser never makes a struck passage of single tildes. The integration turns Astro's own
 * GFM off (integration/markdown.ts), which would otherwise register remark-gfm a second time with
 * single tildes on; a site that turned GFM off gets none from here either (markdown/kramdown/index.ts).
 */
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';

export function remarkKramdownGfm(this: Processor) {
  remarkGfm.call(this, { singleTilde: false });
}
