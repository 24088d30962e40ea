/**
 * The Markdown pipeline of a Chirpy post, in order, a line per plugin saying why it stands where
 * it does. Astro's unified processor runs remark-parse (with GFM and the kramdown constructs the
 * remark plugins register on it), the remark plugins below, remark-rehype, Shiki, then the rehype
 * plugins below. Astro's own GFM and SmartyPants are off (integration/markdown.ts): the kramdown
 * preset registers GFM itself and reads kramdown's typography in the parser.
 */
import type { PluggableList } from 'unified';
import type { ChirpyConfig } from '../config.ts';
import { rehypeCodeBlocks } from './html/code-blocks.ts';
import { remarkEmbeddedLanguages, type ShikiKey } from './html/embedded-languages.ts';
import { rehypeHeadingAnchors } from './html/heading-anchors.ts';
import { rehypeHeadingLevels } from './html/heading-levels.ts';
import { rehypeImages } from './html/images.ts';
import { remarkMedia } from './html/media-paths.ts';
import { rehypeRenderInfo } from './html/render-info.ts';
import { rehypeTables } from './html/tables.ts';
import { rehypeFootnoteBackrefs } from './kramdown/footnotes/backrefs.ts';
import { rehypeFootnoteIds } from './kramdown/footnotes/ids.ts';
import { remarkKramdown } from './kramdown/index.ts';
import { rehypeBareParagraphs } from './kramdown/list-paragraphs/index.ts';
import { rehypeMathErrors } from './mathjax/errors.ts';
import { rehypeKatexSafe } from './mathjax/katex-safe.ts';
import { rehypeMathNumbering } from './mathjax/numbering.ts';
import { rehypeMathOutput } from './mathjax/output.ts';

export interface PipelineOptions {
  cdn: ChirpyConfig['cdn'];
  locale: ChirpyConfig['locale'];
  mathOutput: ChirpyConfig['math']['output'];
  /** Astro's `base`. */
  base: string;
  /** The project root and `public/`, as paths. */
  root: string;
  publicDir: string;
  /** Smart punctuation is on (the site did not turn it off). */
  smart: boolean;
  /** GFM is on (the site did not turn it off). */
  gfm: boolean;
  /** The site's Shiki options Astro keys its highlighter by; absent when Shiki does not highlight. */
  shiki?: ShikiKey | undefined;
  warn: (message: string) => void;
}

export function chirpyMarkdownPipeline(options: PipelineOptions): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  const { warn, root, base } = options;
  return {
    remarkPlugins: [
      // kramdown's dialect (markdown/kramdown/index.ts gives its own order).
      ...remarkKramdown({ smart: options.smart, gfm: options.gfm }),
      // Chirpy's media_subpath and CDN on image and media URLs: on the final tree, before the HTML.
      [remarkMedia, { cdn: options.cdn, base }],
      // Last before Shiki: the languages the post's code blocks embed, loaded so that Shiki's
      // output does not depend on which posts came before.
      [remarkEmbeddedLanguages, { shiki: options.shiki }],
    ],
    rehypePlugins: [
      // Equation numbers and \label/\ref, read by MathJax's TeX parser: before KaTeX draws the formulas.
      rehypeMathNumbering,
      // KaTeX; a formula that overflows or throws fails alone.
      [rehypeKatexSafe, { throwOnError: false, strict: false, output: options.mathOutput }],
      // A formula KaTeX rejected: reported with file and line, drawn by MathJax.
      [rehypeMathErrors, { warn, root }],
      // MathML Core's gaps filled (or KaTeX's HTML kept), on the finished formulas.
      [rehypeMathOutput, { output: options.mathOutput }],
      // List items' bare paragraphs, as kramdown/list-paragraphs marked them.
      rehypeBareParagraphs,
      // Footnote back-links as kramdown writes them, before their ids change.
      rehypeFootnoteBackrefs,
      // Chirpy's HTML (its refactor-content). Code blocks come first: the passes after them see
      // the finished blocks and leave code alone.
      rehypeCodeBlocks,
      // Footnote ids change before heading ids and image links are made, so those keep their values.
      rehypeFootnoteIds,
      // Tables in Chirpy's scrolling wrapper.
      rehypeTables,
      // Heading ids as kramdown makes them, and Chirpy's anchor links; the inline TOC is filled here.
      rehypeHeadingAnchors,
      // Headings that skip a level, read at their outline level.
      rehypeHeadingLevels,
      // Images: sizes from their files, Chirpy's popup links and lazy loading.
      [rehypeImages, { publicDir: options.publicDir, root, base, warn, locale: options.locale }],
      // Last: the word count and what the page needs (math, code, tables) read the finished page.
      rehypeRenderInfo,
    ],
  };
}
