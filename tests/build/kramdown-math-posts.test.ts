/**
 * Math only on posts that ask for it, decided in the parser (markdown/kramdown/math/syntax.ts reads
 * the post's front matter through parseState). On a post without `math: true` Chirpy loads no
 * MathJax, so a reader sees kramdown's HTML: a single `$` is a dollar sign and everything around it
 * (emphasis, code spans, escapes) is Markdown. Jekyll (kramdown 2.4, kramdown-parser-gfm 1.1) judges
 * every case on such a post; the `$$…$$` cases show the listed difference `no-math-posts`. Posts
 * with math keep their formulas, in fragments read as Markdown too, and MDX reads the same flag.
 */
import { parse } from 'node-html-parser';
import { unified as astroUnified } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ASTRO_FEATURES_OFF,
  chirpyMarkdownPlugins,
  KRAMDOWN_REMARK_REHYPE,
} from '../../packages/theme/src/integration/markdown.ts';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { jekyllBuild, type JekyllPost } from '../helpers/jekyll.ts';
import { parseHtml, renderWithTheme } from '../helpers/theme-markdown.ts';
import { TESTS_DIR } from '../helpers/site.ts';

/**
 * What a reader sees of a body: the HTML without attributes (kramdown's code spans carry Rouge's
 * classes) and with white space between tags collapsed; a table without the scrolling box Chirpy
 * puts around it in the browser and the theme at build time.
 */
function readerView(html: string): string {
  const root = parse(html);
  for (const box of root.querySelectorAll('div.table-wrapper')) box.replaceWith(...box.childNodes);
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) element.removeAttribute(name);
  }
  return root.toString().replace(/>\s+</g, '><').trim();
}

/** Bodies on a post without `math: true` that the theme must show exactly as kramdown does. */
const SAME_AS_KRAMDOWN: Record<string, string> = {
  'emphasis between two prices': 'Costs $5 and *bold* or $10',
  'strong and a link between dollars': 'From $5 to **$10** at [the $3 shop](/shop) or $2.',
  'a code span between dollars': 'Run `echo $HOME` for $5, or `$PATH` for $6.',
  'a code span starting inside a would-be formula': 'A $a `b$` c` d',
  'an escaped dollar': 'Price \\$5 and $10',
  'an escaped backslash before a dollar': 'A \\\\$x$ b',
  'a single-dollar pair': 'Let $x$ be *given*.',
  'MathJax delimiters are escapes': 'Inline \\(x\\) and \\[y\\] stay text.',
  'an escaped `$$` inside a paragraph': 'Text \\$$x$$ more.',
  'an escaped `$$` opening a paragraph that goes on': '\\$$x$$ more',
  'dollars across lines': 'Pay $5\nfor *this* and $6\nfor that',
  'a list': '- $5 *each*\n- or $4 for `two`',
  'a table': '| a | b |\n|---|---|\n| $5 *x* | $6 |',
  'a quote': '> Costs $5 and _more_ or $10',
  'a definition list': 'Price $5 *a*\n: costs $6 or *less* $7',
  'markdown="1" content': '<div markdown="1">\nCosts $5 and *bold* or $10\n</div>',
};

/** `$$…$$` on a post without math: kramdown writes MathJax's delimiters, the theme the source. */
const DOUBLE_DOLLARS: Record<string, { body: string; kramdown: string; theme: string }> = {
  'a span': { body: 'Text $$x$$ more.', kramdown: '<p>Text \\(x\\) more.</p>', theme: '<p>Text $$x$$ more.</p>' },
  'a block': { body: '$$\nx\n$$', kramdown: '\\[x\\]', theme: '<p>$$\nx\n$$</p>' },
  'a span inside single dollars': {
    body: 'A $a $$b$$ *c*$ d',
    kramdown: '<p>A $a \\(b\\) <em>c</em>$ d</p>',
    theme: '<p>A $a $$b$$ <em>c</em>$ d</p>',
  },
  'an escaped span opening its paragraph': { body: '\\$$x$$', kramdown: '<p>\\(x\\)</p>', theme: '<p>\\$$x$$</p>' },
};

const file = (index: number) => `2024-01-01-case-${String(index).padStart(2, '0')}.md`;
const post = (body: string) => `---\ntitle: t\n---\n\n${body}\n`;

describe('a post without `math: true` reads `$` as kramdown does', () => {
  const cases = [...Object.values(SAME_AS_KRAMDOWN), ...Object.values(DOUBLE_DOLLARS).map((item) => item.body)];
  let published: Map<string, JekyllPost>;
  beforeAll(async () => {
    published = await jekyllBuild('math-posts', Object.fromEntries(cases.map((body, i) => [file(i), post(body)])));
  });
  const jekyll = (body: string) => published.get(file(cases.indexOf(body)))!.html;

  it.each(Object.entries(SAME_AS_KRAMDOWN))('%s', async (_, body) => {
    const theme = await renderWithTheme(body, { title: 't' });
    expect(readerView(theme.html)).toBe(readerView(jekyll(body)));
  });

  it.each(Object.entries(DOUBLE_DOLLARS))('`$$…$$`: %s shows the source (listed `no-math-posts`)', async (_, item) => {
    expect(readerView(jekyll(item.body))).toBe(item.kramdown);
    expect(readerView((await renderWithTheme(item.body, { title: 't' })).html)).toBe(item.theme);
  });
});

describe('a post with `math: true` keeps its formulas', () => {
  const formulas = async (body: string) =>
    parseHtml((await renderWithTheme(body, { math: true })).html).querySelectorAll('.katex').length;

  it('in running text, in `markdown="1"` content and in definition lists', async () => {
    expect(await formulas('Costs $5 and *bold* or $10')).toBe(1);
    expect(await formulas('<div markdown="1">\nSo $x$ and $$y$$ hold\n</div>')).toBe(2);
    expect(await formulas('Term $x$\n: def $$y$$ and $z$')).toBe(3);
  });

  it('and a post without it, rendered by the same processor right after, has none', async () => {
    const [on, off] = await Promise.all([
      renderWithTheme('<div markdown="1">\nSo $x$ holds, *yes*\n</div>', { math: true }),
      renderWithTheme('<div markdown="1">\nSo $x$ holds, *yes*\n</div>', {}),
    ]);
    expect(parseHtml(on.html).querySelectorAll('.katex')).toHaveLength(1);
    expect(readerView(off.html)).toBe('<div><p>So $x$ holds, <em>yes</em></p></div>');
  });
});

describe('MDX posts', () => {
  /** An MDX page compiled by Astro's unified MDX processor with the theme's plugins. */
  async function compileMdx(body: string, frontmatter: Record<string, unknown>): Promise<string> {
    const root = join(TESTS_DIR, '.tmp', 'theme-markdown');
    const astroConfig = {
      root: pathToFileURL(`${root}/`),
      publicDir: pathToFileURL(`${root}/public/`),
      base: '/',
      markdown: {},
    } as AstroConfig;
    const logger = { warn: () => undefined } as unknown as AstroIntegrationLogger;
    const plugins = chirpyMarkdownPlugins(parseChirpyConfig({ title: 'Test' }), astroConfig, logger);
    const processor = astroUnified({
      remarkPlugins: plugins.remarkPlugins as never,
      rehypePlugins: plugins.rehypePlugins as never,
      ...ASTRO_FEATURES_OFF,
      remarkRehype: KRAMDOWN_REMARK_REHYPE,
    });
    const renderer = await processor.createMdxRenderer!(
      { syntaxHighlight: false } as never,
      {
        srcDir: pathToFileURL(`${root}/src/`),
      } as never,
    );
    return (await renderer.process(body, join(root, 'post.mdx'), frontmatter)).code;
  }

  it('read the front matter the same way', async () => {
    const body = 'Costs $5 and *bold* or $10';
    const off = await compileMdx(body, { title: 't' });
    const on = await compileMdx(body, { title: 't', math: true });
    expect(off).toMatch(/_components\.em/);
    expect(off).not.toMatch(/katex/);
    expect(on).not.toMatch(/_components\.em/);
    expect(on).toMatch(/katex/);
  });
});
