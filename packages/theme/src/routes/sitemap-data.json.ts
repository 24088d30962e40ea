/**
 * What the sitemap needs to know about the posts, written as a file during the build and read
 * (then removed) by integration/sitemap.ts: each post's `lastmod`, and the redirect pages to
 * leave out. Injected only when the theme writes the sitemap.
 */
import type { APIRoute } from 'astro';
import { getRedirects } from '../data/redirects.ts';
import { getSiteData } from '../data/site.ts';
import { absoluteUrl, postUrl, url } from '../data/urls.ts';
import type { SitemapData } from '../integration/sitemap.ts';
import { updatedAt } from '../utils/posts.ts';

export const GET: APIRoute = async ({ site }) => {
  const { posts } = await getSiteData();
  const redirects = await getRedirects();
  const data: SitemapData = {
    lastmod: Object.fromEntries(
      posts.map((post) => [absoluteUrl(postUrl(post.id), site), updatedAt(post).toISOString()]),
    ),
    redirects: redirects.map((redirect) => absoluteUrl(url(`/${redirect.file.replace(/index\.html$/, '')}`), site)),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
