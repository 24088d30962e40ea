/**
 * The head a Chirpy page has, tag by tag: Chirpy's head comes from jekyll-seo-tag (and
 * jekyll-paginate on the home pages). A minimal Jekyll site with both (tests/oracle/seo-site)
 * builds the same posts with the same settings; every tag it writes must be in the theme's head
 * with the same value, except the deliberate differences listed in the README ("Head tags").
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const run = promisify(execFile);

const POSTS: Record<string, string> = Object.fromEntries(
  [1, 2, 3].map((n) => [
    `2024-01-0${n}-post-${n}.md`,
    post({
      title: `Post ${n}`,
      author: 'jane',
      description: `About post ${n}`,
      date: `2024-01-0${n} 10:00:00 +0000`,
    }),
  ]),
);

/** Tags the theme writes differently on purpose (README, "Head tags"). */
const DELIBERATE: Record<string, string> = {
  generator: 'names the generator that built the page (Astro)',
};

type Tags = Map<string, string>;

function headTags(html: string): Tags {
  const head = parse(html).querySelector('head')!;
  const tags: Tags = new Map();
  for (const meta of head.querySelectorAll('meta[name], meta[property]')) {
    const key = meta.getAttribute('name') ?? meta.getAttribute('property')!;
    if (!tags.has(key)) tags.set(key, meta.getAttribute('content') ?? '');
  }
  for (const link of head.querySelectorAll('link[rel="canonical"], link[rel="prev"], link[rel="next"]')) {
    tags.set(`link:${link.getAttribute('rel')}`, link.getAttribute('href') ?? '');
  }
  if (head.querySelector('script[type="application/ld+json"]')) tags.set('json-ld', 'present');
  return tags;
}

const same = (key: string, a: string, b: string) =>
  key.endsWith('_time') ? new Date(a).getTime() === new Date(b).getTime() : a === b;

function compare(jekyll: Tags, theme: Tags): string[] {
  const problems: string[] = [];
  for (const [key, value] of jekyll) {
    if (key in DELIBERATE) continue;
    if (!theme.has(key)) problems.push(`missing ${key} (Jekyll: ${value})`);
    else if (!same(key, value, theme.get(key)!)) problems.push(`${key}: Jekyll ${value}, theme ${theme.get(key)}`);
  }
  return problems;
}

describe('head tags: jekyll-seo-tag and the theme agree', () => {
  const jekyllDir = join(TESTS_DIR, '.tmp', 'jekyll-seo');
  let site: BuiltSite;
  const jekyll = (path: string) => headTags(readFileSync(join(jekyllDir, 'out', path, 'index.html'), 'utf8'));
  const theme = (path: string) => headTags(site.read(`/${path}${path ? '/' : ''}index.html`.replace('//', '/')));

  beforeAll(async () => {
    rmSync(jekyllDir, { recursive: true, force: true });
    cpSync(join(TESTS_DIR, 'oracle', 'seo-site'), join(jekyllDir, 'src'), { recursive: true });
    mkdirSync(join(jekyllDir, 'src', '_posts'));
    for (const [name, text] of Object.entries(POSTS)) writeFileSync(join(jekyllDir, 'src', '_posts', name), text);
    await run('jekyll', [
      'build',
      '--quiet',
      '--source',
      join(jekyllDir, 'src'),
      '--destination',
      join(jekyllDir, 'out'),
    ]);
    site = await buildSite('seo-differential', {
      posts: POSTS,
      options: {
        title: 'Test Blog',
        description: 'A test blog',
        paginate: 1,
        timezone: 'UTC',
        social: [{ type: 'twitter', url: 'https://twitter.com/chirpy_tw' }],
        // The same as the Jekyll site's _data/authors.yml and webmaster_verifications.
        authors: { jane: { name: 'Jane Doe', twitter: 'jane_tw', url: 'https://example.com/jane/' } },
        siteVerification: { google: 'google-token', bing: 'bing-token', yandex: 'yandex-token' },
      },
    });
  });

  it('on a post: author, twitter:site, social cards, canonical, JSON-LD', () => {
    const tags = jekyll('posts/post-2');
    expect([...tags.keys()]).toEqual(
      expect.arrayContaining([
        'author',
        'twitter:site',
        'twitter:creator',
        'google-site-verification',
        'msvalidate.01',
      ]),
    );
    expect(tags.get('twitter:creator')).toBe('@jane_tw');
    expect(compare(tags, theme('posts/post-2'))).toEqual([]);
  });

  it('on the home pages: rel="prev" and rel="next"', () => {
    for (const path of ['', 'page2', 'page3']) {
      const tags = jekyll(path);
      expect(compare(tags, theme(path)), path || '/').toEqual([]);
    }
    expect(jekyll('page2').get('link:next')).toBe('https://example.com/page3/');
  });

  it('sets the browser chrome colour for each mode, as Chirpy does', () => {
    const head = parse(site.read('/index.html')).querySelector('head')!;
    const colours = head
      .querySelectorAll('meta[name="theme-color"]')
      .map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')]);
    expect(colours).toEqual([
      ['(prefers-color-scheme: light)', '#ffffff'],
      ['(prefers-color-scheme: dark)', '#1b1b1e'],
    ]);
  });
});
