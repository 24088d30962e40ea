import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  categoryUrl,
  feedUrl,
  homeUrl,
  pageUrl,
  postUrl,
  tagUrl,
  termFeedUrl,
} from '../../../packages/theme/src/data/urls.ts';

describe('the theme URLs of a site under /blog/', () => {
  it('puts every page under the base, encoded as Jekyll writes paths', () => {
    expect(homeUrl()).toBe('/blog/');
    expect(homeUrl(2)).toBe('/blog/page2/');
    expect(postUrl('모델-설정')).toBe('/blog/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
    expect(postUrl("C++-it's")).toBe("/blog/posts/C++-it's/");
    expect(categoryUrl('Machine Learning')).toBe('/blog/categories/machine-learning/');
    expect(tagUrl('딥러닝')).toBe('/blog/tags/%EB%94%A5%EB%9F%AC%EB%8B%9D/');
    expect(feedUrl()).toBe('/blog/feed.xml');
    expect(termFeedUrl('tags', 'ml')).toBe('/blog/tags/ml/feed.xml');
  });

  it('makes absolute URLs on the site, and none without one', () => {
    const site = new URL('https://example.com/');
    expect(absoluteUrl(postUrl('a'), site)).toBe('https://example.com/blog/posts/a/');
    expect(absoluteUrl(postUrl('a'), undefined)).toBe('/blog/posts/a/');
    expect(pageUrl(new URL('http://localhost/blog/posts/a/'), site)).toBe('https://example.com/blog/posts/a/');
    expect(pageUrl(new URL('http://localhost/blog/posts/a/'), undefined)).toBeUndefined();
  });
});
