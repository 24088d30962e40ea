/**
 * A post cannot take over a page: `redirect_from` onto any URL the site already serves (a theme
 * page or feed, a page of the site's own, a `public/` file, a folder of the build) stops the build
 * naming the post and the URL, where it used to overwrite the page silently (or crash naming
 * nothing, for `/feed.xml`).
 */
import { describe, expect, it } from 'vitest';
import { occupantOf, routeFile, servedFiles } from '../../packages/theme/src/utils/redirects.ts';
import { buildFailure, post } from '../helpers/site.ts';

describe('what a redirect page may not replace', () => {
  const served = servedFiles(
    [
      { path: '/', kind: 'page', origin: 'integration' },
      { path: '/404', kind: 'page', origin: 'integration' },
      { path: '/ko/404', kind: 'page', origin: 'integration' },
      { path: '/tags', kind: 'page', origin: 'integration' },
      { path: '/feed.xml', kind: 'endpoint', origin: 'integration' },
      { path: '/about', kind: 'page', origin: 'project' },
    ],
    ['robots.txt', 'google1234.html', 'assets/img/a.png'],
    ['_astro', 'pagefind'],
  );

  it('writes fixed routes where Astro writes them', () => {
    expect(routeFile({ path: '/', kind: 'page' })).toBe('index.html');
    expect(routeFile({ path: '/tags', kind: 'page' })).toBe('tags/index.html');
    expect(routeFile({ path: '/404', kind: 'page' })).toBe('404.html');
    expect(routeFile({ path: '/ko/404', kind: 'page' })).toBe('ko/404.html');
    expect(routeFile({ path: '/feed.xml', kind: 'endpoint' })).toBe('feed.xml');
  });

  it.each([
    ['index.html', "the theme's page /"],
    ['404.html', "the theme's page /404"],
    ['ko/404.html', "the theme's page /ko/404"],
    ['tags/index.html', "the theme's page /tags"],
    ['feed.xml/index.html', "the theme's file /feed.xml"],
    ['about/index.html', "the site's own page /about"],
    ['robots.txt/index.html', 'public/robots.txt'],
    ['google1234.html', 'public/google1234.html'],
    ['assets/img/a.png/index.html', 'public/assets/img/a.png'],
    ['_astro/x/index.html', "the build's _astro folder"],
    ['pagefind/index.html', "the build's pagefind folder"],
  ])('%s is taken by %s', (file, occupant) => {
    expect(occupantOf(file, served)).toBe(occupant);
  });

  it.each(['old/index.html', 'tags/old/index.html', 'assets/index.html', '2019/01/old.html'])('%s is free', (file) => {
    expect(occupantOf(file, served)).toBeUndefined();
  });
});

describe('redirect_from onto a served URL stops the build', () => {
  const mover = (from: string) => post({ title: 'Mover', redirect_from: `[${JSON.stringify(from)}]` });

  it.each([
    ['/', "the theme's page /"],
    ['/feed.xml', "the theme's file /feed.xml"],
    ['/search/', "the theme's page /search"],
  ])('%s', async (from, occupant) => {
    const message = await buildFailure(`takeover-${from.replace(/\W/g, '') || 'home'}`, {
      posts: { '2024-01-01-mover.md': mover(from) },
    });
    expect(message).toContain(`src/content/posts/2024-01-01-mover.md redirects from ${from}, where ${occupant}`);
  });

  it("a tag's page, the site's own page and a public file", async () => {
    const tag = await buildFailure('takeover-tag', {
      posts: {
        '2024-01-01-tagged.md': post({ title: 'Tagged', tags: '[news]' }),
        '2024-01-02-mover.md': mover('/tags/news/'),
      },
    });
    expect(tag).toContain('2024-01-02-mover.md redirects from /tags/news/, where the page of news is published');
    const own = await buildFailure('takeover-own', {
      posts: { '2024-01-01-mover.md': mover('/about/') },
      files: {
        'src/pages/about.astro': '<p>About</p>\n',
        'public/google1234.html': 'google-site-verification: google1234.html\n',
      },
    });
    expect(own).toContain("redirects from /about/, where the site's own page /about is published");
    const file = await buildFailure('takeover-public', {
      posts: { '2024-01-01-mover.md': mover('/google1234.html') },
      files: { 'public/google1234.html': 'google-site-verification: google1234.html\n' },
    });
    expect(file).toContain('redirects from /google1234.html, where public/google1234.html is published');
  });
});
