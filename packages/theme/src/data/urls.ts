/**
 * The theme's URLs for this site: `utils/urls.ts` bound to the site's `base`, for pages and
 * components.
 */
import config, { base } from 'virtual:chirpy/config';
import { localizeHrefs, type SiteLanguage } from '../utils/languages.ts';
import { absoluteUrl, basePrefix, postPath, themeUrls, type TermKind } from '../utils/urls.ts';
import { languages } from './languages.ts';

const urls = themeUrls(base);

export const url = urls.url;
export const homeUrl = urls.home;
export const postUrl = urls.post;
export const categoryUrl = urls.category;
export const tagUrl = urls.tag;
export const categoriesUrl = urls.categories;
export const tagsUrl = urls.tags;
export const archivesUrl = urls.archives;
export const feedUrl = urls.feed;
export const termFeedUrl = (kind: TermKind, slug: string): string => urls.termFeed(kind, slug);

/** The absolute URL of the page being built (`Astro.url`) on `site`; `undefined` without a site. */
export function pageUrl(current: URL, site: URL | undefined): string | undefined {
  return site ? absoluteUrl(current.pathname, site) : undefined;
}

export { absoluteUrl };

/** A post's URL in a language (the default language's at the root). */
export function postUrlIn(language: SiteLanguage | undefined, slug: string): string {
  return url(`${language?.prefix ?? ''}${postPath(slug)}`);
}

/** A theme URL (with the base) in a language: `/blog/posts/a/` → `/blog/ko/posts/a/`. */
export function localizedUrl(path: string, language: SiteLanguage | undefined): string {
  if (!language || language.isDefault) return path;
  const prefix = basePrefix(base);
  return prefix + language.prefix + path.slice(prefix.length);
}

/**
 * HTML with its links to the site localised for a language's pages (utils/languages.ts
 * `localizeHrefs`); `origin` is the site's, so site-absolute links are localised too.
 */
export function localizedHtml(html: string, language: SiteLanguage | undefined, origin = ''): string {
  if (!language || language.isDefault || !languages) return html;
  return localizeHrefs(html, {
    prefix: language.prefix,
    base: basePrefix(base),
    origin,
    prefixes: languages.list.filter((other) => !other.isDefault).map((other) => other.prefix),
    exclude: config.excludeFromLocalization,
  });
}
