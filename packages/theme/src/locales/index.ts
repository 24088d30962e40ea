/** UI strings by locale, and the helpers components use to read them. */
import { en, type UIKey, type UIStrings } from './en.ts';
import { deDE } from './de-DE.ts';
import { esES } from './es-ES.ts';
import { frFR } from './fr-FR.ts';
import { jaJP } from './ja-JP.ts';
import { koKR } from './ko-KR.ts';
import { zhCN } from './zh-CN.ts';

export type { UIKey, UIStrings };

export const LOCALES = {
  en,
  'ko-KR': koKR,
  'zh-CN': zhCN,
  'ja-JP': jaJP,
  'es-ES': esES,
  'fr-FR': frFR,
  'de-DE': deDE,
} as const satisfies Record<string, UIStrings>;

export type LocaleCode = keyof typeof LOCALES;

export type Translate = (key: UIKey, values?: Record<string, string | number>) => string;

/** The strings of `locale` (a post's `lang` may name any locale; unknown ones fall back to its language, then English). */
export function resolveLocale(locale: string | undefined, fallback: LocaleCode): LocaleCode {
  if (!locale) return fallback;
  if (locale in LOCALES) return locale as LocaleCode;
  const language = locale.split('-')[0]!.toLowerCase();
  const match = (Object.keys(LOCALES) as LocaleCode[]).find((code) => code.split('-')[0]!.toLowerCase() === language);
  return match ?? fallback;
}

export function useTranslations(locale: LocaleCode): Translate {
  const strings: UIStrings = LOCALES[locale];
  return (key, values) => {
    let text = strings[key];
    if (values) {
      for (const [name, value] of Object.entries(values)) text = text.split(`{${name}}`).join(String(value));
    }
    return text;
  };
}

/** Picks the `.one` or `.other` form of a counted string. */
export function countLabel(
  t: Translate,
  locale: LocaleCode,
  base: 'count.posts' | 'count.categories',
  n: number,
): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as UIKey, { n });
}
