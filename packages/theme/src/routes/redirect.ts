/** Old URLs from `redirect_from`: a small page at each that sends readers to the post. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRedirects } from '../data/redirects.ts';
import { absoluteUrl, url } from '../data/urls.ts';
import { postPath } from '../utils/urls.ts';
import { escapeXml } from '../feed/xml-text.ts';

export const getStaticPaths = (async () => {
  const redirects = await getRedirects();
  return redirects.map((redirect) => ({
    params: { redirect: redirect.file },
    props: { to: url(`${redirect.prefix}${postPath(redirect.to)}`) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const target = (props as { to: string }).to;
  const absolute = escapeXml(absoluteUrl(target, site));
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Redirecting…</title>` +
    `<link rel="canonical" href="${absolute}"><meta http-equiv="refresh" content="0; url=${absolute}">` +
    `<meta name="robots" content="noindex"></head><body><p><a href="${absolute}">This page has moved.</a></p></body></html>`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
