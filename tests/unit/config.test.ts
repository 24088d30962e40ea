import { describe, expect, it } from 'vitest';
import chirpy from 'astro-theme-chirpy';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';

describe('chirpy() options', () => {
  it('fills every default', () => {
    const config = parseChirpyConfig({ title: 'Blog' });
    expect(config).toMatchObject({
      title: 'Blog',
      tagline: '',
      timezone: 'UTC',
      locale: 'en',
      paginate: 10,
      comments: false,
      themeMode: 'auto',
      feed: { limit: 30 },
      routes: { home: true, posts: true, categories: true, tags: true, archives: true, feed: true, notFound: true },
      social: [],
      components: {},
    });
  });

  it('stops with a message naming each bad option', () => {
    const attempt = () =>
      parseChirpyConfig({ title: 'Blog', timezone: 'Mars/Olympus', paginate: 0, locale: 'xx', themeMode: 'blue' });
    expect(attempt).toThrowError(/Invalid astro-theme-chirpy options/);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/timezone: "Mars\/Olympus" is not an IANA timezone name/);
      expect(message).toMatch(/paginate: /);
      expect(message).toMatch(/locale: "xx" is not a supported locale/);
      expect(message).toMatch(/themeMode: /);
    }
  });

  it('requires a title and checks comment settings', () => {
    expect(() => parseChirpyConfig({})).toThrowError(/title: /);
    expect(() =>
      parseChirpyConfig({
        title: 'B',
        comments: { provider: 'giscus', repo: 'not a repo', repoId: 'R', category: 'C', categoryId: 'I' },
      }),
    ).toThrowError(/comments\.repo: expected "owner\/name"/);
  });

  it('validates as soon as the integration is created', () => {
    expect(() => chirpy({ title: 'B', cdn: 'not a url' })).toThrowError(/cdn: expected an absolute URL/);
  });
});
