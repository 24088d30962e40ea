/**
 * kramdown definition lists (markdown/kramdown/definition-lists/), Markdown to HTML. Each case's
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
  // A term and its definition.
  { markdown: 'Term\n: Definition', html: '<dl><dt>Term</dt><dd>Definition</dd></dl>' },
  // Terms, then definitions.
  {
    markdown: 'Term one\nTerm two\n: Def one\n: Def two',
    html: '<dl><dt>Term one</dt><dt>Term two</dt><dd>Def one</dd><dd>Def two</dd></dl>',
  },
  // Each line is read as running text.
  {
    markdown: 'Term *em* and `code`\n: Def with [link](https://x.org) and **strong**',
    html: '<dl><dt>Term <em>em</em> and <code>code</code></dt><dd>Def with <a href="https://x.org">link</a> and <strong>strong</strong></dd></dl>',
  },
  // Lists in a row, with blank lines between, are one list.
  {
    markdown: 'Term\n: def\n\nTerm 2\n: def 2',
    html: '<dl><dt>Term</dt><dd>def</dd><dt>Term 2</dt><dd>def 2</dd></dl>',
  },
  {
    markdown: 'Term\n: def\n\n\nTerm 2\n: def 2\n\nPara\n\nTerm 3\n: def 3',
    html: '<dl><dt>Term</dt><dd>def</dd><dt>Term 2</dt><dd>def 2</dd></dl>\n<p>Para</p>\n<dl><dt>Term 3</dt><dd>def 3</dd></dl>',
  },
  // In a block quote, and after a lazy line.
  {
    markdown: '> Term\n> : quoted def',
    html: '<blockquote>\n<dl><dt>Term</dt><dd>quoted def</dd></dl>\n</blockquote>',
  },
  { markdown: '> Term\n: lazy def', html: '<blockquote>\n<dl><dt>Term</dt><dd>lazy def</dd></dl>\n</blockquote>' },
  // In list items.
  {
    markdown: '- Term\n  : def in item\n- other',
    html: '<ul>\n<li>\n<dl><dt>Term</dt><dd>def in item</dd></dl>\n</li>\n<li>\nother\n</li>\n</ul>',
  },
  {
    markdown: '1. Term\n   : def\n\n   Term b\n   : def b',
    html: '<ol>\n<li>\n<dl><dt>Term</dt><dd>def</dd><dt>Term b</dt><dd>def b</dd></dl>\n</li>\n</ol>',
  },
  // Math in a definition; a term that is only `$$…$$` is span math.
  {
    markdown: 'Term\n: $$x^2$$ definition',
    html: '<dl><dt>Term</dt><dd><span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math></span> definition</dd></dl>',
    math: true,
  },
  {
    markdown: '$$a+b$$\n: def',
    html: '<dl><dt><span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a+b</annotation></semantics></math></span></dt><dd>def</dd></dl>',
    math: true,
  },
  // kramdown's typography in terms and definitions.
  {
    markdown: 'Don\'t "quote" -- dash...\n: It\'s "fine" --- yes...',
    html: '<dl><dt>Don’t “quote” – dash…</dt><dd>It’s “fine” — yes…</dd></dl>',
  },
  // The `:` needs a space or tab after it, and a term before it.
  { markdown: 'Term\n:def without space', html: '<p>Term\n:def without space</p>' },
  { markdown: ': only def', html: '<p>: only def</p>' },
  { markdown: 'Term\n:\tdef after tab', html: '<dl><dt>Term</dt><dd>def after tab</dd></dl>' },
  // Blanks around the text are not part of it.
  { markdown: 'Term   \n:    def with spaces   ', html: '<dl><dt>Term</dt><dd>def with spaces</dd></dl>' },
  { markdown: '   Term\n   : indented def', html: '<dl><dt>Term</dt><dd>indented def</dd></dl>' },
  // An empty definition.
  { markdown: 'Term\n: ', html: '<dl><dt>Term</dt><dd></dd></dl>' },
  // The post's link definitions, before or after the list.
  {
    markdown: '[a]: https://a.org\nTerm [a]\n: def [a]',
    html: '<dl><dt>Term <a href="https://a.org">a</a></dt><dd>def <a href="https://a.org">a</a></dd></dl>',
  },
  {
    markdown: 'Term [a]\n: def [a]\n\n[a]: https://a.org',
    html: '<dl><dt>Term <a href="https://a.org">a</a></dt><dd>def <a href="https://a.org">a</a></dd></dl>',
  },
  // HTML spans.
  {
    markdown: 'Term\n: <span>html</span> and <b>b</b>',
    html: '<dl><dt>Term</dt><dd><span>html</span> and <b>b</b></dd></dl>',
  },
  // A line is text even when it would open a block on its own.
  { markdown: 'Term\n: ```', html: '<dl><dt>Term</dt><dd>```</dd></dl>' },
  // No task list in a list item.
  { markdown: '- [ ] Term\n  : [ ] def', html: '<ul>\n<li>\n<dl><dt>[ ] Term</dt><dd>[ ] def</dd></dl>\n</li>\n</ul>' },
  // No hard break at the end of a term (a backslash, two spaces).
  { markdown: 'A\\\n: b', html: '<dl><dt>A\\</dt><dd>b</dd></dl>' },
  { markdown: 'Term  \n: def  \n: def2', html: '<dl><dt>Term</dt><dd>def</dd><dd>def2</dd></dl>' },
  // CRLF line endings.
  { markdown: 'Term\r\n: def crlf\r\n', html: '<dl><dt>Term</dt><dd>def crlf</dd></dl>' },
  // Emphasis and math do not run from one line into the next.
  { markdown: 'Term *a\n: b* c', html: '<dl><dt>Term *a</dt><dd>b* c</dd></dl>' },
  { markdown: 'Term $a\n: b$ c', html: '<dl><dt>Term $a</dt><dd>b$ c</dd></dl>', math: true },
];

const DIFFERENT: DifferentCase[] = [
  {
    markdown: 'Term\n: def\nnot def',
    html: '<p>Term\n: def\nnot def</p>',
    kramdown: '<dl><dt>Term</dt><dd>def not def</dd></dl>',
    why: 'a lazy line after a definition: kramdown goes on with the definition, the theme keeps the paragraph',
  },
  {
    markdown: 'Term\n: def\n---',
    html: '<dl><dt>Term</dt><dd>def</dd></dl>\n<hr>',
    kramdown: '<dl><dt>Term</dt><dd><h2 id="def">def</h2></dd></dl>',
    why: 'a rule after a definition: kramdown reads the definition as blocks (a setext heading)',
  },
  {
    markdown: 'Term\n: 1. *x*',
    html: '<dl><dt>Term</dt><dd>1. <em>x</em></dd></dl>',
    kramdown: '<dl><dt>Term</dt><dd><ol><li><em>x</em></li></ol></dd></dl>',
    why: 'kramdown reads a definition as blocks; the theme reads one line of text',
  },
  {
    markdown: 'Term\n: def\n{: .cls}',
    html: '<p class="cls">Term\n: def</p>',
    kramdown: '<dl class="cls"><dt>Term</dt><dd>def</dd></dl>',
    why: 'an attribute list after the list: the theme keeps the paragraph',
  },
];

judgedSuite('kramdown definition lists', 'definition-lists', AGREED, DIFFERENT);

describe('definition lists are made by the parser', () => {
  /** The `chirpy-dl` nodes, with their terms and definitions, a plugin sees in the tree it gets. */
  function listsSeen(markdown: string) {
    const seen: { before: string[][]; after: string[][] } = { before: [], after: [] };
    const record = (into: string[][]) => () => (tree: unknown) => {
      for (const node of nodesOf(tree)) {
        if (node.type !== 'chirpy-dl') continue;
        into.push((node.children ?? []).map((child) => child.type));
      }
    };
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      // A site's own plugins, one before the theme's and one after.
      .use(record(seen.before))
      .use(remarkKramdown())
      .use(record(seen.after));
    const file = { value: markdown, data: { astro: { frontmatter: {} } } };
    processor.runSync(processor.parse(file), file);
    return seen;
  }

  it('so a plugin before or after the theme sees the list', () => {
    const seen = listsSeen('Term\n: def\n\n> A\n> B\n> : b');
    expect(seen.before).toEqual([
      ['chirpy-dt', 'chirpy-dd'],
      ['chirpy-dt', 'chirpy-dt', 'chirpy-dd'],
    ]);
    expect(seen.after).toEqual(seen.before);
  });

  it('with the places of its text in the file', () => {
    const tree = unified().use(remarkParse).use(remarkKramdown()).parse('> Term\n> : *def*');
    const definition = [...nodesOf(tree)].find((node) => node.type === 'chirpy-dd');
    const emphasis = definition && [...nodesOf(definition)].find((node) => node.type === 'emphasis');
    expect(emphasis?.position?.start).toEqual({ line: 2, column: 5, offset: 11 });
  });
});
