/** UI strings by locale, and the helpers components use to read them. */
import { en, type UIKey, type UIStrings } from './en.ts';
import { ar } from './ar.ts';
import { bgBG } from './bg-BG.ts';
import { caES } from './ca-ES.ts';
import { csCZ } from './cs-CZ.ts';
import { daDK } from './da-DK.ts';
import { deDE } from './de-DE.ts';
import { dvMV } from './dv-MV.ts';
import { elGR } from './el-GR.ts';
import { esES } from './es-ES.ts';
import { faIR } from './fa-IR.ts';
import { fiFI } from './fi-FI.ts';
import { frFR } from './fr-FR.ts';
import { huHU } from './hu-HU.ts';
import { idID } from './id-ID.ts';
import { itIT } from './it-IT.ts';
import { jaJP } from './ja-JP.ts';
import { koKR } from './ko-KR.ts';
import { kuIQ } from './ku-IQ.ts';
import { myMM } from './my-MM.ts';
import { nlNL } from './nl-NL.ts';
import { psAF } from './ps-AF.ts';
import { ptBR } from './pt-BR.ts';
import { ruRU } from './ru-RU.ts';
import { slSI } from './sl-SI.ts';
import { svSE } from './sv-SE.ts';
import { th } from './th.ts';
import { trTR } from './tr-TR.ts';
import { ukUA } from './uk-UA.ts';
import { urPK } from './ur-PK.ts';
import { viVN } from './vi-VN.ts';
import { zhCN } from './zh-CN.ts';
import { zhTW } from './zh-TW.ts';

import { findLocale, LOCALE_CODES } from '../constants.mjs';

export type { UIKey, UIStrings };

/** Every shipped locale's strings, in the order of constants.mjs LOCALE_CODES (which `resolveLocale` follows). */
export const LOCALES = {
  en,
  'ko-KR': koKR,
  'zh-CN': zhCN,
  'ja-JP': jaJP,
  'es-ES': esES,
  'fr-FR': frFR,
  'de-DE': deDE,
  ar,
  'bg-BG': bgBG,
  'ca-ES': caES,
  'cs-CZ': csCZ,
  'da-DK': daDK,
  'dv-MV': dvMV,
  'el-GR': elGR,
  'fa-IR': faIR,
  'fi-FI': fiFI,
  'hu-HU': huHU,
  'id-ID': idID,
  'it-IT': itIT,
  'ku-IQ': kuIQ,
  'my-MM': myMM,
  'nl-NL': nlNL,
  'ps-AF': psAF,
  'pt-BR': ptBR,
  'ru-RU': ruRU,
  'sl-SI': slSI,
  'sv-SE': svSE,
  th,
  'tr-TR': trTR,
  'uk-UA': ukUA,
  'ur-PK': urPK,
  'vi-VN': viVN,
  'zh-TW': zhTW,
} as const satisfies Record<string, UIStrings>;

export type LocaleCode = keyof typeof LOCALES;

/** Every code of constants.mjs has its strings here, and no other: a compile-time check. */
type SameCodes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameCodes: SameCodes<LocaleCode, (typeof LOCALE_CODES)[number]> = true;
void _sameCodes;

export type TextDirection = 'ltr' | 'rtl';

/** The writing direction of each locale (Arabic, Thaana and Perso-Arabic scripts run right to left). */
const DIRECTIONS: Record<LocaleCode, TextDirection> = {
  en: 'ltr',
  'ko-KR': 'ltr',
  'zh-CN': 'ltr',
  'ja-JP': 'ltr',
  'es-ES': 'ltr',
  'fr-FR': 'ltr',
  'de-DE': 'ltr',
  ar: 'rtl',
  'bg-BG': 'ltr',
  'ca-ES': 'ltr',
  'cs-CZ': 'ltr',
  'da-DK': 'ltr',
  'dv-MV': 'rtl',
  'el-GR': 'ltr',
  'fa-IR': 'rtl',
  'fi-FI': 'ltr',
  'hu-HU': 'ltr',
  'id-ID': 'ltr',
  'it-IT': 'ltr',
  'ku-IQ': 'rtl',
  'my-MM': 'ltr',
  'nl-NL': 'ltr',
  'ps-AF': 'rtl',
  'pt-BR': 'ltr',
  'ru-RU': 'ltr',
  'sl-SI': 'ltr',
  'sv-SE': 'ltr',
  th: 'ltr',
  'tr-TR': 'ltr',
  'uk-UA': 'ltr',
  'ur-PK': 'rtl',
  'vi-VN': 'ltr',
  'zh-TW': 'ltr',
};

/** The text direction of a locale's UI, for `<html dir>`. */
export function localeDirection(locale: LocaleCode): TextDirection {
  return DIRECTIONS[locale];
}

/**
 * Each locale's name in its own language, for a language switcher. These are the CLDR names
 * (`Intl.DisplayNames`) with the first letter capitalised, except where the test
 * `tests/unit/locales.test.ts` lists a deliberate difference: `id-ID` uses the customary
 * "Bahasa Indonesia", `ku-IQ` the name Sorani speakers use ("کوردی"; CLDR's `ku` is Kurmanji),
 * and ICU has no Dhivehi data, so `dv-MV` uses the Thaana-script name.
 */
export const LOCALE_NAMES: Record<LocaleCode, string> = {
  en: 'English',
  'ko-KR': '한국어',
  'zh-CN': '简体中文',
  'ja-JP': '日本語',
  'es-ES': 'Español',
  'fr-FR': 'Français',
  'de-DE': 'Deutsch',
  ar: 'العربية',
  'bg-BG': 'Български',
  'ca-ES': 'Català',
  'cs-CZ': 'Čeština',
  'da-DK': 'Dansk',
  'dv-MV': 'ދިވެހި',
  'el-GR': 'Ελληνικά',
  'fa-IR': 'فارسی',
  'fi-FI': 'Suomi',
  'hu-HU': 'Magyar',
  'id-ID': 'Bahasa Indonesia',
  'it-IT': 'Italiano',
  'ku-IQ': 'کوردی',
  'my-MM': 'မြန်မာ',
  'nl-NL': 'Nederlands',
  'ps-AF': 'پښتو',
  'pt-BR': 'Português (Brasil)',
  'ru-RU': 'Русский',
  'sl-SI': 'Slovenščina',
  'sv-SE': 'Svenska',
  th: 'ไทย',
  'tr-TR': 'Türkçe',
  'uk-UA': 'Українська',
  'ur-PK': 'اردو',
  'vi-VN': 'Tiếng Việt',
  'zh-TW': '繁體中文',
};

export type Translate = (key: UIKey, values?: Record<string, string | number>) => string;

/**
 * The shipped locale nearest to `locale` (a post's `lang` may name any BCP 47 tag): the locale
 * itself (case-insensitive), else the first of its language, else `fallback` (constants.mjs
 * `findLocale`, which the migration uses too).
 */
export function resolveLocale(locale: string | undefined, fallback: LocaleCode): LocaleCode {
  return findLocale(locale) ?? fallback;
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
