import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  basePrefix,
  postPageFile,
  postPath,
  themeUrls,
  withBase,
} from '../../packages/theme/src/utils/urls.ts';

describe('the base prefix', () => {
  it('is empty at the root and has no trailing slash otherwise, however the base is written', () => {
    expect(basePrefix('/')).toBe('');
    expect(basePrefix(undefined)).toBe('');
    expect(basePrefix('/blog')).toBe('/blog');
    expect(basePrefix('/blog/')).toBe('/blog');
    expect(withBase('/posts/a/', '/blog/')).toBe('/blog/posts/a/');
    expect(withBase('/posts/a/', '/')).toBe('/posts/a/');
  });
});

describe('post paths', () => {
  it("are Chirpy's /posts/<slug>/, unencoded as Jekyll's page.url, and the page file under them", () => {
    expect(postPath('모델-설정')).toBe('/posts/모델-설정/');
    expect(postPageFile('a')).toBe('posts/a/index.html');
  });
});

describe('theme URLs', () => {
  const urls = themeUrls('/blog/');
  it('encode every path as Jekyll writes it, under the base', () => {
    expect(urls.post('모델-설정')).toBe('/blog/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
    expect(urls.category('C# & .NET')).toBe('/blog/categories/c-net/');
    expect(urls.tag('Deep Learning')).toBe('/blog/tags/deep-learning/');
    expect(urls.home(1)).toBe('/blog/');
    expect(urls.home(3)).toBe('/blog/page3/');
    expect(urls.termFeed('categories', 'ai')).toBe('/blog/categories/ai/feed.xml');
    expect(themeUrls('/').archives()).toBe('/archives/');
  });

  it('are made absolute on the site, and left as paths without one', () => {
    expect(absoluteUrl('/blog/posts/a/', new URL('https://example.com'))).toBe('https://example.com/blog/posts/a/');
    expect(absoluteUrl('/blog/posts/a/', 'https://example.com/x/')).toBe('https://example.com/blog/posts/a/');
    expect(absoluteUrl('/blog/posts/a/', undefined)).toBe('/blog/posts/a/');
  });
});
