/**
 * Search through Pagefind: the index built with the site holds every published post and no
 * draft, and English and Korean words find their posts through Pagefind's own API, run in
 * Chromium against the built site served over HTTP.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

describe('search', () => {
  let site: BuiltSite;
  let server: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await buildSite('search', {
      posts: {
        '2024-01-01-english.md': post(
          { title: 'Quaternion notes' },
          'Every post says zebracorn. Rotations with quaternions are smooth.',
        ),
        '2024-01-02-한국어.md': post(
          { title: '고유값 정리', lang: 'ko-KR' },
          'Every post says zebracorn. 고유벡터와 고유값을 정리합니다.',
        ),
        '2024-01-03-third.md': post({ title: 'Third' }, 'Every post says zebracorn.'),
        '2024-01-04-draft.md': post(
          { title: 'Draft', published: false },
          'Every post says zebracorn. Secret word xylophonist.',
        ),
      },
    });
    server = await serve(site.dist);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A string, so that vitest leaves the browser's own `import()` alone.
  const search = (query: string): Promise<{ url: string; title: string; date: string; excerpt: string }[]> =>
    page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search(${JSON.stringify(query)});
      const data = await Promise.all(found.results.map((result) => result.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title, date: d.meta.date, excerpt: d.excerpt }));
    })()`);

  it('writes the index with the site', () => {
    expect(existsSync(join(site.dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(site.logs).toMatch(/Search: index written to pagefind\/ \(3 post pages read\)/);
  });

  it('holds every published post and no draft', async () => {
    const all = await search('zebracorn');
    expect(all.map((r) => r.url).sort()).toEqual(
      ['/posts/english/', '/posts/third/', '/posts/한국어/'].map(encodeURI).sort(),
    );
    expect(await search('xylophonist')).toEqual([]);
  });

  it('finds an English word, with title, excerpt and date', async () => {
    const [result, ...rest] = await search('quaternions');
    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      url: '/posts/english/',
      title: 'Quaternion notes',
      date: '2024-01-01T00:00:00+00:00',
    });
    expect(result!.excerpt).toContain('<mark>quaternions</mark>');
  });

  it('finds a Korean word from the same search page', async () => {
    const results = await search('고유값을');
    expect(results.map((r) => r.title)).toEqual(['고유값 정리']);
  });

  it('shows results on the search page, from the top bar form', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#topbar-search-input', 'quaternions');
    await page.press('#topbar-search-input', 'Enter');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').allTextContents()).toEqual(['Quaternion notes']);
    expect(page.url()).toBe(`${server.url}/search/?q=quaternions`);
    // One result is "1 post", in the locale's plural form (it said "1 results").
    expect(await page.locator('#search-status').textContent()).toBe('1 post');
    // The note for `astro dev` is not in a built site.
    expect(await page.locator('.search-dev-note').count()).toBe(0);
  });
});

describe('a site under a base path: links, feed and search', () => {
  let site: BuiltSite;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildSite('search-base', {
      posts: { '2024-01-01-한글-노트.md': post({ title: 'Base notes' }, 'Only this post says ocelotfish.') },
      astro: { base: '/blog/' },
    });
    server = await serve(site.dist, '/blog/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts every link, stylesheet and script of the theme under the base path', () => {
    for (const path of ['/', '/posts/한글-노트/', '/search/', '/tags/', '/archives/']) {
      const refs = site
        .html(path)
        .querySelectorAll('[href], [src], [data-index]')
        .map(
          (element) =>
            element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('data-index')!,
        )
        .filter((ref) => ref.startsWith('/'));
      expect(refs.length, path).toBeGreaterThan(5);
      expect(
        refs.filter((ref) => !ref.startsWith('/blog/')),
        path,
      ).toEqual([]);
    }
    expect(site.read('/feed.xml')).toContain('<link>https://example.com/blog/posts/');
  });

  it('links each result under the base path', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/blog/search/?q=ocelotfish`);
    const link = page.locator('#search-results a').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(encodeURI('/blog/posts/한글-노트/'));
    await link.click();
    await page.waitForURL(`**${encodeURI('/blog/posts/한글-노트/')}`);
    expect(await page.locator('h1').first().textContent()).toContain('Base notes');
  });
});
