import { describe, expect, it } from 'vitest';
import { feedHtml } from '../../packages/theme/src/feed/feed-html.ts';
import { escapeXml, rfc822, xmlSafe } from '../../packages/theme/src/feed/xml-text.ts';

const PAGE = 'https://example.com/posts/%ED%95%9C%EA%B8%80/';

describe('feed HTML', () => {
  it('makes every link and image URL absolute', () => {
    const html = feedHtml(
      '<p><a href="/posts/other/">a</a> <a href="#note">b</a> <a href="https://x.org/">c</a> <img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x"> <img src="rel.png"></p>',
      PAGE,
    );
    expect(html).toContain('href="https://example.com/posts/other/"');
    expect(html).toContain(`href="${PAGE}#note"`);
    expect(html).toContain('href="https://x.org/"');
    expect(html).toContain('src="https://example.com/img/a.png"');
    expect(html).toContain('srcset="https://example.com/img/a.png 1x, https://example.com/img/b.png 2x"');
    expect(html).toContain(`src="${PAGE}rel.png"`);
  });

  it("keeps KaTeX's MathML and drops its CSS-only HTML copy", () => {
    const katex =
      '<p>x <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mi>a</mi><annotation encoding="application/x-tex">a</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">a</span></span></span></p>' +
      '<span class="katex-display"><span class="katex"><span class="katex-mathml"><math><mi>b</mi></math></span><span class="katex-html">b</span></span></span>';
    const html = feedHtml(katex, PAGE);
    expect(html).not.toContain('katex-html');
    expect(html).not.toContain('class="base"');
    expect(html).toMatch(/<p>x <math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics><mi>a<\/mi>/);
    expect(html).toContain('<math display="block"><mi>b</mi></math>');
  });

  it('drops page chrome and keeps code as plain text', () => {
    const html = feedHtml(
      '<h2 id="x">Title<a class="anchor" href="#x">#</a></h2><div class="code-block"><div class="code-header"><span>JS</span><button>copy</button></div><pre class="astro-code" data-language="js"><code><span style="--shiki-light:#000">a &lt; b</span></code></pre></div><script>alert(1)</script>',
      PAGE,
    );
    expect(html).toBe(
      '<h2 id="x">Title</h2><div class="code-block"><pre><code class="language-js">a &#x3C; b</code></pre></div>',
    );
  });

  it('removes characters XML cannot carry', () => {
    expect(feedHtml('<p>a\u0001b\u0007c\u000Bd 🎉 한글</p>', PAGE)).toBe('<p>abcd 🎉 한글</p>');
  });
});

describe('XML text', () => {
  it('removes control characters and lone surrogates, keeps tabs, newlines, emoji and Hangul', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\ne\rf\uFFFEg\uD800h🎉한')).toBe('abc\td\ne\rfgh🎉한');
  });

  it('escapes markup', () => {
    expect(escapeXml(`Tom & "Jerry" <b>]]></b> 'x'`)).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt;]]&gt;&lt;/b&gt; &apos;x&apos;',
    );
  });

  it('writes RFC 822 dates with the site offset', () => {
    const date = new Date('2021-04-30T08:31:00Z');
    expect(rfc822(date, 'Asia/Seoul')).toBe('Fri, 30 Apr 2021 17:31:00 +0900');
    expect(rfc822(date, 'UTC')).toBe('Fri, 30 Apr 2021 08:31:00 +0000');
    expect(rfc822(date, 'America/New_York')).toBe('Fri, 30 Apr 2021 04:31:00 -0400');
    expect(rfc822(date, 'Asia/Kolkata')).toBe('Fri, 30 Apr 2021 14:01:00 +0530');
  });
});
