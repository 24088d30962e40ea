/**
 * The site's languages (utils/languages.ts with the site's options), and the language of the
 * page being built, read from its route: the theme injects every page once per language, the
 * default language's at the root and each other one under `/<code>/`.
 */
import config from 'virtual:chirpy/config';
import { resolveLanguages, type SiteLanguage } from '../utils/languages.ts';
import { basePrefix } from '../utils/urls.ts';

export type { SiteLanguage } from '../utils/languages.ts';

/** The site's languages; `undefined` on a one-language site. */
export const languages = resolveLanguages(config);

/** Every language the site's pages are in: `[undefined]` on a one-language site. */
export const pageLanguages: readonly (SiteLanguage | undefined)[] = languages?.list ?? [undefined];

/**
 * The language of a page, from its route pattern (`Astro.routePattern`, or `routePattern` in
 * `getStaticPaths`): `/ko/posts/[slug]` is Korean, `/posts/[slug]` the default language.
 * `undefined` on a one-language site.
 */
export function routeLanguage(routePattern: string | undefined): SiteLanguage | undefined {
  if (!languages) return undefined;
  const first = routePattern?.split('/')[1];
  const found = first ? languages.find(first) : undefined;
  return found && !found.isDefault && found.code === first ? found : languages.default;
}

/** The same page in another language, for the switcher and `hreflang` links. */
export interface Alternate {
  language: SiteLanguage;
  /** Root-relative URL, with the base. */
  href: string;
  /** The page exists in that language in its own right (not a fallback copy). */
  translated: boolean;
  current: boolean;
}

/**
 * The page at `pathname` (with the base, in `current`'s language) in every language. `paths`
 * gives a language's own path where it differs (a post's translation with another slug);
 * `translated` the languages with a real version (all of them unless given).
 */
export function alternatesOf(
  pathname: string,
  current: SiteLanguage,
  { base, paths = {}, translated }: { base: string; paths?: Record<string, string>; translated?: readonly string[] },
): Alternate[] {
  if (!languages) return [];
  const prefix = basePrefix(base);
  let rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
  if (current.prefix && (rest === current.prefix || rest.startsWith(`${current.prefix}/`))) {
    rest = rest.slice(current.prefix.length) || '/';
  }
  return languages.list.map((language) => ({
    language,
    href: prefix + language.prefix + (paths[language.code] ?? rest),
    translated: translated ? translated.includes(language.code) : true,
    current: language.code === current.code,
  }));
}
