/** The UI language of a page: the post's `lang` when it has one, else the site's `locale`. */
import config from 'virtual:chirpy/config';
import { resolveLocale, useTranslations, type LocaleCode, type Translate } from '../locales/index.ts';

export interface PageLocale {
  locale: LocaleCode;
  /** The value for `<html lang>`: the post's own `lang` as written, else the locale. */
  htmlLang: string;
  t: Translate;
}

export function pageLocale(lang?: string): PageLocale {
  const locale = resolveLocale(lang, config.locale);
  return { locale, htmlLang: lang ?? locale, t: useTranslations(locale) };
}

/** A date in the site timezone, in the page's language ("Apr 30, 2021", "2021. 4. 30."). */
export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: config.timezone }).format(date);
}

/** Date and time, for tooltips. */
export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: config.timezone,
  }).format(date);
}
