/**
 * Jekyll as the judge of small Markdown cases, HTML against HTML: each case is built by Jekyll
 * (tests/helpers/jekyll.ts) and rendered by the theme, and both are written in one canonical form
 * that keeps what a reader gets and drops how each writes it: white space between tags and runs
 * of it in text, entities (decoded), attributes other than `class`, `href`, `src` and `alt` (and a
 * heading's `id`), white space at the start and end of an element's content, the footnote list (written differently by each), Chirpy's heading anchors, and
 * Rouge's class on code spans. A formula is written as kramdown leaves it for MathJax: the
 * theme's KaTeX becomes `\(tex\)` (or `\[tex\]` in display style).
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { jekyllBuild } from './jekyll.ts';
import { renderWithTheme } from './theme-markdown.ts';

const ELEMENT = 1;
const TEXT = 3;
const KEPT = ['class', 'href', 'src', 'alt'];
const FOOTNOTES = /<div class="footnotes"[\s\S]*$|<section data-footnotes[\s\S]*$/;

function write(node: Node): string {
  if (node.nodeType === TEXT) {
    const text = node.text.replace(/[ \t\r\n]+/g, ' ');
    return text.trim() === '' ? '' : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  if (node.nodeType !== ELEMENT) return '';
  const element = node as HTMLElement;
  const classes = element.classList;
  if (classes.contains('anchor')) return '';
  const tex = element.querySelector('annotation')?.text;
  if (classes.contains('katex-display')) return `\\[${tex}\\]`;
  if (classes.contains('katex')) return `\\(${tex}\\)`;
  const tag = element.rawTagName?.toLowerCase();
  // White space at the start and end of an element's content is layout too.
  const inner = element.childNodes.map(write).join('').replace(/^ | $/g, '');
  if (!tag) return inner;
  const names = /^h[1-6]$/.test(tag) ? [...KEPT, 'id'] : KEPT;
  const attributes = names
    .filter((name) => element.hasAttribute(name) && !(name === 'class' && tag === 'code'))
    .map((name) => ` ${name}="${element.getAttribute(name)}"`)
    .join('');
  return `<${tag}${attributes}>${inner}</${tag}>`;
}

/** HTML in the canonical form above. */
export function canonicalHtml(html: string): string {
  return write(parse(html.replace(FOOTNOTES, ''), { comment: false }));
}

export interface JudgedCase {
  markdown: string;
  /** The post has `math: true`. */
  math?: boolean;
}

/** kramdown's HTML of each case (in order), as Jekyll builds it for a Chirpy site. */
export async function kramdownHtmlOf(name: string, cases: JudgedCase[]): Promise<string[]> {
  const file = (index: number) => `2024-01-01-case-${String(index).padStart(3, '0')}.md`;
  const posts = Object.fromEntries(
    cases.map((item, index) => [
      file(index),
      `---\ntitle: t\n${item.math ? 'math: true\n' : ''}---\n\n${item.markdown}\n`,
    ]),
  );
  const built = await jekyllBuild(name, posts);
  return cases.map((_, index) => {
    const post = built.get(file(index));
    if (!post) throw new Error(`Jekyll did not publish case ${index}`);
    return post.html;
  });
}

/** The theme's HTML of a case. */
export async function themeHtmlOf(item: JudgedCase): Promise<string> {
  return (await renderWithTheme(item.markdown, item.math ? { math: true } : {})).html;
}

/** A case the theme renders as kramdown does: `html` is the theme's HTML. */
export interface AgreedCase extends JudgedCase {
  html: string;
}

/** A case where the theme keeps its own reading on purpose: kramdown's (canonical) HTML, and why. */
export interface DifferentCase extends AgreedCase {
  kramdown: string;
  why: string;
}

/**
 * One suite per construct: every case built by Jekyll once (`name` is its site), the theme's HTML
 * pinned, and kramdown's equal to it in the canonical form, or, for the cases that differ, equal
 * to the kramdown HTML written down and unlike the theme's.
 */
export function judgedSuite(title: string, name: string, agreed: AgreedCase[], different: DifferentCase[]): void {
  describe(title, () => {
    let kramdown: string[];
    beforeAll(async () => {
      kramdown = await kramdownHtmlOf(name, [...agreed, ...different]);
    });

    it.each(agreed.map((item, index) => [item.markdown, item, index] as const))('%j', async (_, item, index) => {
      const html = await themeHtmlOf(item);
      expect(html).toBe(item.html);
      expect(canonicalHtml(kramdown[index]!), "kramdown's HTML").toBe(canonicalHtml(html));
    });

    it.each(different.map((item, index) => [item.markdown, item.why, item, agreed.length + index] as const))(
      '%j (kramdown differs: %s)',
      async (_, _why, item, index) => {
        const html = await themeHtmlOf(item);
        expect(html).toBe(item.html);
        expect(canonicalHtml(kramdown[index]!), "kramdown's HTML").toBe(item.kramdown);
        expect(item.kramdown).not.toBe(canonicalHtml(html));
      },
    );
  });
}
