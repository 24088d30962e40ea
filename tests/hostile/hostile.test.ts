/**
 * Input that tries to break the theme: markup and script in every field, a byte-order mark,
 * CRLF line endings, empty posts, 500 tags, Korean file names written NFC and NFD. Each post
 * renders escaped, or the build stops naming the file; nothing published goes missing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildFailure, buildSite, post, type BuiltSite } from '../helpers/site.ts';

const PAYLOAD = `<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>`;
const yamlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
const KOREAN = '회고';

describe('hostile input', () => {
  let site: BuiltSite;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildSite('hostile', {
      posts: {
        '2024-01-01-payload.md': post(
          [
            `title: ${yamlString(`Title ${PAYLOAD}`)}`,
            `description: ${yamlString(`Description ${PAYLOAD}`)}`,
            `categories: [${yamlString(`Cat ${PAYLOAD}`)}]`,
            `tags: [${yamlString(`Tag ${PAYLOAD}`)}]`,
            `author: ${yamlString(`Author ${PAYLOAD}`)}`,
          ].join('\n'),
          `![Alt ${PAYLOAD.replace(/[[\]]/g, '')}](/a.png)\n\nBody.`,
        ),
        '2024-01-02-bom.md': `\uFEFF${post({ title: 'With a byte-order mark' }, 'BOM body.')}`,
        '2024-01-03-crlf.md': post({ title: 'CRLF line endings', tags: '[crlf]' }, 'Line one.\n\nLine two.').replace(
          /\n/g,
          '\r\n',
        ),
        '2024-01-04-empty.md': '',
        '2024-01-05-front-matter-only.md': '---\ntitle: Only front matter\n---\n',
        '2024-01-06-many-tags.md': post({
          title: 'Five hundred tags',
          tags: `[${Array.from({ length: 500 }, (_, i) => `t${i}`).join(', ')}]`,
        }),
        '2024-01-06-fifty-tags.md': post({
          title: 'Fifty tags',
          tags: `[${Array.from({ length: 50 }, (_, i) => `f${i}`).join(', ')}]`,
        }),
        [`2024-01-07-${KOREAN.normalize('NFD')}.md`]: post({ title: 'Written by macOS (NFD)' }),
      },
      options: { feed: { limit: 0 } },
    });
    server = await serve(site.dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no injected script on any page that shows the text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of [
      '/',
      '/posts/payload/',
      '/archives/',
      '/tags/',
      '/categories/',
      `/tags/${encodeURIComponent('tag-img-src-x-onerror-window-pwned-1-script-script-window-pwned-2-script')}/`,
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate('window.__pwned'), path).toBeUndefined();
    }
    // The search index holds the same text; its results render it as text too.
    await page.goto(`${server.url}/search/?q=Body`);
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').allTextContents()).toContain(`Title ${PAYLOAD}`);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows the text as written, escaped in HTML, attributes and JSON-LD', () => {
    const page = site.html('/posts/payload/');
    expect(page.querySelector('h1')!.text).toBe(`Title ${PAYLOAD}`);
    expect(page.querySelector('.post-desc')!.text).toBe(`Description ${PAYLOAD}`);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(`Description ${PAYLOAD}`);
    expect(page.querySelector('.post-tags a')!.text).toBe(`Tag ${PAYLOAD}`);
    expect(page.querySelector('.post-categories a')!.text).toBe(`Cat ${PAYLOAD}`);
    expect(page.querySelector('.author')!.text).toContain(`Author ${PAYLOAD}`);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(jsonLd.headline).toBe(`Title ${PAYLOAD}`);
    const img = page.querySelector('.content img')!;
    expect(img.getAttribute('onerror')).toBeUndefined();
    expect(page.querySelectorAll('img').filter((i) => i.getAttribute('src') === 'x')).toEqual([]);
  });

  it('keeps the feed well-formed with the text intact', () => {
    const xml = site.read('/feed.xml');
    expect(xml).toContain('<title>Title &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
  });

  it('reads a byte-order mark, CRLF line endings, empty posts and 500 tags', () => {
    expect(site.html('/posts/bom/').querySelector('h1')!.text).toBe('With a byte-order mark');
    expect(site.html('/posts/crlf/').querySelector('h1')!.text).toBe('CRLF line endings');
    expect(
      site
        .html('/posts/crlf/')
        .querySelectorAll('.content p')
        .map((p) => p.text),
    ).toEqual(['Line one.', 'Line two.']);
    expect(site.html('/posts/empty/').querySelector('h1')!.text).toBe('Empty');
    expect(site.html('/posts/front-matter-only/').querySelector('h1')!.text).toBe('Only front matter');
    expect(site.html('/posts/many-tags/').querySelectorAll('.post-tags a')).toHaveLength(500);
    expect(site.exists('/tags/t499/')).toBe(true);
  });

  it("writes feeds that grow linearly with a post's tags, not with their square", () => {
    const feedBytes = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => site.read(`/tags/${prefix}${i}/feed.xml`).length).reduce((a, b) => a + b);
    // Ten times the tags: ten times the feeds, each of the same size (naming every tag in every
    // feed made it a hundred times).
    const ratio = feedBytes('t', 500) / feedBytes('f', 50);
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(12);
    const item = site.read('/tags/t250/feed.xml');
    expect([...item.matchAll(/<category>/g)]).toHaveLength(32);
    expect(item).toContain('<category>t250</category>');
    // The site feed names every tag of the post, once.
    expect([...site.read('/feed.xml').matchAll(/<category>t\d+<\/category>/g)]).toHaveLength(500);
  });

  it('publishes a Korean file name written NFD (as macOS writes it) at the NFC URL', () => {
    expect(site.exists(`/posts/${KOREAN.normalize('NFC')}/`)).toBe(true);
    expect(
      site
        .html('/archives/')
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    ).toContain(encodeURI(`/posts/${KOREAN.normalize('NFC')}/`));
  });

  it('misses no published post: archives, sitemap, search pages and feed list the same set as the files', () => {
    const expected = ['payload', 'bom', 'crlf', 'empty', 'front-matter-only', 'many-tags', 'fifty-tags', KOREAN]
      .map((slug) => encodeURI(`/posts/${slug}/`))
      .sort();
    const archives = site
      .html('/archives/')
      .querySelectorAll('#archives a')
      .map((a) => a.getAttribute('href')!)
      .sort();
    const sitemap = [...site.read('/sitemap-0.xml').matchAll(/<loc>https:\/\/example\.com(\/posts\/[^<]*)<\/loc>/g)]
      .map((m) => m[1]!)
      .sort();
    const feed = [...site.read('/feed.xml').matchAll(/<link>https:\/\/example\.com(\/posts\/[^<]*)<\/link>/g)]
      .map((m) => m[1]!)
      .sort();
    const indexed = site
      .files()
      .filter((file) => /^posts\/.+\/index\.html$/.test(file) && site.read(`/${file}`).includes('data-pagefind-body'))
      .map((file) => encodeURI(`/${file.replace(/index\.html$/, '')}`))
      .sort();
    expect(archives).toEqual(expected);
    expect(sitemap).toEqual(expected);
    expect(feed).toEqual(expected);
    expect(indexed).toEqual(expected);
  });
});

describe('hostile input that stops the build', () => {
  it('names the file with invalid YAML, in Markdown and MDX posts', async () => {
    const message = await buildFailure('hostile-yaml', {
      posts: { '2024-01-01-broken.md': '---\ntitle: [unclosed\ndate: 2024-01-01\n---\n\nBody.\n' },
    });
    const mdx = await buildFailure('hostile-yaml-mdx', {
      posts: { '2024-01-01-broken.mdx': '---\ntitle: [unclosed\n---\n\nBody.\n' },
    });
    expect(mdx).toContain('src/content/posts/2024-01-01-broken.mdx: the front matter is not valid YAML.');
    expect(message).toContain('src/content/posts/2024-01-01-broken.md: the front matter is not valid YAML.');
    expect(message).toContain('missed comma between flow collection entries');
  });

  it('stops when two posts differ only by Unicode normalization, naming both', async () => {
    const message = await buildFailure('hostile-nfc', {
      posts: {
        [`2024-01-01-${KOREAN.normalize('NFC')}.md`]: post({ title: 'NFC' }),
        [`nfd/2024-02-02-${KOREAN.normalize('NFD')}.md`]: post({ title: 'NFD' }),
      },
    });
    expect(message).toMatch(/Two posts would share the URL \/posts\/회고\//);
    expect(message).toContain(join('src/content/posts', `2024-01-01-${KOREAN.normalize('NFC')}.md`));
  });
});
