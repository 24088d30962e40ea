/**
 * A post is never silently dropped: every name a file system allows, in file and folder names,
 * is published; a post file that cannot be read stops the build naming it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFailure, buildSite, post, type BuiltSite } from '../helpers/site.ts';

const FOLDERS: Record<string, string> = {
  'Programming Language/C#/2024-11-08-pattern-matching.md': '/posts/pattern-matching/',
  'Why?/2024-11-09-questions.md': '/posts/questions/',
  '100%/2024-11-10-percent.md': '/posts/percent/',
  'Tom & Jerry/2024-11-11-ampersand.md': '/posts/ampersand/',
  '[Draft] (old)/2024-11-12-brackets.md': '/posts/brackets/',
  '한국어/2024-11-13-hangul-folder.md': '/posts/hangul-folder/',
  [`${'자모'.normalize('NFD')}/2024-11-14-nfd-folder.md`]: '/posts/nfd-folder/',
  'C#/2024-11-15-sharp#name.md': '/posts/sharp-name/',
  'plain/2024-11-16-question?.markdown': '/posts/question/',
};

describe('posts in folders and files whose names hold #, ?, %, &, brackets, Hangul', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('no-post-lost', {
      posts: {
        ...Object.fromEntries(Object.keys(FOLDERS).map((path, i) => [path, post({ title: `Post ${i}` })])),
        '.trash/2024-11-20-trashed.md': post({ title: 'Trashed' }),
        '_old/2024-11-21-underscored.md': post({ title: 'Underscored' }),
        '#drafts/2024-11-22-hashed.md': post({ title: 'Hashed' }),
      },
    });
  });

  it.each(Object.entries(FOLDERS))('%s is published at %s', (_, url) => {
    expect(site.exists(`${url}index.html`)).toBe(true);
  });

  it('skips what Jekyll skips: folders and files whose names start with ".", "_" or "#"', () => {
    for (const url of ['/posts/trashed/', '/posts/underscored/', '/posts/hashed/']) {
      expect(site.exists(`${url}index.html`), url).toBe(false);
    }
  });

  it('lists every one of them on the home page and in the feed', () => {
    const home = site.read('/index.html');
    const feed = site.read('/feed.xml');
    for (const url of Object.values(FOLDERS)) {
      expect(home, url).toContain(`href="${url}"`);
      expect(feed, url).toContain(`https://example.com${url}`);
    }
  });
});

describe('a post file that cannot be read', () => {
  it('stops the build naming the file', async () => {
    const message = await buildFailure('unreadable-post', {
      posts: { '2024-01-01-fine.md': post({ title: 'Fine' }) },
      links: { 'src/content/posts/2024-01-02-dangling.md': '/nonexistent/nowhere.md' },
    });
    expect(message).toContain('src/content/posts/2024-01-02-dangling.md');
    expect(message).toMatch(/could not be read/);
  });
});
