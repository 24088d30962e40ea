/**
 * Every URL the theme makes, in one place: Chirpy's paths (`/posts/<slug>/`, `/categories/<slug>/`…),
 * percent-encoded as Jekyll writes them (so comment threads keyed on the path stay attached),
 * under Astro's `base`, and absolute against `site`.
 *
 * Pure: the loader uses it with the base from Astro's config, and the pages through
 * `data/urls.ts`, which binds it to the site's base.
 */
import { encodePath, slugifyTerm } from './slug.ts';

/** The folder of post pages: a post is at `/posts/<slug>/`. */
export const POSTS_DIR = 'posts';

/** A post's path, before the base and unencoded, as Jekyll's `page.url` has it: `/posts/<slug>/`. */
export const postPath = (slug: string): string => `/${POSTS_DIR}/${slug}/`;

/** The built file of a post page, relative to the output folder: `posts/<slug>/index.html`. */
export const postPageFile = (slug: string): string => `${POSTS_DIR}/${slug}/index.html`;

/** Astro's `base` as a prefix for root-relative paths: `''` for `/`, `/blog` for `/blog/`. */
export function basePrefix(base: string | undefined): string {
  if (!base || base === '/') return '';
  return base.replace(/\/$/, '');
}

/** Prefixes a root-relative path with Astro's `base` (`/blog` + `/x/` = `/blog/x/`). */
export function withBase(path: string, base: string | undefined): string {
  return basePrefix(base) + path;
}

/** A path (already with the base) as an absolute URL on `site`; the path itself without a site. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

export type TermKind = 'categories' | 'tags';

/** The theme's pages, under one base (and, later, one language's prefix). */
export interface ThemeUrls {
  /** Any theme path, encoded and under the base. */
  url(path: string): string;
  /** The home list: `/`, then `/page2/`… */
  home(page?: number): string;
  post(slug: string): string;
  category(name: string): string;
  tag(name: string): string;
  categories(): string;
  tags(): string;
  archives(): string;
  feed(): string;
  termFeed(kind: TermKind, slug: string): string;
}

export function themeUrls(base: string): ThemeUrls {
  const url = (path: string): string => withBase(encodePath(path), base);
  return {
    url,
    home: (page = 1) => url(page <= 1 ? '/' : `/page${page}/`),
    post: (slug) => url(postPath(slug)),
    category: (name) => url(`/categories/${slugifyTerm(name)}/`),
    tag: (name) => url(`/tags/${slugifyTerm(name)}/`),
    categories: () => url('/categories/'),
    tags: () => url('/tags/'),
    archives: () => url('/archives/'),
    feed: () => url('/feed.xml'),
    termFeed: (kind, slug) => url(`/${kind}/${slug}/feed.xml`),
  };
}
