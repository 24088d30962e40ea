import { describe, expect, it } from 'vitest';
import { LOCALES, countLabel, resolveLocale, useTranslations } from 'astro-theme-chirpy/locales';

describe('UI strings', () => {
  const keys = Object.keys(LOCALES.en).sort();

  it.each(Object.keys(LOCALES))('%s defines every key, none empty', (code) => {
    const strings = LOCALES[code as keyof typeof LOCALES] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(keys);
    for (const key of keys) expect(strings[key]!.trim(), key).not.toBe('');
  });

  it('fills placeholders and plural forms', () => {
    const t = useTranslations('en');
    expect(t('post.readTime', { n: 3 })).toBe('3 min read');
    expect(countLabel(t, 'en', 'count.posts', 1)).toBe('1 post');
    expect(countLabel(t, 'en', 'count.posts', 2)).toBe('2 posts');
    expect(countLabel(useTranslations('ko-KR'), 'ko-KR', 'count.posts', 2)).toBe('글 2개');
  });

  it('resolves a post lang to the nearest locale', () => {
    expect(resolveLocale('ko', 'en')).toBe('ko-KR');
    expect(resolveLocale('ko-KR', 'en')).toBe('ko-KR');
    expect(resolveLocale('fi-FI', 'ko-KR')).toBe('ko-KR');
    expect(resolveLocale(undefined, 'en')).toBe('en');
  });
});
