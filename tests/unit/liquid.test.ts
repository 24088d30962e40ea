import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LiquidSyntaxError,
  renderLiquid,
  type LiquidContext,
  type LiquidFiles,
} from '../../packages/theme/src/markdown/liquid/liquid.ts';
import { LIQUID_FILTERS, LIQUID_TAGS } from '../../packages/theme/src/markdown/liquid/allowed.ts';
import { parseIal } from '../../packages/theme/src/markdown/kramdown/ial/ial.ts';
import { SHARED_DIR } from '../helpers/site.ts';

const context: LiquidContext = {
  siteUrl: 'https://example.com',
  baseurl: '',
  pageUrl: '/posts/this/',
  postUrl: (name) => (name === '2021-01-01-hello' ? '/posts/hello/' : undefined),
  media: (src) => (src.includes(':') ? src : `/media${src.startsWith('/') ? '' : '/'}${src}`),
};
const render = (text: string, ctx: Partial<LiquidContext> = {}) => renderLiquid(text, { ...context, ...ctx });

describe('Liquid in posts', () => {
  it('removes raw tags and leaves their content untouched', () => {
    const { text, warnings } = render('```yaml\n{% raw %}image: {{ .Values.image }}{% endraw %}\n```');
    expect(text).toBe('```yaml\nimage: {{ .Values.image }}\n```');
    expect(warnings).toEqual([]);
  });

  it("writes jekyll-polyglot's static_href as a link that keeps its address, and refuses anything but href", () => {
    expect(render('<a {% static_href %}href="/about/"{% endstatic_href %}>About</a>').text).toBe(
      '<a href="/about/" data-static-href>About</a>',
    );
    expect(render('<a {% Static_Href %} href="{{ site.url }}/" {% endStatic_Href %}>Home</a>').text).toBe(
      '<a href="https://example.com/" data-static-href>Home</a>',
    );
    expect(() => render('{% static_href %}src="/x"{% endstatic_href %}')).toThrow(/takes one href="…" attribute/);
  });

  it('divides integers as Ruby does', () => {
    expect(
      render('{{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }} {{ 7.5 | divided_by: 2 }} {{ "9" | divided_by: 3 }}')
        .text,
    ).toBe('3 -4 3.75 3');
  });

  it('fills site.url, site.baseurl and page.url', () => {
    expect(render('[a]({{ site.url }}{{ site.baseurl }}/x) {{ page.url }}', { baseurl: '/blog' }).text).toBe(
      '[a](https://example.com/blog/x) /blog/posts/this/',
    );
  });

  it('resolves post_url and link to the post URL', () => {
    expect(render('[a]({% post_url 2021-01-01-hello %}) [b]({% link _posts/2021-01-01-hello.md %})').text).toBe(
      '[a](/posts/hello/) [b](/posts/hello/)',
    );
  });

  it('embeds YouTube, Twitch, Bilibili and Spotify', () => {
    const { text } = render(
      [
        "{% include embed/youtube.html id='Balreaj8Yqs' %}",
        '{% include embed/twitch.html id="1234" %}',
        '{% include embed/bilibili.html id=BV1Q44y1B7Wf %}',
        "{% include embed/spotify.html id='3OuMIIFP5TxM8tLXMWYPGV' %}",
      ].join('\n'),
    );
    expect(text).toContain(
      '<iframe class="embed-video" loading="lazy" src="https://www.youtube.com/embed/Balreaj8Yqs" title="YouTube video player"',
    );
    expect(text).toContain('src="https://player.twitch.tv/?video=1234&amp;parent=example.com"');
    expect(text).toContain('src="https://player.bilibili.com/player.html?bvid=BV1Q44y1B7Wf"');
    expect(text).toContain('src="https://open.spotify.com/embed/track/3OuMIIFP5TxM8tLXMWYPGV"');
  });

  it('embeds video and audio files, in the one-line and the multi-line form, through the media path', () => {
    const { text } = render(
      [
        "{% include embed/video.html src='/v/clip.mp4' poster='poster.png' title='A clip' types='webm|ogg' autoplay=true muted=true %}",
        '{%',
        '  include embed/audio.html',
        "  src='song.mp3'",
        "  title='A song'",
        '%}',
      ].join('\n'),
    );
    expect(text).toContain(
      '<p><video class="embed-video file" controls poster="/media/poster.png" autoplay muted playsinline><source src="/media/v/clip.mp4" type="video/mp4"><source src="/media/v/clip.webm" type="video/webm"><source src="/media/v/clip.ogg" type="video/ogg">',
    );
    expect(text).toContain('<em>A clip</em></p>');
    expect(text).toContain(
      '<p><audio class="embed-audio file" controls><source src="/media/song.mp3" type="audio/mpeg">',
    );
    expect(text).toContain('<em>A song</em></p>');
  });

  it("runs Jekyll's Liquid: variables, assign, capture, if, comment, filters, whitespace control", () => {
    const { text, warnings } = render(
      [
        '{{ page.title }} {% assign x = "hi" %}{{ x | upcase }} {% capture y %}cap{% endcapture %}{{ y }}',
        '{% if page.title == "T" %}yes{% endif %}{% comment %}hidden{% endcomment %} {{- "  trimmed" }}',
        '{{ "/a b" | relative_url }} {{ "/x" | absolute_url }} {{ "<&>" | xml_escape }} {{ missing }}|{{ a | nofilter }}|',
      ].join('\n'),
      { page: { title: 'T' } },
    );
    expect(text).toBe('T HI cap\nyes  trimmed\n/a%20b https://example.com/x &lt;&amp;&gt; ||');
    expect(warnings).toEqual([]);
  });

  it("renders as nothing what Jekyll's lax Liquid cannot read, outside raw blocks", () => {
    const { text } = render('A {{ .Values.image }} B {{\\log p(\\theta)}} C {% raw %}{{ .Values.kept }}{% endraw %}');
    expect(text).toBe('A  B  C {{ .Values.kept }}');
  });

  it('turns highlight blocks into fences longer than any backtick run in them, and stops on one never closed', () => {
    expect(render('{% highlight ruby %}\nputs "```"\n{% endhighlight %}').text).toBe('````ruby\nputs "```"\n````');
    expect(() => render('{% highlight ruby %}\nputs 1')).toThrow(/not closed/);
  });

  it('keeps escapes in URLs as they are', () => {
    expect(render('{{ "/a%20b c" | relative_url }}').text).toBe('/a%20b%20c');
  });

  it('leaves an include it does not have as written, reporting its line', () => {
    const { text, warnings } = render('line 1\n\n{% include other.html %}');
    expect(text).toBe('line 1\n\n{% include other.html %}');
    expect(warnings).toEqual([{ line: 3, text: '{% include other.html %}' }]);
  });

  it('stops where Jekyll stops: an unknown tag, an unclosed block, a post_url to no post', () => {
    expect(() => render('a\n{% unknowntag %}')).toThrow(/unknown tag "unknowntag"/);
    expect(() => render('{% capture x %}never closed')).toThrow(/not closed/);
    expect(() => render('a\nb\n{% post_url 2099-01-01-nothing %}')).toThrow(LiquidSyntaxError);
    try {
      render('a\nb\n{% post_url 2099-01-01-nothing %}');
    } catch (error) {
      expect((error as LiquidSyntaxError).line).toBe(3);
    }
  });
});

/** A project on disk: `src/includes/` and a post in a subfolder of the posts folder, beside a snippet. */
function project(files: Record<string, string>): LiquidFiles {
  const root = mkdtempSync(join(tmpdir(), 'chirpy-liquid-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return {
    root,
    includes: join(root, 'src/includes'),
    posts: join(root, 'src/content/posts'),
    post: join(root, 'src/content/posts/sub/2024-01-01-post.md'),
  };
}

describe("Liquid's includes", () => {
  let files: LiquidFiles;
  beforeAll(() => {
    files = project({
      'src/includes/note.html': 'Hi {{ include.who }}, n={{ include.n }}, title={{ page.title }}',
      'src/includes/outer.html': '[{% include inner.html x=include.v %}|{{ include.v }}|{% include noparams.html %}]',
      'src/includes/inner.html': '({{ include.x }})',
      'src/includes/noparams.html': '<{{ include.v }}>{% assign leaked = "yes" %}',
      'src/includes/widgets/box.html': 'box {{ include.label }}',
      'src/includes/embed/youtube.html': 'the site-s own youtube embed',
      'src/includes/embed/custom.html': 'custom embed {{ include.id }}',
      'src/includes/broken.html': 'line 1\n{% frob %}',
      'src/content/posts/sub/snippet.txt': 'snippet {{ page.title }} {% include_relative parts/inner.txt %}',
      'src/content/posts/sub/parts/inner.txt': 'inner-part',
    });
  });
  afterAll(() => rmSync(files.root, { recursive: true, force: true }));
  const withFiles = (text: string) => render(text, { files, page: { title: 'T', widget: 'widgets/box.html' } });

  // The expected text is what Jekyll 4.3's Liquid gives for the same files (before kramdown).
  it("reads src/includes/ with Jekyll's include parameters, nested, as Jekyll does", () => {
    const { text, warnings } = withFiles(
      [
        'A {% assign k = 5 %}{% include note.html who="you \\"x\\"" n=k %}',
        "B {% include outer.html v='V' %} leaked={{ leaked }}",
        "C {% include {{ page.widget }} label='L' %}",
      ].join('\n'),
    );
    expect(text).toBe(['A Hi you "x", n=5, title=T', 'B [(V)|V|<V>] leaked=yes', 'C box L'].join('\n'));
    expect(warnings).toEqual([]);
  });

  it('renders a file name with variables on each use, in a loop', () => {
    const { text } = render('{% for w in page.ws %}{% include {{ w }} label=forloop.index %};{% endfor %}', {
      files,
      page: { ws: ['widgets/box.html', 'inner.html', 'widgets/box.html'] },
    });
    expect(text).toBe('box 1;();box 3;');
  });

  it('reads include_relative beside the post, and relative to the post inside an included file', () => {
    expect(withFiles('D {% include_relative snippet.txt %}').text).toBe('D snippet T inner-part');
  });

  it("keeps Chirpy's embeds first, and reads other embed/ files from src/includes/", () => {
    const { text } = withFiles("{% include embed/youtube.html id='x' %} {% include embed/custom.html id='7' %}");
    expect(text).toContain('src="https://www.youtube.com/embed/x"');
    expect(text).not.toContain('the site-s own youtube embed');
    expect(text).toContain('custom embed 7');
  });

  it('leaves an include found nowhere as written, with the line in the post', () => {
    const { text, warnings } = withFiles('a\n{% include nowhere.html %}\n{% include_relative nowhere.txt %}');
    expect(text).toBe('a\n{% include nowhere.html %}\n{% include_relative nowhere.txt %}');
    expect(warnings).toEqual([
      { line: 2, text: '{% include nowhere.html %}' },
      { line: 3, text: '{% include_relative nowhere.txt %}' },
    ]);
  });

  it('names the included file and its line for an error inside it, at the line of the include', () => {
    try {
      withFiles('one\ntwo\n{% include broken.html %}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LiquidSyntaxError);
      expect((error as LiquidSyntaxError).line).toBe(3);
      expect((error as Error).message).toMatch(/unknown tag "frob".*\(in src\/includes\/broken\.html:2\)/);
    }
  });

  it('reads no file without a project (the unit context has none)', () => {
    expect(render('{% include note.html %}').text).toBe('{% include note.html %}');
  });
});

describe("Jekyll 4's tags and filters, and no others", () => {
  it('has ifchanged, and h as escape (Liquid 4)', () => {
    expect(render('{% for i in (1..4) %}{% ifchanged %}{{ i | at_most: 2 }}{% endifchanged %}{% endfor %}').text).toBe(
      '12',
    );
    expect(render('{{ "<a>" | h }}').text).toBe('&lt;a&gt;');
  });

  it('keeps the input of a filter Jekyll does not have, as Liquid 4 does (LiquidJS-only ones included)', () => {
    expect(
      render('{{ "abc" | nofilter }} {{ "x" | upcase | nofilter | append: "!" }} {{ "x" | nofilter: 1, 2 }}').text,
    ).toBe('abc X! x');
    expect(render('{{ "abc" | base64_encode }} {{ "abc" | sha256 }} {{ "a  b" | squish }}').text).toBe('abc abc a  b');
  });

  it("has Jekyll's URL and text filters", () => {
    expect(render('{{ "/a/index.html" | strip_index }} {{ "a b" | cgi_escape }} {{ "x" | scssify }}').text).toBe(
      '/a/ a+b x',
    );
  });

  it('lists each tag and filter once', () => {
    expect(new Set(LIQUID_TAGS).size).toBe(LIQUID_TAGS.length);
    expect(new Set(LIQUID_FILTERS).size).toBe(LIQUID_FILTERS.length);
  });
});

describe('the corpora under the limits', () => {
  const corpora = [
    join(SHARED_DIR, 'corpus/chirpy-demo'),
    join(SHARED_DIR, 'corpus/seed'),
    'examples/blog/src/content/posts',
  ];
  const posts = corpora.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /^\d{4}-\d\d-\d\d-.*\.(?:md|markdown)$/.test(name))
      .map((name) => join(dir, name)),
  );

  it.each(posts)('%s renders', (path) => {
    const text = readFileSync(path, 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (frontmatter && /^render_with_liquid:\s*(?:false|no|off)\s*$/m.test(frontmatter[1]!)) return;
    const body = frontmatter ? text.slice(frontmatter[0].length) : text;
    expect(() => render(body, { page: { title: 'T' } })).not.toThrow();
  });

  it('renders the largest corpus post, which turns Liquid off, with Liquid too (its highlight tag aside)', () => {
    const text = readFileSync(join(SHARED_DIR, 'corpus/chirpy-demo/2019-08-08-write-a-new-post.md'), 'utf8');
    const body = text.slice(text.indexOf('\n---\n') + 5).replace('`{% highlight %}`', '`highlight`');
    const { text: rendered, warnings } = render(body);
    expect(rendered).toContain("{% include embed/{Platform}.html id='{ID}' %}");
    expect(warnings.map((warning) => warning.text)).toEqual(["{% include embed/{Platform}.html id='{ID}' %}"]);
  });

  it('renders a post with far more Liquid than any real one: a 1,000-row table from 1,000 items', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ name: `Item ${i}`, cat: `c${i % 10}`, n: i }));
    const body = [
      'Lorem ipsum dolor sit amet. '.repeat(1000),
      '{% assign sorted = page.items | sort: "n" %}{% assign c3 = page.items | where: "cat", "c3" | map: "name" | join: ", " %}',
      '| # | Name | Cat | Slug |',
      '|---|------|-----|------|',
      '{% for it in sorted %}{% capture row %}{{ forloop.index }}{% endcapture %}{% if it.n > 500 %}{% assign tag = "big" %}{% else %}{% assign tag = "small" %}{% endif %}| {{ row }} | {{ it.name | upcase | truncate: 20 }} | {{ it.cat | append: "-" | append: tag }} | {{ it.name | slugify | relative_url }} |',
      '{% endfor %}',
      '{{ c3 | size }} {{ page.items | map: "cat" | uniq | join: "," }}',
    ].join('\n');
    const { text } = render(body, { page: { title: 'T', items } });
    expect(text).toContain('| 1000 | ITEM 999 | c9-big | /item-999 |');
  });
});

describe('inline attribute lists', () => {
  it('reads classes, ids and attributes in every quoting style', () => {
    expect(parseIal(" file='_sass/main.scss' .nolineno ")).toEqual({
      classes: ['nolineno'],
      attributes: { file: '_sass/main.scss' },
    });
    expect(parseIal('width="500" .shadow')).toEqual({ classes: ['shadow'], attributes: { width: '500' } });
    expect(parseIal(" data-toc-skip='' .mt-4 #top w=100")).toEqual({
      classes: ['mt-4'],
      id: 'top',
      attributes: { 'data-toc-skip': '', w: '100' },
    });
  });
});
