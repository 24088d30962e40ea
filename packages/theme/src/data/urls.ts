/**
 * The theme's URLs: base-aware, with Chirpy's trailing slash, percent-encoded exactly as
 * Jekyll writes them (so comment threads keyed on the path stay attached).
 */
import { base } from 'virtual:chirpy/config';
import { withBase } from '../utils/media.ts';
import { encodePath, slugifyTerm } from '../utils/slug.ts';

export const url = (path: string): string => withBase(encodePath(path), base);
export const homeUrl = (page = 1): string => url(page <= 1 ? '/' : `/page${page}/`);
export const postUrl = (id: string): string => url(`/posts/${id}/`);
export const categoryUrl = (name: string): string => url(`/categories/${slugifyTerm(name)}/`);
export const tagUrl = (name: string): string => url(`/tags/${slugifyTerm(name)}/`);
export const categoriesUrl = (): string => url('/categories/');
export const tagsUrl = (): string => url('/tags/');
export const archivesUrl = (): string => url('/archives/');
export const feedUrl = (): string => url('/feed.xml');
export const termFeedUrl = (kind: 'categories' | 'tags', slug: string): string => url(`/${kind}/${slug}/feed.xml`);
