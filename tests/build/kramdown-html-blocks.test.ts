/**
 * HTML blocks and `markdown="1"` (markdown/kramdown/html-blocks/), Markdown to HTML. Each case's
 * HTML is the theme's, and Jekyll judges it: every case is built by Jekyll in `beforeAll` and
 * kramdown's HTML must say the same (tests/helpers/kramdown-html.ts: white space, entities and
 * the attributes each writes its own way set aside). The cases where the theme keeps its own
 * reading are listed apart, with kramdown's HTML next to the theme's.
 */
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkKramdown } from '../../packages/theme/src/markdown/kramdown/index.ts';
import { judgedSuite, type AgreedCase, type DifferentCase } from '../helpers/kramdown-html.ts';
import { nodesOf } from '../helpers/mdast-nodes.ts';

const AGREED: AgreedCase[] = [
  // A definition list inside.
  { markdown: '<div markdown="1">\nTerm\n: def\n</div>', html: '<div>\n<dl><dt>Term</dt><dd>def</dd></dl>\n</div>' },
  // kramdown's typography inside.
  { markdown: '<div markdown="1">\n*a* "quoted" -- x\n</div>', html: '<div>\n<p><em>a</em> “quoted” – x</p>\n</div>' },
  // Nothing inside, blank lines inside.
  { markdown: '<div markdown="1"></div>', html: '<div>\n</div>' },
  { markdown: '<div markdown="1">\n\n*a*\n\n</div>', html: '<div>\n<p><em>a</em></p>\n</div>' },
  { markdown: '<div markdown="1">\n*a*\n\n*b*\n</div>', html: '<div>\n<p><em>a</em></p>\n<p><em>b</em></p>\n</div>' },
  // Chirpy's folded section.
  {
    markdown: '<details>\n<summary>S</summary>\n<div markdown="1">\n- x\n- y\n\n</div>\n</details>',
    html: '<details>\n<summary>S</summary>\n<div>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n</div>\n</details>',
  },
  {
    markdown: '<details markdown="1">\n<summary>S</summary>\n\n*x*\n</details>',
    html: '<details>\n<summary>S</summary>\n<p><em>x</em></p>\n</details>',
  },
  // In a block quote and a list item.
  {
    markdown: '> <div markdown="1">\n> *a* $x$\n> - item\n> </div>',
    html: '<blockquote>\n<div>\n<p><em>a</em> $x$</p>\n<ul>\n<li>item</li>\n</ul>\n</div>\n</blockquote>',
  },
  {
    markdown: '- <div markdown="1">\n  *a*\n  </div>',
    html: '<ul>\n<li>\n<div>\n<p><em>a</em></p>\n</div>\n</li>\n</ul>',
  },
  // The attribute dropped, other attributes kept, written in every way.
  {
    markdown: '<div markdown="1" class="c">\n## Heading\n\n</div>',
    html: '<div class="c">\n<h2 id="heading">Heading<a href="#heading" class="anchor" aria-label="Heading (link)">#</a></h2>\n</div>',
  },
  {
    markdown: '<div class="c" markdown=\'1\'>\n**b**\n</div>',
    html: '<div class="c">\n<p><strong>b</strong></p>\n</div>',
  },
  { markdown: '<div markdown=1>\n**b**\n</div>', html: '<div>\n<p><strong>b</strong></p>\n</div>' },
  { markdown: '<div markdown="1" >\n*a*\n</div >', html: '<div>\n<p><em>a</em></p>\n</div>' },
  { markdown: '<div\nmarkdown="1">\n*a*\n</div>', html: '<div>\n<p><em>a</em></p>\n</div>' },
  // `markdown="0"`: the content stays HTML.
  { markdown: '<div markdown="0">\n**b**\n</div>', html: '<div>\n**b**\n</div>' },
  // A span element in running text.
  { markdown: 'Text <span markdown="1">*a*</span> more', html: '<p>Text <span><em>a</em></span> more</p>' },
  // Nested.
  {
    markdown: '<div markdown="1">\n<div markdown="1">\n*inner*\n</div>\n</div>',
    html: '<div>\n<div>\n<p><em>inner</em></p>\n</div>\n</div>',
  },
  {
    markdown: '<div markdown="1">\n<div markdown="1">\n<div markdown="1">\n*x*\n</div>\n</div>\n</div>\n\nAfter',
    html: '<div>\n<div>\n<div>\n<p><em>x</em></p>\n</div>\n</div>\n</div>\n<p>After</p>',
  },
  // Indented.
  { markdown: '  <div markdown="1">\n  *a*\n  </div>', html: '  <div>\n<p><em>a</em></p>\n</div>' },
  // The attribute is dropped from every tag.
  {
    markdown: '<div markdown="1">\n*a*\n</div>\n<p markdown="span">x</p>',
    html: '<div>\n<p><em>a</em></p>\n</div>\n<p>x</p>',
  },
  // The post's link definitions, inside or outside.
  {
    markdown: '<div markdown="1">\n[x]\n</div>\n\n[x]: https://x.org',
    html: '<div>\n<p><a href="https://x.org">x</a></p>\n</div>',
  },
  {
    markdown: '[y]\n\n<div markdown="1">\n[y]: https://y.org\n</div>',
    html: '<p><a href="https://y.org">y</a></p>\n<div>\n</div>',
  },
  // Block quotes and lazy lines inside.
  {
    markdown: '<div markdown="1">\n> quote\n> more\n</div>',
    html: '<div>\n<blockquote>\n<p>quote\nmore</p>\n</blockquote>\n</div>',
  },
  {
    markdown: '<div markdown="1">\n> *q*\nlazy\n</div>',
    html: '<div>\n<blockquote>\n<p><em>q</em>\nlazy</p>\n</blockquote>\n</div>',
  },
  // Header ids and attribute lists inside.
  {
    markdown: '<div markdown="1">\n## H {#id}\n{: .x}\n</div>',
    html: '<div>\n<h2 class="x" id="id">H<a href="#id" class="anchor" aria-label="H (link)">#</a></h2>\n</div>',
  },
  // A table of contents inside.
  {
    markdown: '<div markdown="1">\n* TOC\n{:toc}\n</div>\n\n## A\n\n## B',
    html: '<div>\n<ul id="markdown-toc">\n<li><a href="#a" id="markdown-toc-a">A</a></li>\n<li><a href="#b" id="markdown-toc-b">B</a></li>\n</ul>\n</div>\n<h2 id="a">A<a href="#a" class="anchor" aria-label="A (link)">#</a></h2>\n<h2 id="b">B<a href="#b" class="anchor" aria-label="B (link)">#</a></h2>',
  },
  // HTML inside.
  { markdown: '<div markdown="1">\n<br>\nline\n</div>', html: '<div>\n<p><br>\nline</p>\n</div>' },
  { markdown: '<div markdown="1">\n<span>s</span> text\n</div>', html: '<div>\n<p><span>s</span> text</p>\n</div>' },
  // After a paragraph.
  { markdown: 'para\n<div markdown="1">\n*a*\n</div>', html: '<p>para</p>\n<div>\n<p><em>a</em></p>\n</div>' },
  // A second element with the attribute in the same HTML block.
  {
    markdown: '<div markdown="1">\n*a*\n</div>\n<div>\n*b*\n</div>\n<div markdown="1">\n*c*\n</div>',
    html: '<div>\n<p><em>a</em></p>\n</div>\n<div>\n*b*\n</div>\n<div>\n<p><em>c</em></p>\n</div>',
  },
];

const DIFFERENT: DifferentCase[] = [
  {
    markdown: '<div markdown="1">*a*</div>',
    html: '<div>\n<p><em>a</em></p>\n</div>',
    kramdown: '<div><p><em>a</em>&lt;/div&gt;</p></div>',
    why: 'the closing tag on the line of the content: kramdown reads it as text',
  },
  {
    markdown: '<pre markdown="1">\n*a*\n\n*b*\n</pre>',
    html: '<pre><p><em>a</em></p>\n<p><em>b</em></p>\n</pre>',
    kramdown: '<pre>*a* *b*</pre>',
    why: 'kramdown keeps the content of `pre` as it is',
  },
  {
    markdown: '<div markdown="span">\n**b**\n</div>',
    html: '<div>\n**b**\n</div>',
    kramdown: '<div><strong>b</strong></div>',
    why: '`markdown="span"`: the theme keeps the content as HTML',
  },
  {
    markdown: '<DIV MARKDOWN="1">\n*a*\n</DIV>',
    html: '<div markdown="1">\n*a*\n</div>',
    kramdown: '<div><p><em>a</em></p></div>',
    why: 'the attribute in capitals: the theme keeps the content as HTML',
  },
];

judgedSuite('kramdown HTML blocks', 'html-blocks', AGREED, DIFFERENT);

describe('the content of markdown="1" elements is read by the parser', () => {
  const parser = () => unified().use(remarkParse).use(remarkGfm).use(remarkKramdown());

  it('so a plugin before or after the theme sees it', () => {
    const seen: { before: string[]; after: string[] } = { before: [], after: [] };
    const record = (into: string[]) => () => (tree: unknown) => {
      into.push(...[...nodesOf(tree)].map((node) => node.type));
    };
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      // A site's own plugins, one before the theme's and one after.
      .use(record(seen.before))
      .use(remarkKramdown())
      .use(record(seen.after));
    const markdown = '<details>\n<summary>S</summary>\n<div markdown="1">\n*a*\n</div>\n</details>';
    const file = { value: markdown, data: { astro: { frontmatter: {} } } };
    processor.runSync(processor.parse(file), file);
    expect(seen.before).toEqual(['root', 'html', 'paragraph', 'emphasis', 'text', 'html']);
    expect(seen.after).toEqual(seen.before);
  });

  it('with its places in the file', () => {
    const markdown = '> <div markdown="1">\n> *a*\n> </div>';
    const tree = parser().parse(markdown);
    const emphasis = [...nodesOf(tree)].find((node) => node.type === 'emphasis');
    expect(emphasis?.position?.start).toEqual({ line: 2, column: 3, offset: 23 });
    expect(markdown.slice(emphasis?.position?.start.offset, emphasis?.position?.end.offset)).toBe('*a*');
  });

  it('by the same parser as the rest of the post', () => {
    // A link definition outside the element and a definition list inside it.
    const tree = parser().parse('<div markdown="1">\nTerm [x]\n: def\n</div>\n\n[x]: https://x.org');
    const types = [...nodesOf(tree)].map((node) => node.type);
    expect(types).toEqual([
      'root',
      'html',
      'chirpy-dl',
      'chirpy-dt',
      'text',
      'linkReference',
      'text',
      'chirpy-dd',
      'text',
      'html',
      'definition',
    ]);
  });
});
