/**
 * What search engines and social sites read: titles, descriptions, canonical URLs encoded as
 * Chirpy encodes them, social cards, JSON-LD that user text cannot break, the sitemap with
 * lastmod, robots.txt, favicon and manifest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const HOSTILE = 'Break </script><script>alert(1)</script> & "out"';

describe('SEO', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('seo', {
      posts: {
        '2024-01-01-hello.md': post(
          {
            title: 'Hello',
            description: 'A greeting.',
            date: '2024-01-01 10:00:00 +0900',
            last_modified_at: '2024-03-05 08:00:00 +0900',
            author: 'jane',
            media_subpath: '/posts/hello',
            image: '{ path: cover.png, alt: Cover }',
          },
          'Body.',
        ),
        '2024-01-02-모델 설정.md': post(
          { title: '모델 설정', categories: '[AI]', tags: '[ml]', redirect_from: '[/old/]' },
          '본문.',
        ),
        '2024-01-03-hostile.md': post(
          { title: JSON.stringify(HOSTILE), description: JSON.stringify(HOSTILE) },
          'Text.',
        ),
      },
      options: {
        timezone: 'Asia/Seoul',
        tagline: 'Notes',
        description: 'A site about things.',
        cdn: 'https://cdn.example.com',
        socialImage: '/social.png',
      },
    });
  });

  it('titles pages "{page} | {site}" and the home page "{site} | {tagline}"', () => {
    expect(site.html('/posts/hello/').querySelector('title')!.text).toBe('Hello | Test Blog');
    expect(site.html('/').querySelector('title')!.text).toBe('Test Blog | Notes');
  });

  it("writes canonical URLs with Chirpy's encoding", () => {
    expect(site.html('/posts/모델-설정/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://example.com/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/',
    );
    expect(site.html('/tags/ml/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://example.com/tags/ml/',
    );
  });

  it('fills Open Graph and Twitter cards, with the preview image through cdn and media_subpath', () => {
    const page = site.html('/posts/hello/');
    const meta = (selector: string) => page.querySelector(selector)!.getAttribute('content');
    expect(meta('meta[property="og:title"]')).toBe('Hello');
    expect(meta('meta[property="og:description"]')).toBe('A greeting.');
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:url"]')).toBe('https://example.com/posts/hello/');
    expect(meta('meta[property="og:image"]')).toBe('https://cdn.example.com/posts/hello/cover.png');
    expect(meta('meta[property="article:published_time"]')).toBe('2024-01-01T01:00:00.000Z');
    expect(meta('meta[property="article:modified_time"]')).toBe('2024-03-04T23:00:00.000Z');
    expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(meta('meta[name="twitter:image"]')).toBe('https://cdn.example.com/posts/hello/cover.png');
  });

  it('falls back to the site social image', () => {
    expect(site.html('/').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(
      'https://cdn.example.com/social.png',
    );
  });

  it('describes posts as BlogPosting and the home page as WebSite in JSON-LD', () => {
    const data = JSON.parse(site.html('/posts/hello/').querySelector('script[type="application/ld+json"]')!.text);
    expect(data).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Hello',
      datePublished: '2024-01-01T01:00:00.000Z',
      dateModified: '2024-03-04T23:00:00.000Z',
      author: [{ '@type': 'Person', name: 'jane' }],
      url: 'https://example.com/posts/hello/',
    });
    const home = JSON.parse(site.html('/').querySelector('script[type="application/ld+json"]')!.text);
    expect(home).toMatchObject({ '@type': 'WebSite', name: 'Test Blog', url: 'https://example.com/' });
  });

  it('keeps user text inside its JSON-LD script', () => {
    const html = site.read('/posts/hostile/');
    const start = html.indexOf('<script type="application/ld+json">');
    const end = html.indexOf('</script>', start);
    const json = html.slice(start + '<script type="application/ld+json">'.length, end);
    expect(JSON.parse(json).headline).toBe(HOSTILE);
    // The text shows up in attributes and text, never as markup: the only scripts are the theme's.
    const scripts = site.html('/posts/hostile/').querySelectorAll('script');
    expect(
      scripts.filter(
        (script) => script.getAttribute('type') !== 'application/ld+json' && script.text.includes('alert'),
      ),
    ).toEqual([]);
    expect(scripts.map((script) => script.getAttribute('type') ?? 'inline')).toEqual([
      'application/ld+json',
      'inline',
      'inline',
      'inline',
    ]);
  });

  it('lists every page in /sitemap.xml with lastmod for posts, and no redirect pages', () => {
    expect(site.read('/sitemap.xml')).toContain('<loc>https://example.com/sitemap-0.xml</loc>');
    const urls = site.read('/sitemap-0.xml');
    expect(urls).toContain(
      '<url><loc>https://example.com/posts/hello/</loc><lastmod>2024-03-04T23:00:00.000Z</lastmod></url>',
    );
    expect(urls).toContain('<loc>https://example.com/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/</loc><lastmod>');
    for (const path of ['/', '/archives/', '/categories/', '/categories/ai/', '/tags/', '/tags/ml/']) {
      expect(urls, path).toContain(`<loc>https://example.com${path}</loc>`);
    }
    expect(urls).not.toContain('https://example.com/old/');
  });

  it("leaves mermaid's bundle out of a site whose posts draw no diagram, though the package is installed", () => {
    expect(site.files().filter((file) => /mermaid/i.test(file))).toEqual([]);
  });

  it('writes robots.txt naming the sitemap, a favicon and a web manifest', () => {
    expect(site.read('/robots.txt')).toBe(
      'User-agent: *\nDisallow: /norobots/\n\nSitemap: https://example.com/sitemap.xml\n',
    );
    expect(site.read('/favicon.svg')).toMatch(/^<svg[^>]*>.*>T<\/text><\/svg>$/);
    const manifest = JSON.parse(site.read('/site.webmanifest'));
    expect(manifest).toMatchObject({ name: 'Test Blog', start_url: '/', icons: [{ src: '/favicon.svg' }] });
    const head = site.html('/');
    expect(head.querySelector('link[rel="icon"]')!.getAttribute('href')).toBe('/favicon.svg');
    expect(head.querySelector('link[rel="manifest"]')!.getAttribute('href')).toBe('/site.webmanifest');
  });

  it('offers share links for the default platforms and a copy-link button, loading nothing until clicked', () => {
    const share = site.html('/posts/hello/').querySelector('.share')!;
    const links = share.querySelectorAll('a.share-link').map((a) => [a.text, a.getAttribute('href')]);
    const text = encodeURIComponent('Hello - Test Blog');
    const url = encodeURIComponent('https://example.com/posts/hello/');
    expect(links).toEqual([
      ['X (Twitter)', `https://twitter.com/intent/tweet?text=${text}&url=${url}`],
      ['Facebook', `https://www.facebook.com/sharer/sharer.php?title=${text}&u=${url}`],
      ['Telegram', `https://t.me/share/url?url=${url}&text=${text}`],
    ]);
    expect(share.querySelector('button.share-copy')!.getAttribute('data-url')).toBe('https://example.com/posts/hello/');
    expect(site.html('/posts/hello/').querySelector('.license a')!.getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
  });
});
