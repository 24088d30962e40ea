import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  LOCALE_NAMES,
  countLabel,
  localeDirection,
  resolveLocale,
  useTranslations,
  type LocaleCode,
} from 'astro-theme-chirpy/locales';

const codes = Object.keys(LOCALES) as LocaleCode[];
const stringsOf = (code: LocaleCode) => LOCALES[code] as Record<string, string>;
/** The `{name}` placeholders of a string, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  const keys = Object.keys(LOCALES.en).sort();

  it.each(codes)('%s defines every key, none empty', (code) => {
    const strings = stringsOf(code);
    expect(Object.keys(strings).sort()).toEqual(keys);
    for (const key of keys) expect(strings[key]!.trim(), key).not.toBe('');
  });

  it.each(codes)('%s keeps every placeholder of the English strings, and adds none', (code) => {
    const strings = stringsOf(code);
    for (const key of keys) expect(placeholders(strings[key]!), key).toEqual(placeholders(stringsOf('en')[key]!));
  });

  it.each(codes)('%s names Astro before the theme in the footer (Footer.astro splits it in that order)', (code) => {
    const text = stringsOf(code)['footer.poweredBy']!;
    expect(text.indexOf('{astro}')).toBeLessThan(text.indexOf('{theme}'));
  });

  it('fills placeholders and plural forms', () => {
    const t = useTranslations('en');
    expect(t('post.readTime', { n: 3 })).toBe('3 min read');
    expect(countLabel(t, 'en', 'count.posts', 1)).toBe('1 post');
    expect(countLabel(t, 'en', 'count.posts', 2)).toBe('2 posts');
    expect(countLabel(useTranslations('ko-KR'), 'ko-KR', 'count.posts', 2)).toBe('글 2개');
    expect(countLabel(useTranslations('pt-BR'), 'pt-BR', 'count.posts', 1)).toBe('1 post');
    expect(countLabel(useTranslations('pt-BR'), 'pt-BR', 'count.posts', 3)).toBe('3 posts');
    // Languages with more than two number forms use a "label: number" phrasing that fits every number.
    for (const n of [1, 2, 5, 21]) {
      expect(countLabel(useTranslations('ru-RU'), 'ru-RU', 'count.posts', n)).toBe(`Записей: ${n}`);
    }
  });

  it('resolves a post lang to the nearest locale', () => {
    expect(resolveLocale('ko', 'en')).toBe('ko-KR');
    expect(resolveLocale('ko-KR', 'en')).toBe('ko-KR');
    expect(resolveLocale('xx-YY', 'ko-KR')).toBe('ko-KR');
    expect(resolveLocale(undefined, 'en')).toBe('en');
    expect(resolveLocale('fi-FI', 'ko-KR')).toBe('fi-FI');
    expect(resolveLocale('pt', 'en')).toBe('pt-BR');
    expect(resolveLocale('pt-PT', 'en')).toBe('pt-BR');
    expect(resolveLocale('ar-EG', 'en')).toBe('ar');
    expect(resolveLocale('th-TH', 'en')).toBe('th');
    expect(resolveLocale('zh-TW', 'en')).toBe('zh-TW');
    // Exact matches ignore case, as BCP 47 tags do.
    expect(resolveLocale('zh-tw', 'en')).toBe('zh-TW');
    expect(resolveLocale('PT-br', 'en')).toBe('pt-BR');
    // Otherwise the first locale of the language in LOCALES order wins: zh-CN is listed before zh-TW.
    expect(resolveLocale('zh', 'en')).toBe('zh-CN');
    expect(resolveLocale('zh-HK', 'en')).toBe('zh-CN');
    // Only the locales themselves match, not inherited object properties.
    expect(resolveLocale('toString', 'en')).toBe('en');
  });

  it('writes right to left exactly the Arabic-script and Thaana locales', () => {
    expect(codes.filter((code) => localeDirection(code) === 'rtl').sort()).toEqual([
      'ar',
      'dv-MV',
      'fa-IR',
      'ku-IQ',
      'ps-AF',
      'ur-PK',
    ]);
  });

  it.each(codes)('%s has the direction ICU gives its script, where the runtime tells', (code) => {
    const locale = new Intl.Locale(code) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    if (direction) expect(localeDirection(code)).toBe(direction);
  });
});

describe('LOCALE_NAMES', () => {
  /** Where a name deliberately differs from CLDR's (`Intl.DisplayNames`), and why. */
  const DIFFERENCES: Partial<Record<LocaleCode, string>> = {
    'id-ID': 'CLDR says "Indonesia"; language menus customarily say "Bahasa Indonesia"',
    'ku-IQ':
      'CLDR\'s "ku" is Kurmanji (Latin script, "kurdî"); this locale is Central Kurdish (Sorani, CLDR "ckb", "کوردیی ناوەندی"), which its speakers call "کوردی"',
    'dv-MV': 'ICU ships no Dhivehi names (DisplayNames answers in English, "Divehi")',
  };

  it.each(codes)('%s is named in its own language as CLDR names it', (code) => {
    const names = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
    const { language, script } = new Intl.Locale(code).maximize();
    // No CLDR data for this language in the runtime: nothing to compare with.
    if (new Intl.Locale(names.resolvedOptions().locale).language !== language) return;
    // CLDR's name of the locale ("português (Brasil)"), of its language ("español") or of its
    // script variant ("繁體中文"), capitalised as it stands alone in a menu.
    const candidates = [code, language, `${language}-${script}`]
      .map((tag) => names.of(tag))
      .filter((name): name is string => name !== undefined)
      .map((name) => name.charAt(0).toLocaleUpperCase(code) + name.slice(1));
    if (DIFFERENCES[code]) expect(candidates, DIFFERENCES[code]).not.toContain(LOCALE_NAMES[code]);
    else expect(candidates).toContain(LOCALE_NAMES[code]);
  });
});
