/**
 * The theme's URLs for this site: `utils/urls.ts` bound to the site's `base`, for pages and
 * components.
 */
import { base } from 'virtual:chirpy/config';
import { absoluteUrl, themeUrls, type TermKind } from '../utils/urls.ts';

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
