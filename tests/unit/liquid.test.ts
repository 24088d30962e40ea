import { describe, expect, it } from 'vitest';
import { LiquidSyntaxError, renderLiquid, type LiquidContext } from '../../packages/theme/src/markdown/liquid.ts';
import { parseIal } from '../../packages/theme/src/markdown/ial.ts';

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
    expect(() => render('a\n{% unknowntag %}')).toThrow(/tag "unknowntag" not found/);
    expect(() => render('{% capture x %}never closed')).toThrow(/not closed/);
    expect(() => render('a\nb\n{% post_url 2099-01-01-nothing %}')).toThrow(LiquidSyntaxError);
    try {
      render('a\nb\n{% post_url 2099-01-01-nothing %}');
    } catch (error) {
      expect((error as LiquidSyntaxError).line).toBe(3);
    }
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
