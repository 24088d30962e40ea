import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { getSiteData } from '../../../packages/theme/src/data/site.ts';
import { feedResponse } from '../../../packages/theme/src/feed/rss.ts';

async function feed(): Promise<string> {
  const { posts } = await getSiteData();
  const response = await feedResponse({
    title: '수학 & <블로그>',
    description: 'Notes',
    path: '/feed.xml',
    posts,
    site: new URL('https://example.com/'),
  });
  return new TextDecoder().decode(await response.arrayBuffer());
}

describe('the feed of a Korean blog under /blog/', () => {
  it('links every post absolutely under the base, with dates in the site timezone', async () => {
    const xml = await feed();
    const items = parse(xml, { parseNoneClosedTags: true }).querySelectorAll('item');
    expect(items).toHaveLength(2);
    expect(xml).toContain('<link>https://example.com/blog/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/</link>');
    expect(xml).toContain('<pubDate>Tue, 05 Mar 2024 08:30:00 +0900</pubDate>');
    expect(xml).toContain('<atom:link href="https://example.com/blog/feed.xml" rel="self"');
    expect(xml).toContain('<language>ko-KR</language>');
  });

  it('escapes titles, and makes the full-text content absolute', async () => {
    const xml = await feed();
    expect(xml).toContain('<title>모델 설정 &amp; &lt;튜닝&gt;</title>');
    expect(xml).toContain('<title>수학 &amp; &lt;블로그&gt;</title>');
    // The post's HTML is XML-escaped once inside content:encoded.
    expect(xml).toContain('href=&quot;https://example.com/blog/posts/other/&quot;');
    expect(xml).toContain('src=&quot;https://example.com/blog/img/a.png&quot;');
    expect(xml).toContain('<dc:creator>kim</dc:creator>');
    expect(xml).toContain('<dc:creator>Site Owner</dc:creator>');
  });
});
