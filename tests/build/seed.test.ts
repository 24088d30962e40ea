/**
 * The post this project started from: a real Korean Chirpy post, built unchanged.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlProofer } from '../helpers/html-proofer.ts';
import { buildSite, privateUseCharacters, SHARED_DIR, type BuiltSite } from '../helpers/site.ts';

const SEED = join(SHARED_DIR, 'corpus/seed/2021-04-28-retrospective.md');

describe('the seed post', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('seed', {
      copyPosts: { '2021-04-28-retrospective.md': SEED },
      options: {
        timezone: 'Asia/Seoul',
        locale: 'ko-KR',
        comments: { provider: 'giscus', repo: 'owner/repo', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1' },
      },
    });
  });

  it('holds no private-use character on any page or feed', () => {
    expect(privateUseCharacters(site.dist)).toEqual([]);
  });

  it('is published at /posts/retrospective/ (the file name date is not part of the URL)', () => {
    expect(site.exists('/posts/retrospective/')).toBe(true);
    expect(site.html('/posts/retrospective/').querySelector('h1')!.text).toBe('글또 5기 회고글');
  });

  it('is dated 30 April 2021, 17:31 in Asia/Seoul, from the front matter (not the 28th of the file name)', () => {
    const posted = site.html('/posts/retrospective/').querySelector('.post-meta .posted time')!;
    expect(posted.getAttribute('datetime')).toBe('2021-04-30T17:31:00+09:00');
    expect(posted.text).toContain('2021');
    expect(posted.text).toContain('30');
  });

  it('is filed under ETC and Retrospective', () => {
    const links = site
      .html('/posts/retrospective/')
      .querySelectorAll('.post-categories a')
      .map((a) => [a.text, a.getAttribute('href')]);
    expect(links).toEqual([
      ['ETC', '/categories/etc/'],
      ['Retrospective', '/categories/retrospective/'],
    ]);
    expect(site.html('/categories/etc/').querySelector('.post-list a')!.getAttribute('href')).toBe(
      '/posts/retrospective/',
    );
    expect(site.html('/categories/retrospective/').querySelector('.post-list a')!.getAttribute('href')).toBe(
      '/posts/retrospective/',
    );
    expect(site.html('/tags/retrospective/').querySelector('.post-list a')!.getAttribute('href')).toBe(
      '/posts/retrospective/',
    );
  });

  it('has no comments, because the post turns them off', () => {
    const html = site.read('/posts/retrospective/');
    expect(html).not.toContain('giscus');
    expect(site.html('/posts/retrospective/').querySelector('#comments')).toBeNull();
  });

  it('reports its missing image with file and path, and keeps the image element', () => {
    const missing = '/Users/koo/Documents/gguguk.github.io/assets/img/post_img/gultto.png';
    expect(site.logs).toContain('2021-04-28-retrospective.md');
    expect(site.logs).toMatch(
      new RegExp(`2021-04-28-retrospective\\.md: image "${missing.replace(/\./g, '\\.')}" does not exist`),
    );
    const img = site.html('/posts/retrospective/').querySelector('.content img')!;
    expect(img.getAttribute('src')).toBe(missing);
    expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('passes html-proofer but for the image the post itself points at, which never existed', async () => {
    const image = '/Users/koo/Documents/gguguk.github.io/assets/img/post_img/gultto.png';
    expect((await htmlProofer(site.dist)).sort()).toEqual([
      `internal image ${image} does not exist`,
      `internally linking to ${image}, which does not exist`,
    ]);
  });

  it('renders Korean text and the UI in Korean', () => {
    const page = site.html('/posts/retrospective/');
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('ko-KR');
    expect(page.querySelector('.content')!.text).toContain('반년이 정말 후딱 지나가 버렸다');
    expect(page.querySelector('.post-meta')!.text).toContain('게시');
  });

  it('appears on the home page and in the archives under 2021', () => {
    expect(site.html('/').querySelector('.post-card a')!.getAttribute('href')).toBe('/posts/retrospective/');
    const year = site.html('/archives/').querySelector('.archive-year')!;
    expect(year.querySelector('.year')!.text).toBe('2021');
    expect(year.querySelector('time')!.getAttribute('datetime')).toBe('2021-04-30T17:31:00+09:00');
  });
});
