/** Old URLs from `redirect_from`: a small page at each that sends readers to the post. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../data/site.ts';
import { postUrl } from '../data/urls.ts';
import { escapeXml } from '../feed/xml-text.ts';
import { collectRedirects } from '../utils/redirects.ts';
import { registerRedirect } from '../integration/sitemap.ts';

export const getStaticPaths = (async () => {
  const { posts } = await getSiteData();
  const pages = new Map(posts.map((post) => [`posts/${post.id}/index.html`, post.filePath ?? post.id]));
  const redirects = collectRedirects(
    posts
      .filter((post) => post.data.redirect_from && post.data.redirect_from.length > 0)
      .map((post) => ({ id: post.id, file: post.filePath ?? post.id, from: post.data.redirect_from ?? [] })),
    (file) => pages.get(file.normalize('NFC')),
  );
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
