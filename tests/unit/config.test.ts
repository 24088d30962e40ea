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

  it('names an unknown option as written, with the closest known one', () => {
    const message = (options: unknown) => {
      try {
        parseChirpyConfig(options);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the options to be refused');
    };
    expect(message({ title: 'B', paginte: 5 })).toContain(
      'paginte: not an option of chirpy(); did you mean `paginate`?',
    );
    const typo = message({ titel: 'My Blog' });
    expect(typo).toContain('titel: not an option of chirpy(); did you mean `title`?');
    expect(typo).toMatch(/ {2}- title: /);
    expect(message({ title: 'B', feed: { limt: 5 } })).toContain(
      'feed.limt: not an option of chirpy(); did you mean `limit`?',
    );
    expect(message({ title: 'B', routes: { hom: false } })).toContain(
      'routes.hom: not an option of chirpy(); did you mean `home`?',
    );
    expect(message({ title: 'B', social: [{ type: 'github', url: 'u', lable: 'x' }] })).toContain(
      'social.0.lable: not an option of chirpy(); did you mean `label`?',
    );
    expect(message({ title: 'B', zzzzzz: 1 })).toMatch(
      /zzzzzz: not an option of chirpy\(\) \(the options here: title, tagline/,
    );
  });

  it('is a user error: Astro shows its message and hint, not a stack trace', () => {
    try {
      parseChirpyConfig({ title: 'B', paginte: 5 });
    } catch (error) {
      expect((error as { type?: string }).type).toBe('AstroUserError');
      expect((error as { hint?: string }).hint).toMatch(/README/);
    }
  });
});
