import { describe, expect, it } from 'vitest';
import { renderLiquid, type LiquidContext } from 'astro-theme-chirpy/markdown/liquid.ts';
import { parseIal } from 'astro-theme-chirpy/markdown/ial.ts';

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

  it('leaves anything else as written and reports it with its line', () => {
    const { text, warnings } = render('line 1\n{{ page.title }}\n\n{% include other.html %} and {% capture x %}');
    expect(text).toBe('line 1\n{{ page.title }}\n\n{% include other.html %} and {% capture x %}');
    expect(warnings).toEqual([
      { line: 2, text: '{{ page.title }}' },
      { line: 4, text: '{% include other.html %}' },
      { line: 4, text: '{% capture x %}' },
    ]);
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
