/** Old URLs from `redirect_from`: a small page at each that sends readers to the post. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../data/site.ts';
import { postUrl } from '../data/urls.ts';
import { escapeXml } from '../feed/xml-text.ts';
import { parsePostFileName } from '../utils/filename.ts';
import { collectRedirects } from '../utils/redirects.ts';
import { nfdStandIn } from '../integration/nfd-urls.ts';
import { slugifyPrettyAsWritten } from '../utils/slug.ts';
import { registerRedirect } from '../integration/sitemap.ts';

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

export const getStaticPaths = (async () => {
  const { posts } = await getSiteData();
  const pages = new Map(posts.map((post) => [`posts/${post.id}/index.html`, post.filePath ?? post.id]));
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
    redirects.push({ file: nfdStandIn(asWritten), from: `/posts/${asWritten}/`, to: post.id });
  }
  return redirects.map((redirect) => ({ params: { redirect: redirect.file }, props: { to: redirect.to } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => {
  if (site) registerRedirect(new URL(url.pathname.replace(/index\.html$/, ''), site).href);
  const target = postUrl((props as { to: string }).to);
  const absolute = escapeXml(site ? new URL(target, site).href : target);
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Redirecting…</title>` +
    `<link rel="canonical" href="${absolute}"><meta http-equiv="refresh" content="0; url=${absolute}">` +
    `<meta name="robots" content="noindex"></head><body><p><a href="${absolute}">This page has moved.</a></p></body></html>`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
