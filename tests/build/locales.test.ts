/**
 * Every locale renders its own strings and dates, chosen by the site's `locale` or a post's
 * `lang`, with `<html lang>` right on every page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const LANGS: Record<string, { posted: string; date: string }> = {
  'ko-KR': { posted: '게시', date: '2024. 3. 5.' },
  'zh-CN': { posted: '发表于', date: '2024年3月5日' },
  'ja-JP': { posted: '投稿', date: '2024/03/05' },
  'es-ES': { posted: 'Publicado', date: '5 mar 2024' },
  'fr-FR': { posted: 'Publié', date: '5 mars 2024' },
  'de-DE': { posted: 'Veröffentlicht', date: '05.03.2024' },
};

describe('languages', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('locales', {
      posts: Object.fromEntries(
        Object.keys(LANGS).map((lang) => [
          `2024-03-05-${lang}.md`,
          post({ title: `In ${lang}`, lang, date: '2024-03-05 12:00:00 +0000' }),
        ]),
      ),
      options: { locale: 'de-DE', timezone: 'UTC' },
    });
  });

  it.each(Object.entries(LANGS))('%s: strings, dates and <html lang> on a post with that lang', (lang, expected) => {
    const page = site.html(`/posts/${lang}/`);
    expect(page.querySelector('html')!.getAttribute('lang')).toBe(lang);
    const posted = page.querySelector('.post-meta .posted')!;
    expect(posted.text).toContain(expected.posted);
    expect(posted.querySelector('time')!.text).toBe(expected.date);
    expect(posted.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-05T12:00:00+00:00');
  });

  it('uses the site locale everywhere else', () => {
    for (const path of ['/', '/archives/', '/tags/', '/categories/', '/404.html']) {
      expect(site.html(path).querySelector('html')!.getAttribute('lang'), path).toBe('de-DE');
    }
    expect(
      site
        .html('/')
        .querySelectorAll('.tabs a')
        .map((a) => a.text),
    ).toEqual(['Startseite', 'Kategorien', 'Tags', 'Archiv']);
    expect(site.html('/404.html').querySelector('h1')!.text).toBe('Seite nicht gefunden');
  });
});
