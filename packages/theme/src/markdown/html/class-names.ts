/**
 * The class names (and the one id) that one part of the theme writes into a post's HTML and
 * another part reads back: the Markdown plugins among themselves, the word count, the feed
 * (feed/feed-html.ts) and the table of contents (utils/toc.ts). The styles and the page scripts
 * read the same names.
 */
export const CLASS = {
  /** The `#` link after an h2–h5 heading's text. */
  anchor: 'anchor',
  /** Chirpy's code block: the header and the highlighted `pre`. */
  codeBlock: 'code-block',
  /** The bar above a code block with the language (or file name) and the copy button. */
  codeHeader: 'code-header',
  codeLabel: 'code-label',
  /** The label is a file name (`{: file='…' }`). */
  codeFile: 'code-file',
  codeCopy: 'code-copy',
  /** A code block shown with line numbers. */
  lineNumbers: 'lineno',
  /** Written in a code block's IAL (`{: .nolineno }`) to turn line numbers off. */
  noLineNumbers: 'nolineno',
  /** The wrapper remark-ial puts around a code block to carry its IAL to the HTML side. */
  codeIal: 'chirpy-code',
  /** Astro's class on a `pre` Shiki highlighted. */
  highlighted: 'astro-code',
  /** A diagram mermaid draws in the browser. */
  mermaid: 'mermaid',
  /** The scroll container around a table. */
  tableWrapper: 'table-wrapper',
  /** GFM's footnotes section. */
  footnotes: 'footnotes',
  /** A KaTeX formula (inline, or inside `katex-display`). */
  katex: 'katex',
  katexDisplay: 'katex-display',
  /** The link around a body image, opened in the image viewer. */
  popup: 'popup',
  imageLink: 'img-link',
  /** An image link with a blurred placeholder (`lqip`) behind the image. */
  blur: 'blur',
} as const;

/** The id GFM gives the footnotes section's heading, which the table of contents leaves out. */
export const FOOTNOTES_LABEL_ID = 'footnote-label';

/** The text of a heading's anchor link, which the table of contents takes off the heading's text. */
export const ANCHOR_TEXT = '#';
