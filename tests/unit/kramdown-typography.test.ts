/**
 * kramdown's typography (markdown/kramdown/typography/) and strikethrough
 * (markdown/kramdown/strikethrough/) through the theme's whole Markdown pipeline, without a build:
 * a table of Markdown and the HTML the theme makes of it, per construct. Every expected value is
 * what Jekyll (4.3, kramdown 2.4, kramdown-parser-gfm 1.1, as tests/helpers/jekyll.ts builds a
 * Chirpy site) makes of the same Markdown, in the theme's spelling of the same HTML: `<br>`,
 * characters where kramdown writes entities (`&lt;` is `&#x3C;`), and the theme's own wrappers
 * (image links, heading anchors, the table wrapper, GFM's footnote list). `\u00a0` is the no-break
 * space kramdown puts inside `<< ` and ` >>`.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_FEATURES_OFF,
  chirpyMarkdownPlugins,
  setUpMarkdown,
} from '../../packages/theme/src/integration/markdown.ts';
import { unified } from '@astrojs/markdown-remark';
import { remarkKramdownGfm } from '../../packages/theme/src/markdown/kramdown/strikethrough/index.ts';
import { remarkKramdownTypography } from '../../packages/theme/src/markdown/kramdown/typography/index.ts';
import { parseHtml, renderWithTheme } from '../helpers/theme-markdown.ts';

const html = async (markdown: string) => (await renderWithTheme(markdown, {})).html.trim();

/** Dashes, ellipses and guillemets (typographic_symbol.rb), escaped ones as typed. */
const SYMBOLS: [string, string][] = [
  ['a -- b --- c ... d, pages 1--2, . . . stays', '<p>a – b — c … d, pages 1–2, . . . stays</p>'],
  ['a ---- b ----- c ------ d ------- e', '<p>a —- b —– c —— d ——- e</p>'],
  ['x--"y and y---" and a ----" end', '<p>x–“y and y—” and a —-“ end</p>'],
  ['Escaped \\-\\- and \\.\\.\\. and \\--- and \\----', '<p>Escaped -- and ... and -– and -—</p>'],
  ['Say << a >> and <<b>>, then x<<y>>z and a >>b.', '<p>Say «\u00a0a\u00a0» and «b», then x«y»z and a\u00a0»b.</p>'],
  ['cout << x and y >> 2; \\<<b>> and \\>> stay.', '<p>cout «\u00a0x and y\u00a0» 2; &#x3C;&#x3C;b» and >> stay.</p>'],
  ['<<<b>>> and <<< x >>>', '<p>«<b>» and «&#x3C; x\u00a0»></b></p>'],
];

/** Smart quotes (smart_quotes.rb): each quote decided by what kramdown's parser stands on before it and what follows. */
const QUOTES: [string, string][] = [
  ['\\"kept\\" \\\'kept\\\' \\"(괄호)\\"로', '<p>"kept" \'kept\' "(괄호)"로</p>'],
  ['"(괄호)"로, "100%"를, "x)"가, "끝."이다, \'작은\'을.', '<p>“(괄호)”로, “100%”를, “x)”가, “끝.”이다, ‘작은’을.</p>'],
  ["It's the '80s, don't 'quote' me; rock'n'roll.", '<p>It’s the ’80s, don’t ‘quote’ me; rock’n’roll.</p>'],
  ['He said, "\'Twas the night." and "\'Quoted\' words."', '<p>He said, “‘Twas the night.” and “‘Quoted’ words.”</p>'],
  ["x''y and x'' and ''x and '' z and ``x''", '<p>x’‘y and x’’ and ‘‘x and ‘’ z and ``x’’</p>'],
  ['x "" y \'\' z "\'" w \'"\' v', '<p>x “” y ‘’ z “’” w ‘”’ v</p>'],
  [
    'say "*hi*" and x"*em*" and "**b**"y and *a*""',
    '<p>say “<em>hi</em>” and x”<em>em</em>” and “<strong>b</strong>“y and <em>a</em>””</p>',
  ],
  [
    '`a`"b" and ~~x~~"c" and ~~"d and [l](u)"e"',
    '<p><code>a</code>“b” and <del>x</del>“c” and ~~”d and <a href="u">l</a>“e”</p>',
  ],
  ['a&amp;"b" and x\\*"y" and \\$"z"', '<p>a&#x26;“b” and x*“y” and $“z”</p>'],
  ['여기서 \'≈\'는 근사이고 "→"는 화살표다.', '<p>여기서 ‘≈’는 근사이고 “→”는 화살표다.</p>'],
  ['x!"y x?"y x;"y x:\'y x,"y x."y x%"y', '<p>x!”y x?”y x;”y x:’y x,”y x.”y x%”y</p>'],
  [
    '"#hash" "!bang" "...dots" "--dash" "-x" "(x" "[x" "{x"',
    '<p>“#hash” “!bang” “…dots” “–dash” “-x” “(x” “[x” “{x”</p>',
  ],
  ['A line\\\n"next" and a  \n\'third\' and\n"fourth"', '<p>A line<br>\n“next” and a<br>\n‘third’ and\n“fourth”</p>'],
  ['> "quoted" -- \'x\'\n> "next line"', '<blockquote>\n<p>“quoted” – ‘x’\n“next line”</p>\n</blockquote>'],
  ['e.g. "x..."y "x.."y', '<p>e.g. “x…“y “x..”y</p>'],
];

/** What kramdown leaves as typed: code, HTML, link destinations and titles, image alt text, IALs, autolinks. */
const UNTOUCHED: [string, string][] = [
  [
    '`"a" -- b...` and <span title="a -- b">"x" -- y</span>',
    '<p><code>"a" -- b...</code> and <span title="a -- b">“x” – y</span></p>',
  ],
  [
    '[a "b" -- c](http://x.com/a--b "t \'q\' -- x")',
    '<p><a href="http://x.com/a--b" title="t &#x27;q&#x27; -- x">a “b” – c</a></p>',
  ],
  [
    '![a "b" -- c... <<d>>](x.png "t \'q\' -- x")',
    '<p><a href="/x.png" class="popup img-link"><img src="/x.png" alt="a &#x22;b&#x22; -- c... <<d>>" title="t &#x27;q&#x27; -- x" loading="lazy"></a></p>',
  ],
  [
    '[a "b"][ref] and [ref] "c".\n\n[ref]: http://example.com/a--b "Title -- \'x\'"',
    '<p><a href="http://example.com/a--b" title="Title -- &#x27;x&#x27;">a “b”</a> and <a href="http://example.com/a--b" title="Title -- &#x27;x&#x27;">ref</a> “c”.</p>',
  ],
  [
    '![a](x.png){: title="x -- \'y\'" .cls}',
    '<p><a href="/x.png" class="popup img-link"><img src="/x.png" alt="a" class="cls" title="x -- &#x27;y&#x27;" loading="lazy"></a></p>',
  ],
  [
    '<https://example.com/a--b> and <a@b--c.com>',
    '<p><a href="https://example.com/a--b">https://example.com/a--b</a> and <a href="mailto:a@b--c.com">a@b--c.com</a></p>',
  ],
  [
    '## A "heading" -- with \'quotes\'... <<x>>\n\nText.',
    '<h2 id="a-heading--with-quotes-x">A “heading” – with ‘quotes’… «x»<a href="#a-heading--with-quotes-x" class="anchor" aria-label="A “heading” – with ‘quotes’… «x» (link)">#</a></h2>\n<p>Text.</p>',
  ],
  [
    '| a "b" | c -- d |\n|---|---|\n| \'e\' | f... |',
    '<div class="table-wrapper" tabindex="0"><table>\n<thead>\n<tr>\n<th>a “b”</th>\n<th>c – d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>‘e’</td>\n<td>f…</td>\n</tr>\n</tbody>\n</table></div>',
  ],
  [
    'Footnote[^1] "after".\n\n[^1]: The "note" -- here.',
    '<p>Footnote<sup><a href="#fn:1" id="fnref:1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup> “after”.</p>\n<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes<a href="#footnote-label" class="anchor" aria-label="Footnotes (link)">#</a></h2>\n<ol>\n<li id="fn:1">\n<p>The “note” – here. <a href="#fnref:1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩︎</a></p>\n</li>\n</ol>\n</section>',
  ],
];

/** `~~` strikes, a single tilde is text (kramdown-parser-gfm's STRIKETHROUGH_MATCH). */
const TILDES: [string, string][] = [
  [
    'GPU 0은 0~249번째, GPU 1은 250~499번째; ~single~ and ~~double~~ struck.',
    '<p>GPU 0은 0~249번째, GPU 1은 250~499번째; ~single~ and <del>double</del> struck.</p>',
  ],
  ['\\"kept\\" \\-\\- 0~249, 250~499 and ~~x~~', '<p>"kept" -- 0~249, 250~499 and <del>x</del></p>'],
];

/** Markdown read again inside a definition list or a `markdown="1"` element. */
const FRAGMENTS: [string, string][] = [
  ['term\n: \\"kept\\" \\-\\- 0~249, 250~499', '<dl><dt>term</dt><dd>"kept" -- 0~249, 250~499</dd></dl>'],
  [
    '<div markdown="1">\n\\"kept\\" \\-\\- "q" -- x 0~249, 250~499\n</div>',
    '<div>\n<p>"kept" -- “q” – x 0~249, 250~499</p>\n</div>',
  ],
];

describe('kramdown typography', () => {
  it.each(SYMBOLS)('symbols: %j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
  it.each(QUOTES)('quotes: %j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
  it.each(UNTOUCHED)('left as typed: %j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
  it.each(FRAGMENTS)('in a fragment: %j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it('leaves math and code blocks as typed', async () => {
    const page = parseHtml((await renderWithTheme('$$a--b "c"...$$\n\n```\n"a" -- b...\n```', { math: true })).html);
    expect(page.querySelector('annotation')!.text).toBe('a--b "c"...');
    expect(page.querySelector('pre code')!.text).toBe('"a" -- b...');
  });
});

describe('strikethrough', () => {
  it.each(TILDES)('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
});

describe('no private-use characters', () => {
  it.each([...SYMBOLS, ...QUOTES, ...UNTOUCHED, ...TILDES, ...FRAGMENTS].map(([markdown]) => markdown))(
    'in what the theme makes of %j',
    async (markdown) => {
      expect(await html(markdown)).not.toMatch(/[\uE000-\uF8FF]/u);
    },
  );
});

// ------------------------------------------------------------------ the site's own settings

const logger = { warn: () => undefined, debug: () => undefined } as unknown as AstroIntegrationLogger;
const config = parseChirpyConfig({ title: 'Test' });
const astroConfig = (markdown: Partial<AstroConfig['markdown']>) =>
  ({
    root: pathToFileURL('/site/'),
    publicDir: pathToFileURL('/site/public/'),
    base: '/',
    markdown,
  }) as AstroConfig;

type Entry = unknown;
const options = (plugins: Entry[], plugin: unknown) =>
  plugins.map((entry) => (Array.isArray(entry) ? entry : [entry])).find(([candidate]) => candidate === plugin)?.[1];
const has = (plugins: Entry[], plugin: unknown) =>
  plugins.some((entry) => (Array.isArray(entry) ? entry[0] : entry) === plugin);

describe("the site's smart punctuation and GFM settings", () => {
  it("turn the processor's own SmartyPants and GFM off, and keep the site's choice for the theme's", () => {
    for (const [own, smart] of [
      [undefined, true],
      [true, true],
      [{ dashes: 'inverted' }, true],
      [false, false],
    ] as const) {
      const processor = unified({ smartypants: own as never });
      setUpMarkdown(config, astroConfig({ processor }), logger);
      expect(processor.options).toMatchObject(ASTRO_FEATURES_OFF);
      expect(options(processor.options.remarkPlugins, remarkKramdownTypography)).toEqual({ smart });
      expect(has(processor.options.remarkPlugins, remarkKramdownGfm)).toBe(true);
    }
  });

  it('give no GFM to a site that turned it off', () => {
    const processor = unified({ gfm: false });
    setUpMarkdown(config, astroConfig({ processor }), logger);
    expect(has(processor.options.remarkPlugins, remarkKramdownGfm)).toBe(false);
    expect(
      has(chirpyMarkdownPlugins(config, astroConfig({ gfm: false }), logger).remarkPlugins, remarkKramdownGfm),
    ).toBe(false);
  });

  it('with smart punctuation off, write quotes, dashes and guillemets as typed, and read no HTML tag in `<<b>>`', async () => {
    const plugins = chirpyMarkdownPlugins(config, astroConfig({ smartypants: false }), logger);
    const processor = await createMarkdownProcessor({
      remarkPlugins: plugins.remarkPlugins as never,
      rehypePlugins: plugins.rehypePlugins as never,
      ...ASTRO_FEATURES_OFF,
    });
    const { code } = await processor.render('"q" -- \'x\'... <<b>> << c >> \\"e\\" 0~2, ~~s~~', { frontmatter: {} });
    expect(code).toBe('<p>"q" -- \'x\'... &#x3C;&#x3C;b>> &#x3C;&#x3C; c >> "e" 0~2, <del>s</del></p>');
  });
});
