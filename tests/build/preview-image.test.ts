/** A preview image that does not exist is reported, naming file and path, and left out of cards and social meta. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

describe('preview images', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('preview-image', {
      posts: {
        '2024-01-01-missing.md': post({ title: 'Missing', image: '/img/missing-cover.png' }),
        '2024-01-02-missing-subpath.md': post({
          title: 'Missing in subpath',
          media_subpath: '/media/p',
          image: '{ path: cover.png, alt: A cover }',
        }),
        '2024-01-03-present.md': post({ title: 'Present', image: '/img/cover.svg' }),
      },
      files: { 'public/img/cover.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' },
    });
  });

  it('warns, naming the post file and the path', () => {
    expect(site.logs).toMatch(
      /src\/content\/posts\/2024-01-01-missing\.md: preview image "\/img\/missing-cover\.png" does not exist in public\/img\/missing-cover\.png/,
    );
    expect(site.logs).toMatch(
      /2024-01-02-missing-subpath\.md: preview image "cover\.png" does not exist in public\/media\/p\/cover\.png/,
    );
    expect(site.logs).not.toMatch(/2024-01-03-present\.md: preview image/);
  });

  it('leaves a missing image out of the home card, the post header and og:image', () => {
    const home = site.read('/index.html');
    expect(home).not.toContain('missing-cover.png');
    expect(home).not.toContain('/media/p/cover.png');
    expect(home).toContain('/img/cover.svg');
    for (const slug of ['missing', 'missing-subpath']) {
      const page = site.read(`/posts/${slug}/index.html`);
      expect(page).not.toContain('missing-cover.png');
      expect(page).not.toContain('/media/p/cover.png');
    }
    const present = site.html('/posts/present/');
    expect(present.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(
      'https://example.com/img/cover.svg',
    );
  });
});
