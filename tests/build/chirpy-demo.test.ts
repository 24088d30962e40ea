/**
 * Chirpy's own four demo posts, byte for byte, built with the demo's CDN.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, SHARED_DIR, type BuiltSite } from '../helpers/site.ts';

const DEMO_DIR = join(SHARED_DIR, 'corpus/chirpy-demo');
const demoPosts = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => /^\d{4}-\d\d-\d\d-.*\.md$/.test(name))
    .map((name) => [name, join(DEMO_DIR, name)]),
);

describe("Chirpy's demo posts", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('chirpy-demo', {
      copyPosts: demoPosts,
      options: { timezone: 'Asia/Shanghai', cdn: 'https://chirpy-img.netlify.app', feed: { limit: 2 } },
    });
  });

  it('are all four there', () => {
    expect(Object.keys(demoPosts)).toHaveLength(4);
  });

  it('build at the URLs Chirpy gives them', () => {
    for (const slug of ['text-and-typography', 'write-a-new-post', 'getting-started', 'customize-the-favicon']) {
      expect(site.exists(`/posts/${slug}/`), slug).toBe(true);
    }
    for (const path of [
      '/categories/blogging/',
      '/categories/demo/',
      '/categories/tutorial/',
      '/tags/getting-started/',
      '/tags/typography/',
    ]) {
      expect(site.exists(path), path).toBe(true);
    }
  });

  it('keep their front matter: dates with offsets, pins, descriptions', () => {
    const page = site.html('/posts/text-and-typography/');
    expect(page.querySelector('.post-meta time')!.getAttribute('datetime')).toBe('2019-08-08T11:33:00+08:00');
    expect(page.querySelector('.post-desc')!.text).toContain('Examples of text, typography');
    const home = site
      .html('/')
      .querySelectorAll('.post-card .card-title a')
      .map((a) => a.text);
    expect(home.slice(0, 2)).toEqual(['Getting Started', 'Text and Typography']);
  });

  it('render math on the post that asks for it', () => {
    const page = site.html('/posts/text-and-typography/');
    expect(page.querySelectorAll('.content .katex').length).toBeGreaterThanOrEqual(3);
    expect(site.read('/posts/getting-started/')).not.toContain('class="katex"');
  });

  it('resolve images through the CDN and media_subpath', () => {
    const preview = site.html('/posts/text-and-typography/').querySelector('.preview-img img')!;
    expect(preview.getAttribute('src')).toBe('https://chirpy-img.netlify.app/commons/devices-mockup.png');
    const srcs = site
      .html('/posts/getting-started/')
      .querySelectorAll('.content img')
      .map((img) => img.getAttribute('src'));
    expect(srcs).toContain('https://chirpy-img.netlify.app/posts/20180809/pages-source-light.png');
  });

  it('feed the newest `feed.limit` posts, with their CDN images absolute', () => {
    const xml = site.read('/feed.xml');
    const titles = [...xml.matchAll(/<item><title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(['Customize the Favicon', 'Getting Started']);
    expect(xml).toContain('https://chirpy-img.netlify.app/posts/20180809/pages-source-light.png');
    // The category feed has its own, smaller set.
    const demo = site.read('/categories/demo/feed.xml');
    expect([...demo.matchAll(/<item><title>([^<]*)<\/title>/g)].map((match) => match[1])).toEqual([
      'Text and Typography',
    ]);
  });

  it('report no missing images (they live on the CDN)', () => {
    expect(site.logs).not.toMatch(/does not exist in public/);
  });
});
