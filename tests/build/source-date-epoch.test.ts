/**
 * SOURCE_DATE_EPOCH (the reproducible-builds convention) is the build's clock: the footer's
 * year and which posts are still in the future come from it, not from the machine's clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

describe('a build with SOURCE_DATE_EPOCH', () => {
  let site: BuiltSite;
  const saved = process.env.SOURCE_DATE_EPOCH;
  beforeAll(async () => {
    // 2024-12-31 23:59:59 UTC: already 2025 in Seoul.
    process.env.SOURCE_DATE_EPOCH = '1735689599';
    site = await buildSite('source-date-epoch', {
      posts: {
        '2024-06-01-past.md': post({ title: 'Past' }),
        '2025-06-01-future.md': post({ title: 'Future' }),
      },
      options: { title: 'Epoch', timezone: 'Asia/Seoul', author: 'Owner' },
    });
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it("stamps the footer with that moment's year in the site's timezone", () => {
    expect(site.html('/').querySelector('.site-footer p')!.text).toContain('© 2025 Owner.');
  });

  it('leaves out posts dated after that moment, as the build clock would', () => {
    expect(site.exists('/posts/past/')).toBe(true);
    expect(site.exists('/posts/future/')).toBe(false);
  });
});
