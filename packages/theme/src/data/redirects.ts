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
import { getSiteData } from './site.ts';

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

let cached: Promise<Redirect[]> | undefined;

async function load(): Promise<Redirect[]> {
  const { posts } = await getSiteData();
  const pages = new Map(posts.map((post) => [postPageFile(post.id), post.filePath ?? post.id]));
  const redirects = collectRedirects(
    posts
      .filter((post) => post.data.redirect_from && post.data.redirect_from.length > 0)
      .map((post) => ({ id: post.id, file: post.filePath ?? post.id, from: post.data.redirect_from ?? [] })),
    (file) => pages.get(file.normalize('NFC')),
  );
  // Jekyll's own URL of a post whose file name is decomposed (NFD): the theme publishes the NFC
  // URL, and the URL Jekyll published sends readers there. Astro writes every page under an NFC
  // path, so the page is built under a stand-in name and moved into place after the build
  // (integration/nfd-urls.ts).
  for (const post of posts) {
    const asWritten = jekyllSlug(post.filePath, post.data.slug);
    if (asWritten === undefined || asWritten.normalize('NFC') !== post.id || asWritten === post.id) continue;
    redirects.push({ file: nfdStandIn(asWritten), from: postPath(asWritten), to: post.id });
  }
  return redirects;
}

/** The redirect pages, computed once per build. */
export function getRedirects(): Promise<Redirect[]> {
  cached ??= load();
  return cached;
}
