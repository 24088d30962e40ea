/** The UI language of a page: the post's `lang` when it has one, else the site's `locale`. */
import config from 'virtual:chirpy/config';
import { resolveLocale, useTranslations, type LocaleCode, type Translate } from '../locales/index.ts';
import { routeLanguage, type SiteLanguage } from './languages.ts';

export interface PageLocale {
  locale: LocaleCode;
  /** The value for `<html lang>`: the page language's, else the post's own `lang` as written, else the locale. */
  htmlLang: string;
  t: Translate;
  /** On a multilingual site: the page's language. */
  language?: SiteLanguage | undefined;
  /** Text direction, when the page's language sets one. */
  dir?: 'ltr' | 'rtl' | undefined;
}

/**
 * The UI language of a page. On a multilingual site it is the language of the page's route
 * (`Astro.routePattern`); elsewhere the post's `lang`, else the site's `locale`.
 */
export function pageLocale(lang?: string, routePattern?: string): PageLocale {
  const language = routeLanguage(routePattern);
  if (language) {
    const locale = resolveLocale(language.locale, config.locale);
    return { locale, htmlLang: language.hreflang, t: useTranslations(locale), language, dir: language.dir };
  }
  const locale = resolveLocale(lang, config.locale);
  return { locale, htmlLang: lang ?? locale, t: useTranslations(locale) };
}

/**
 * Formatters are costly to make (building one took ~14% of a 1000-post build), so each
 * locale's is made once and reused on every page.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${style}:${locale}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      locale,
      style === 'date'
        ? { dateStyle: 'medium', timeZone: config.timezone }
        : { dateStyle: 'full', timeStyle: 'short', timeZone: config.timezone },
    );
    formatters.set(key, found);
  }
  return found;
}

/** A date in the site timezone, in the page's language ("Apr 30, 2021", "2021. 4. 30."). */
export function formatDate(date: Date, locale: string): string {
  return formatter(locale, 'date').format(date);
}

/** Date and time, for tooltips. */
export function formatDateTime(date: Date, locale: string): string {
  return formatter(locale, 'dateTime').format(date);
}
