// @ts-check
/**
 * Names the options schema (config.ts, locales/index.ts) and the migration (migrate/migrate.mjs)
 * both need: social link types, share platforms, the shipped locales and how a language tag finds
 * one. One list each, so the two cannot drift. Plain JavaScript (checked through JSDoc), because
 * the migration runs from an installed package, where Node does not run TypeScript.
 */

/** Sidebar social link types (`social: [{ type, url }]`). */
export const SOCIAL_TYPES = /** @type {const} */ ([
  'github',
  'twitter',
  'mastodon',
  'linkedin',
  'bluesky',
  'email',
  'rss',
  'stackoverflow',
  'reddit',
  'threads',
  'link',
]);

/** Share links under posts (`share.platforms`). */
export const SHARE_PLATFORMS = /** @type {const} */ ([
  'twitter',
  'facebook',
  'telegram',
  'linkedin',
  'weibo',
  'bluesky',
  'reddit',
  'threads',
]);

/**
 * Every shipped locale (the codes of Chirpy 7's locales). The order matters: `resolveLocaleCode`
 * takes the first locale of a language, so `zh-CN` (listed before `zh-TW`) is the `zh` default.
 */
export const LOCALE_CODES = /** @type {const} */ ([
  'en',
  'ko-KR',
  'zh-CN',
  'ja-JP',
  'es-ES',
  'fr-FR',
  'de-DE',
  'ar',
  'bg-BG',
  'ca-ES',
  'cs-CZ',
  'da-DK',
  'dv-MV',
  'el-GR',
  'fa-IR',
  'fi-FI',
  'hu-HU',
  'id-ID',
  'it-IT',
  'ku-IQ',
  'my-MM',
  'nl-NL',
  'ps-AF',
  'pt-BR',
  'ru-RU',
  'sl-SI',
  'sv-SE',
  'th',
  'tr-TR',
  'uk-UA',
  'ur-PK',
  'vi-VN',
  'zh-TW',
]);

/** @typedef {(typeof LOCALE_CODES)[number]} LocaleCode */

/** @param {string} tag */
const primaryLanguage = (tag) => /** @type {string} */ (tag.split('-')[0]).toLowerCase();

/**
 * The shipped locale nearest to a language tag (a post's `lang`, Chirpy's `lang`, any BCP 47 tag),
 * or `undefined` when none speaks its language:
 * 1. the locale itself, compared case-insensitively (`pt-br` → `pt-BR`, `zh-TW` → `zh-TW`);
 * 2. else the first locale in LOCALE_CODES order with the same primary language
 *    (`pt` → `pt-BR`, `en-US` → `en`; `zh-HK` and `zh-SG` → `zh-CN`, listed before `zh-TW`).
 * @param {string | undefined} tag
 * @returns {LocaleCode | undefined}
 */
export function findLocale(tag) {
  if (!tag) return undefined;
  const wanted = tag.toLowerCase();
  const exact = LOCALE_CODES.find((code) => code.toLowerCase() === wanted);
  if (exact) return exact;
  const language = primaryLanguage(tag);
  return LOCALE_CODES.find((code) => primaryLanguage(code) === language);
}

/**
 * The Liquid tags a post may use: Liquid 4.0's, then Jekyll 4's, then those of the plugins Chirpy
 * blogs use (markdown/liquid/allowed.ts says why each; the migration reports any other in a post).
 */
export const LIQUID_TAGS = /** @type {const} */ ([
  'assign',
  'break',
  'capture',
  'case',
  'comment',
  'continue',
  'cycle',
  'decrement',
  'for',
  'if',
  'ifchanged',
  'include',
  'increment',
  'raw',
  'tablerow',
  'unless',
  // Jekyll 4
  'include_relative',
  'highlight',
  'link',
  'post_url',
  // Plugins Chirpy blogs use: jekyll-polyglot (a link that keeps its address in every language)
  'static_href',
  'Static_Href',
  // and jekyll-scholar (markdown/liquid/scholar.ts)
  'cite',
  'nocite',
  'reference',
  'bibliography',
  'bibliography_count',
]);
