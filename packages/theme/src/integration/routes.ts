/** Chirpy's URL scheme: every page the theme injects, and the option that turns it off. */
import type { ChirpyConfig } from '../config.ts';
import { POSTS_DIR } from '../utils/urls.ts';

export interface ThemeRoute {
  pattern: string;
  entrypoint: URL;
  switch: keyof ChirpyConfig['routes'];
  /** On a multilingual site, published again under each other language's prefix. */
  perLanguage: boolean;
}

const route = (pattern: string, file: string, key: ThemeRoute['switch'], perLanguage = true): ThemeRoute => ({
  pattern,
  entrypoint: new URL(`../routes/${file}`, import.meta.url),
  switch: key,
  perLanguage,
});

export const THEME_ROUTES: ThemeRoute[] = [
  route('/', 'index.astro', 'home'),
  route('/page[page]', 'home-page.astro', 'home'),
  route(`/${POSTS_DIR}/[slug]`, 'post.astro', 'posts'),
  route('/categories', 'categories.astro', 'categories'),
  route('/categories/[category]', 'category.astro', 'categories'),
  route('/tags', 'tags.astro', 'tags'),
  route('/tags/[tag]', 'tag.astro', 'tags'),
  route('/archives', 'archives.astro', 'archives'),
  route('/search', 'search.astro', 'search'),
  route('/feed.xml', 'feed.xml.ts', 'feed'),
  route('/[kind]/[slug]/feed.xml', 'term-feed.xml.ts', 'feed'),
  route('/404', '404.astro', 'notFound'),
  route('/[...redirect]', 'redirect.ts', 'posts', false),
  route('/robots.txt', 'robots.txt.ts', 'seo', false),
  route('/site.webmanifest', 'site.webmanifest.ts', 'seo', false),
];

export function enabledRoutes(config: ChirpyConfig): ThemeRoute[] {
  return THEME_ROUTES.filter((candidate) => config.routes[candidate.switch]);
}
