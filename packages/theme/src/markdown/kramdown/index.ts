/**
 * kramdown's Markdown dialect (kramdown 2.4 with kramdown-parser-gfm 1.1, as Chirpy's Jekyll
 * runs it), in one place: the remark plugins, one per construct, in the order they must run.
 * Each construct's folder says which kramdown source it follows; most are micromark extensions
 * with their mdast half, registered on the parser; the rest mark the tree the parser made.
 *
 *   unified().use(remarkParse).use(remarkKramdown({ smart: true, gfm: true })) …
 *
 * The order, and why:
 */
import type { PluggableList } from 'unified';
import { remarkKramdownCodeSpans } from './code-spans/index.ts';
import { remarkDeflist } from './definition-lists/index.ts';
import { remarkKramdownEmphasis } from './emphasis/index.ts';
import { remarkKramdownFences } from './fences/index.ts';
import { remarkKramdownHeadings } from './headings/index.ts';
import { remarkKramdownHtml } from './html-blocks/index.ts';
import { remarkIal } from './ial/index.ts';
import { remarkKramdownLists } from './list-paragraphs/index.ts';
import { remarkKramdownMath } from './math/index.ts';
import { remarkKramdownGfm } from './strikethrough/index.ts';
import { remarkKramdownTypography } from './typography/index.ts';
import { remarkMathDialect } from '../mathjax/delimiters.ts';

export interface RemarkKramdownOptions {
  /** Smart punctuation (kramdown's typographic symbols and smart quotes); on unless the site turned it off. */
  smart?: boolean;
  /** GFM (tables, footnotes, strikethrough, task lists, bare URLs); on unless the site turned it off. */
  gfm?: boolean;
}

export function remarkKramdown(options: RemarkKramdownOptions = {}): PluggableList {
  return [
    // GFM first, where Astro's processor would have put it (its constructs yield to the ones
    // registered after it): tables, footnotes (written as kramdown writes them by footnotes/, in
    // the rehype half of markdown/pipeline.ts) and strikethrough, `~~` only, so single tildes
    // stay text (strikethrough/).
    ...(options.gfm === false ? [] : [remarkKramdownGfm]),
    // kramdown's dashes, ellipses, guillemets and smart quotes, read by the parser.
    [remarkKramdownTypography, { smart: options.smart ?? true }],
    // Code fences, code spans and emphasis replace micromark's CommonMark constructs.
    remarkKramdownFences,
    remarkKramdownCodeSpans,
    remarkKramdownEmphasis,
    // HTML blocks, and the content of `markdown="1"` elements read as Markdown by the parser.
    remarkKramdownHtml,
    // `$$…$$`, and `$…$` on posts with `math: true` (decided as the post is parsed): before
    // definition lists, which read terms and definitions as running text.
    remarkKramdownMath,
    // Definition lists, made by the parser where a paragraph would start.
    remarkDeflist,
    // What MathJax reads in the text kramdown leaves (`\\(…\\)`, `\\[…\\]`, escapes inside `$…$`),
    // or, on posts without math, formulas as written: once kramdown's math is final (after every
    // construct that may have made a formula), before IALs and heading ids read the tree.
    remarkMathDialect,
    // IALs after the block structure is final, list paragraphs and headings after IALs (an
    // IAL's id wins over a heading's own).
    remarkIal,
    remarkKramdownLists,
    remarkKramdownHeadings,
  ];
}
