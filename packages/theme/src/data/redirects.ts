/**
 * Every redirect page the site publishes: `redirect_from` paths, and the decomposed (NFD) URL
 * Jekyll published for a post whose file name is written that way. Used by the redirect route
 * and by the sitemap, which leaves these pages out.
 */
import { nfdStandIn } from '../integration/nfd-urls.ts';
import { parsePostFileName } from '../utils/filename.ts';
import { collectRedirects, type Redirect } from '../utils/redirects.ts';
import { slugifyPrettyAsWritten } from '../utils/slug.ts';
import { postPageFile, postPath } from '../utils/urls.ts';
import { pageLanguages, type SiteLanguage } from './languages.ts';
import { getSiteDataIn } from './site.ts';

/** The slug Jekyll made from the file name (or `slug:`) as written, before NFC. */
function jekyllSlug(filePath: string | undefined, slug: unknown): string | undefined {
  if (typeof slug === 'string' && slug.trim() !== '') return slugifyPrettyAsWritten(slug);
  const name = filePath?.split(/[\\/]/).pop();
  if (!name) return undefined;
  // parsePostFileName gives the title in NFC; cut the same span from the name as written.
  const parsed = parsePostFileName(name);
  if (!parsed) return undefined;
  const title = name
    .replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '')
    .slice(0, -parsed.extension.length)
    .replace(/\.+$/, '');
  return slugifyPrettyAsWritten(title);
}

/** A redirect page, and the language prefix (`''` or `/ko`) of the page it sends readers to. */
export interface LanguageRedirect extends Redirect {
  prefix: string;
}

let cached: Promise<LanguageRedirect[]> | undefined;

/**
 * The redirects of one language's pages (a multilingual site's `redirect_from` live under each
 * prefix, as in polyglot), and Jekyll's own URL of a post whose file name is decomposed (NFD):
 * the theme publishes the NFC URL, and the URL Jekyll published sends readers there. Astro writes
 * every page under an NFC path, so that page is built under a stand-in name and moved into place
 * after the build (integration/nfd-urls.ts).
 */
async function redirectsIn(language: SiteLanguage | undefined): Promise<LanguageRedirect[]> {
  const prefix = language?.prefix ?? '';
  const { posts } = await getSiteDataIn(language);
  const inside = prefix.slice(1);
  const pages = new Map(
    posts.map((post) => [`${inside ? `${inside}/` : ''}${postPageFile(post.id)}`, post.filePath ?? post.id]),
  );
  const decomposed: LanguageRedirect[] = [];
  for (const post of posts) {
    const asWritten = jekyllSlug(post.filePath, post.data.slug);
    if (asWritten === undefined || asWritten.normalize('NFC') !== post.id || asWritten === post.id) continue;
    const from = `${prefix}${postPath(asWritten)}`;
    decomposed.push({ file: nfdStandIn(from.slice(1, -1)), from, to: post.id, prefix });
  }
  const declared = collectRedirects(
    posts
      .filter((post) => post.data.redirect_from && post.data.redirect_from.length > 0)
      .map((post) => ({
        id: post.id,
        file: post.filePath ?? post.id,
        from: (post.data.redirect_from ?? []).map((from) => `${prefix}/${from.replace(/^\/+/, '')}`),
      })),
    (file) => pages.get(file.normalize('NFC')),
  ).map((redirect) => ({ ...redirect, prefix }));
  return [...declared, ...decomposed];
}

async function load(): Promise<LanguageRedirect[]> {
  const redirects: LanguageRedirect[] = [];
  for (const language of pageLanguages) redirects.push(...(await redirectsIn(language)));
  return redirects;
}

/** The redirect pages, computed once per build. */
export function getRedirects(): Promise<LanguageRedirect[]> {
  cached ??= load();
  return cached;
}
