/**
 * What a reader gets from a post body, read the same way from the page Jekyll publishes for a
 * Chirpy site and from the theme's page, so the two can be compared fact by fact:
 * - formulas, in order: on the Jekyll side what Chirpy's MathJax finds in kramdown's HTML (its
 *   `$…$`, `\(…\)`, `$$…$$`, `\[…\]` delimiters and `\begin{…}` environments, read by MathJax 3's
 *   FindTeX rules); on the theme side the TeX of each KaTeX formula (or of a formula KaTeX could
 *   not render);
 * - heading ids, footnote ids and their back-references, link `href`s, image `src`s;
 * - the text of each code span (line endings in it read as the spaces a browser shows);
 * - the typographic characters in the prose (dashes, ellipses, curly quotes, guillemets), outside
 *   code and outside blocks holding math (kramdown's typography inside TeX is a listed difference);
 * - the text of each paragraph, list item, heading, table cell and definition without math, white
 *   space collapsed (the theme's own additions: heading anchors and code block headers, passed over);
 *   on a post without math, whose page loads no MathJax, a single `$` is text like any other;
 * - the sequence of block elements;
 * - the language each code block is highlighted as: on the Jekyll side, the Shiki language of the
 *   word Rouge found a lexer for (markdown/html/code-labels.ts, `shikiLanguage`), or `none` when Rouge found none
 *   and left the block plain; on the theme side, the language Shiki highlighted it as.
 * Where the theme deliberately differs, the README's list of intended differences says so; the
 * normalisations here that belong to a listed difference name it.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { shikiLanguage } from '../../packages/theme/src/markdown/html/code-labels.ts';

export interface Formula {
  tex: string;
  display: boolean;
}

export interface RenderedFacts {
  formulas: Formula[];
  headings: string[];
  codeSpans: string[];
  typography: string[];
  prose: string[];
  footnoteIds: string[];
  footnoteRefs: string[];
  links: string[];
  images: string[];
  blocks: string[];
  codeLanguages: string[];
}

export type FactName = keyof RenderedFacts;

const ELEMENT = 1;
const TEXT = 3;

function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true } });
}

/**
 * TeX compared without its layout: white space collapsed; kramdown's typography undone; and (listed difference
 * `equation-numbers`) the theme numbers `equation` environments and resolves `\eqref` at build
 * time, where MathJax does it in the browser, so those spellings are set aside on both sides.
 */
export function normaliseTex(tex: string): string {
  return (
    tex
      // Listed difference `single-dollar-typography`: kramdown's smart quotes, dashes and ellipses
      // land inside `$…$`, which it does not know is math; the theme keeps the TeX as written.
      .replace(/…/g, '...')
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/—/g, '---')
      .replace(/–/g, '--')
      .replace(/«/g, '<<')
      .replace(/»/g, '>>')
      .replace(/\\begin\{equation\*?\}|\\end\{equation\*?\}|\\label\{[^}]*\}|\\tag\{\d+\}/g, ' ')
      .replace(/\\(?:eq)?ref\{[^}]*\}|\\text\{\(?\d+\)?\}/g, '\\ref')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// ---------------------------------------------------------------- MathJax's FindTeX

/** MathJax skips these elements (its `skipHtmlTags` default). */
const MATHJAX_SKIP = new Set([
  'script',
  'noscript',
  'style',
  'textarea',
  'pre',
  'code',
  'annotation',
  'annotation-xml',
]);
/** Chirpy's MathJax delimiters (assets/js/data/mathjax.js), longest first as FindTeX sorts them. */
const DELIMITERS: Record<string, { close: string; display: boolean }> = {
  $$: { close: '$$', display: true },
  '\\[': { close: '\\]', display: true },
  '\\(': { close: '\\)', display: false },
  $: { close: '$', display: false },
};
const START = /(\\begin\s*\{([^}]*)\})|(\\(?:eq)?ref\s*\{[^}]*\})|(\\[\\$])|(\$\$|\\\[|\\\(|\$)/g;
const quote = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** FindTeX's `findEnd`: the close delimiter outside braces; `\x` is skipped whole. */
function findEnd(text: string, from: number, close: RegExp, closeText: string): { math: string; end: number } | null {
  const pattern = new RegExp(`${close.source}|\\\\(?:[a-zA-Z]|.)|[{}]`, 'gs');
  pattern.lastIndex = from;
  let braces = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if ((match[1] ?? match[0]) === closeText && braces === 0) {
      return { math: text.slice(from, match.index), end: match.index + match[0].length };
    }
    if (match[0] === '{') braces++;
    else if (match[0] === '}' && braces) braces--;
  }
  return null;
}

/** The formulas MathJax finds in one string of text. */
export function mathJaxFormulas(text: string): Formula[] {
  const found: Formula[] = [];
  START.lastIndex = 0;
  for (let start = START.exec(text); start; start = START.exec(text)) {
    const after = start.index + start[0].length;
    if (start[1] !== undefined) {
      const env = start[2]!;
      const end = findEnd(text, after, new RegExp(`\\\\end\\s*(\\{${quote(env)}\\})`), `{${env}}`);
      if (end) {
        found.push({ tex: text.slice(start.index, end.end), display: true });
        START.lastIndex = end.end;
      }
      continue;
    }
    if (start[3] !== undefined || start[4] !== undefined) continue; // \ref and escapes: not formulas
    const delimiter = DELIMITERS[start[5]!]!;
    const end = findEnd(text, after, new RegExp(`(${quote(delimiter.close)})`), delimiter.close);
    if (end) {
      found.push({ tex: end.math, display: delimiter.display });
      START.lastIndex = end.end;
    }
  }
  return found;
}

/**
 * MathJax's strings: runs of text broken by every element but `br` (a line end) and `wbr`,
 * skipping `MATHJAX_SKIP` elements (MathJax 3 HTMLDomStrings).
 */
function mathJaxStrings(root: HTMLElement): string[] {
  const strings: string[] = [];
  let current = '';
  const push = () => {
    if (current) strings.push(current);
    current = '';
  };
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT) current += child.text;
      else if (child.nodeType === ELEMENT) {
        const tag = (child as HTMLElement).rawTagName?.toLowerCase() ?? '';
        if (tag === 'br') current += '\n';
        else if (tag === 'wbr') continue;
        else {
          push();
          if (!MATHJAX_SKIP.has(tag)) visit(child);
          push();
        }
      }
    }
  };
  visit(root);
  push();
  return strings;
}

// ---------------------------------------------------------------- the facts

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'blockquote', 'hr']);

/** How the block walk treats an element: count it and look inside, count its `pre` only, or pass it over. */
type BlockRule = (element: HTMLElement) => 'walk' | 'opaque' | 'skip';

function blockSequence(root: HTMLElement, opaque: BlockRule): string[] {
  const blocks: string[] = [];
  const visit = (element: HTMLElement) => {
    for (const child of element.childNodes) {
      if (child.nodeType !== ELEMENT) continue;
      const node = child as HTMLElement;
      const tag = node.rawTagName?.toLowerCase() ?? '';
      const kind = opaque(node);
      if (kind === 'skip') continue;
      if (kind === 'opaque') {
        if (tag === 'pre' || node.querySelector('pre')) blocks.push('pre');
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        const items = node.childNodes.filter((item) => (item as HTMLElement).rawTagName?.toLowerCase() === 'li');
        blocks.push(tag === 'ul' || tag === 'ol' ? `${tag}:${items.length}` : tag);
      }
      visit(node);
    }
  };
  visit(root);
  return blocks;
}

const hasClass = (element: HTMLElement, name: string) => element.classList?.contains(name) ?? false;

/**
 * The visually hidden "Footnotes" heading GFM puts before the notes (listed difference
 * `footnote-heading`).
 */
const isFootnoteLabel = (element: HTMLElement) => element.id === 'footnote-label';

const TYPOGRAPHY = /[\u2013\u2014\u2026\u201C\u201D\u2018\u2019\u00AB\u00BB]/g;
const LEAF_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption';
/**
 * Whether a block holds math, which the prose and typography facts pass over. On a post with math,
 * whatever MathJax reads: its delimiters, environments, and `\eqref{…}` and `\ref{…}` in text (the
 * theme links them: listed difference `equation-numbers`). On a post without math, Chirpy loads no
 * MathJax and a single `$` is text on both sides, compared as prose; only what kramdown turned into
 * `\(…\)` or `\[…\]` (the theme keeps `$$…$$`: listed difference `no-math-posts`) is set aside.
 */
const holdsMath = (block: HTMLElement, math: boolean) =>
  math
    ? /\$|\\\(|\\\[|\\begin\{|\\(?:eq)?ref\{/.test(block.text) ||
      block.querySelector('.katex, .math-error, a[href^="#eq-"]') !== null
    : /\$\$|\\\(|\\\[/.test(block.text);

/** The text of each innermost leaf block without math, in order. */
function proseOf(root: HTMLElement, math: boolean): string[] {
  const texts: string[] = [];
  for (const block of root.querySelectorAll(LEAF_BLOCKS)) {
    if (block.querySelector(LEAF_BLOCKS) || holdsMath(block, math) || isFootnoteLabel(block)) continue;
    if (block.closest('pre, .code-block, .highlighter-rouge')) continue;
    const copy = parseHtml(block.outerHTML);
    for (const added of copy.querySelectorAll('a.anchor, .code-header, button')) added.remove();
    const text = copy.text.replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}

/** The typographic characters of the prose, in order. */
function typographyOf(root: HTMLElement, math: boolean): string[] {
  const characters: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === TEXT) {
      const block = (node.parentNode as HTMLElement | null)?.closest(LEAF_BLOCKS) as HTMLElement | null;
      if (block && holdsMath(block, math)) return;
      characters.push(...(node.text.match(TYPOGRAPHY) ?? []));
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const element = node as HTMLElement;
    if (['code', 'pre', 'script', 'style'].includes(element.rawTagName?.toLowerCase() ?? '')) return;
    // A formula (display math stands outside any paragraph) is no prose.
    if (hasClass(element, 'katex') || hasClass(element, 'math-error')) return;
    for (const child of element.childNodes) visit(child);
  };
  visit(root);
  return characters;
}

function commonFacts(root: HTMLElement, math: boolean) {
  const footnoteIds = root
    .querySelectorAll('[id]')
    .map((element) => element.id)
    .filter((id) => /^fn/.test(id));
  const footnoteRefs = root
    .querySelectorAll('a[href]')
    .map((a) => a.getAttribute('href')!)
    .filter((href) => href.startsWith('#fn'));
  const headings = root
    .querySelectorAll('h1, h2, h3, h4, h5, h6')
    .filter((h) => !isFootnoteLabel(h))
    .map((h) => `${h.rawTagName.toLowerCase()}#${h.id}`);
  const codeSpans = root
    .querySelectorAll('code')
    // A formula KaTeX could not render is shown in a `code.math-error`: it is a formula.
    .filter((code) => !code.closest('pre') && !hasClass(code, 'math-error'))
    .map((code) => code.text.replace(/\r?\n/g, ' '));
  return {
    footnoteIds,
    footnoteRefs,
    headings,
    codeSpans,
    typography: typographyOf(root, math),
    prose: proseOf(root, math),
  };
}

export interface KramdownContext {
  /** The post has `math: true` (Chirpy loads MathJax only then). */
  math: boolean;
  /** `media_subpath` (or the older `img_path`) from the front matter. */
  mediaSubpath?: string;
}

/**
 * Chirpy's layout prefixes relative image paths with the post's `media_subpath` and makes them
 * root-relative (listed difference `media-paths`: the theme does it at build time).
 */
function chirpyImageSrc(src: string, subpath?: string): string {
  // media-url.html: a src without `:` gets `subpath/` before it (root-relative ones too), `//`
  // collapses to `/`, and `relative_url` makes it root-relative.
  if (src.includes(':')) return src;
  const joined = subpath ? `${subpath}/${src}` : src;
  return joined.replace(/\/{2,}/g, '/').replace(/^(?!\/)/, '/');
}

/** The facts of a body as Jekyll published it (kramdown's HTML, MathJax in the browser). */
export function kramdownFacts(html: string, context: KramdownContext): RenderedFacts {
  const root = parseHtml(html);
  // Rouge's line-numbered code block is one `div.highlighter-rouge` holding a table of `pre`s.
  const opaque: BlockRule = (element) =>
    hasClass(element, 'highlighter-rouge') || element.rawTagName === 'pre' ? 'opaque' : 'walk';
  return {
    ...commonFacts(root, context.math),
    formulas: context.math ? mathJaxStrings(root).flatMap(mathJaxFormulas) : [],
    links: root
      .querySelectorAll('a[href]')
      .map((a) => a.getAttribute('href')!)
      .filter((href) => !href.startsWith('#fn')),
    images: root
      .querySelectorAll('img')
      .map((img) => chirpyImageSrc(img.getAttribute('src') ?? '', context.mediaSubpath)),
    blocks: blockSequence(root, opaque),
    codeLanguages: root
      .querySelectorAll('div.highlighter-rouge, pre')
      .filter((block) => !block.parentNode?.closest('.highlighter-rouge'))
      .map((block) => {
        // Rouge found a lexer: kramdown wrapped the block in `div.language-X.highlighter-rouge`.
        const word = /\blanguage-(\S+)/.exec(block.getAttribute('class') ?? '')?.[1];
        return hasClass(block, 'highlighter-rouge') && word !== undefined ? plainName(shikiLanguage(word)) : 'none';
      }),
  };
}

/** Shiki's names of plain text as one. */
const plainName = (language: string) =>
  ['text', 'txt', 'plain', 'plaintext'].includes(language) ? 'plaintext' : language;

/**
 * The facts of a body as the theme rendered it; `context.math` as for kramdownFacts (a post
 * with math unless told otherwise).
 */
export function themeFacts(html: string, context: Pick<KramdownContext, 'math'> = { math: true }): RenderedFacts {
  const root = parseHtml(html);
  const formulas: Formula[] = [];
  for (const element of root.querySelectorAll('.katex, .math-error')) {
    if (hasClass(element, 'math-error')) {
      if (element.parentNode && hasClass(element.parentNode, 'math-error')) continue;
      formulas.push({ tex: element.text, display: element.rawTagName === 'pre' });
    } else {
      const display = element.parentNode ? hasClass(element.parentNode, 'katex-display') : false;
      formulas.push({ tex: element.querySelector('annotation')?.text ?? '', display });
    }
  }
  // The theme's own additions (heading anchors, the link around a body image, code headers)
  // are passed over.
  // A formula is no block on either side (kramdown writes display math as bare text).
  const opaque: BlockRule = (element) => {
    if (['katex', 'katex-display', 'math-error'].some((name) => hasClass(element, name))) return 'skip';
    if (isFootnoteLabel(element)) return 'skip';
    return hasClass(element, 'code-block') || element.rawTagName === 'pre' ? 'opaque' : 'walk';
  };
  return {
    ...commonFacts(root, context.math),
    formulas,
    links: root
      .querySelectorAll('a[href]')
      .filter((a) => !hasClass(a, 'anchor') && !hasClass(a, 'popup'))
      // Links to numbered equations (listed difference `equation-numbers`).
      .filter((a) => !a.getAttribute('href')!.startsWith('#eq-'))
      .map((a) => a.getAttribute('href')!)
      .filter((href) => !href.startsWith('#fn')),
    images: root.querySelectorAll('img').map((img) => img.getAttribute('src') ?? ''),
    blocks: blockSequence(root, opaque),
    codeLanguages: root
      .querySelectorAll('div.code-block, pre')
      // A display formula KaTeX could not render is a `pre.math-error`: a formula.
      .filter((block) => !block.parentNode?.closest('.code-block') && !hasClass(block, 'math-error'))
      .map((block) => {
        const pre = block.rawTagName === 'pre' ? block : block.querySelector('pre');
        return plainName(pre?.getAttribute('data-language') ?? 'plaintext');
      }),
  };
}

export interface FactDifference {
  fact: FactName;
  index: number;
  kramdown: string | undefined;
  theme: string | undefined;
}

const show = (fact: FactName, value: unknown): string =>
  fact === 'formulas'
    ? `${(value as Formula).display ? 'display' : 'inline'} ${(value as Formula).tex}`
    : String(value);

/** Every fact where the two differ: the first differing position of each list. */
export function compareFacts(kramdown: RenderedFacts, theme: RenderedFacts, facts?: FactName[]): FactDifference[] {
  const differences: FactDifference[] = [];
  for (const fact of facts ?? (Object.keys(kramdown) as FactName[])) {
    const left = kramdown[fact].map((value) => (fact === 'formulas' ? normaliseFormula(value as Formula) : value));
    const right = theme[fact].map((value, index) => {
      if (fact === 'formulas') return normaliseFormula(value as Formula);
      // Listed difference `code-languages`: where Rouge has no lexer for the fence's word, Chirpy
      // shows the block plain and the theme highlights it if Shiki knows the word.
      if (fact === 'codeLanguages' && left[index] === 'none') return 'none';
      return value;
    });
    const length = Math.max(left.length, right.length);
    for (let index = 0; index < length; index++) {
      const a = left[index] === undefined ? undefined : show(fact, left[index]);
      const b = right[index] === undefined ? undefined : show(fact, right[index]);
      if (a !== b) {
        differences.push({ fact, index, kramdown: a, theme: b });
        break;
      }
    }
  }
  return differences;
}

const normaliseFormula = (formula: Formula): Formula => ({ tex: normaliseTex(formula.tex), display: formula.display });

export function describeDifferences(differences: FactDifference[]): string {
  return differences
    .map(
      (d) =>
        `  ${d.fact}[${d.index}]\n    kramdown: ${JSON.stringify(d.kramdown)}\n    theme:    ${JSON.stringify(d.theme)}`,
    )
    .join('\n');
}
