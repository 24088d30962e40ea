/**
 * Every redirect page the site publishes: `redirect_from` paths, and the decomposed (NFD) URL
 * Jekyll published for a post whose file name is written that way. Used by the redirect route
 * and by the sitemap, which leaves these pages out.
 */
import config from 'virtual:chirpy/config';
import { publicFiles, routes } from 'virtual:chirpy/served';
import { nfdStandIn } from '../integration/nfd-urls.ts';
import { parsePostFileName } from '../utils/filename.ts';
import { paginate } from '../utils/posts.ts';
import { collectRedirects, occupantOf, servedFiles, type Redirect } from '../utils/redirects.ts';
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

/** Folders the build writes of its own: bundled assets, the search index, the theme's files. */
const BUILD_FOLDERS = ['_astro', 'pagefind', '_chirpy'];

let fixed: Map<string, string> | undefined;
/** The site's fixed pages and files (integration/served-paths.ts), once per build. */
const fixedFiles = () => (fixed ??= servedFiles(routes, publicFiles, BUILD_FOLDERS));

/** The theme's own pages with parameters in one language: home pages, category and tag pages and feeds. */
function themePages(site: Awaited<ReturnType<typeof getSiteDataIn>>, inside: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = (path: string, what: string) => files.set(`${inside ? `${inside}/` : ''}${path}`, what);
  if (config.routes.home) {
    for (const page of paginate(site.home, config.paginate).slice(1)) {
      add(`page${page.current}/index.html`, `the home page ${page.current}`);
    }
  }
  for (const kind of ['categories', 'tags'] as const) {
    if (!config.routes[kind]) continue;
    for (const term of site[kind].values()) {
      add(`${kind}/${term.slug}/index.html`, `the page of ${term.names.join(' / ')}`);
      if (config.routes.feed) add(`${kind}/${term.slug}/feed.xml`, `the feed of ${term.names.join(' / ')}`);
    }
  }
  return files;
}

/**
 * The redirects of one language's pages (a multilingual site's `redirect_from` live under each
 * prefix, as in polyglot), and Jekyll's own URL of a post whose file name is decomposed (NFD):
 * the theme publishes the NFC URL, and the URL Jekyll published sends readers there. Astro writes
 * every page under an NFC path, so that page is built under a stand-in name and moved into place
 * after the build (integration/nfd-urls.ts).
 */
async function redirectsIn(language: SiteLanguage | undefined): Promise<LanguageRedirect[]> {
  const prefix = language?.prefix ?? '';
  const site = await getSiteDataIn(language);
  const { posts } = site;
  const inside = prefix.slice(1);
  const pages = new Map(
    posts.map((post) => [`${inside ? `${inside}/` : ''}${postPageFile(post.id)}`, post.filePath ?? post.id]),
  );
  const generated = themePages(site, inside);
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
    (file) =>
      pages.get(file.normalize('NFC')) ?? generated.get(file.normalize('NFC')) ?? occupantOf(file, fixedFiles()),
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
