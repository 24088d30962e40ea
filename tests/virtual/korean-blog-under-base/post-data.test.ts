import { describe, expect, it } from 'vitest';
import { getSiteData } from '../../../packages/theme/src/data/site.ts';
import { getPostPageData, postSummary, updatedDate } from '../../../packages/theme/src/data/post-page.ts';
import { formatDate } from '../../../packages/theme/src/data/i18n.ts';

describe("a post's data, as the pages read it", () => {
  it('reads dates without an offset in the site timezone, and shows them there', async () => {
    const { posts } = await getSiteData();
    const korean = posts.find((post) => post.id === '모델-설정')!;
    expect(korean.data.date.toISOString()).toBe('2024-03-04T23:30:00.000Z');
    expect(formatDate(korean.data.date, 'ko-KR')).toBe('2024. 3. 5.');
    expect(formatDate(korean.data.date, 'en')).toBe('Mar 5, 2024');
  });

  it('orders posts newest first and summarises them by description, else excerpt', async () => {
    const { posts } = await getSiteData();
    expect(posts.map((post) => post.id)).toEqual(['모델-설정', 'plain']);
    expect(await postSummary(posts[0]!)).toBe('본문 다른 글');
    expect(await postSummary(posts[1]!)).toBe('A post with a description');
    expect(updatedDate(posts[1]!)?.toISOString()).toBe('2024-04-01T12:00:00.000Z');
    expect(updatedDate(posts[0]!)).toBeUndefined();
  });

  it('looks authors up in the authors option, and falls back to the site author', async () => {
    const { posts } = await getSiteData();
    const current = new URL('http://localhost/blog/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
    const data = await getPostPageData(posts[0]!, { headings: [], current, site: new URL('https://example.com') });
    expect(data.authors).toEqual([{ name: '김철수', url: 'https://kim.example/', twitter: 'kim' }]);
    expect(data.absoluteUrl).toBe('https://example.com/blog/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
    expect(data.page.locale).toBe('ko-KR');
    expect(data.older?.id).toBe('plain');
    const plain = await getPostPageData(posts[1]!, { headings: [], current, site: undefined });
    expect(plain.authors).toEqual([{ name: 'Site Owner' }]);
    expect(plain.absoluteUrl).toBe(current.href);
  });
});
