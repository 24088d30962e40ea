/**
 * What the sitemap needs to know about the posts, written as a file during the build and read
 * (then removed) by integration/sitemap.ts: each post's `lastmod`, and the redirect pages to
 * leave out. Injected only when the theme writes the sitemap.
 */
import type { APIRoute } from 'astro';
import { getRedirects } from '../data/redirects.ts';
import { getSiteDataIn } from '../data/site.ts';
import { languages, pageLanguages } from '../data/languages.ts';
import { absoluteUrl, localizedUrl, postUrl, postUrlIn, url } from '../data/urls.ts';
import type { SitemapData } from '../integration/sitemap.ts';
import { updatedAt } from '../utils/posts.ts';

export const GET: APIRoute = async ({ site }) => {
  const redirects = await getRedirects();
  const lastmod: SitemapData['lastmod'] = {};
  const alternates: NonNullable<SitemapData['alternates']> = {};
  // On a multilingual site, every language's post pages, each with its real translations.
  for (const language of pageLanguages) {
    const { posts } = await getSiteDataIn(language);
    for (const post of posts) {
      const page = absoluteUrl(localizedUrl(postUrl(post.id), language), site);
      lastmod[page] = updatedAt(post).toISOString();
      const translations = post.edition?.translations ?? [];
      if (translations.length < 2) continue;
      const links = translations.map((version) => ({
        lang: version.language.hreflang,
        url: absoluteUrl(postUrlIn(version.language, version.slug), site),
      }));
      const original = links[translations.findIndex((version) => version.language.isDefault)];
      alternates[page] = original ? [...links, { lang: 'x-default', url: original.url }] : links;
    }
  }
  const data: SitemapData = {
    lastmod,
    redirects: redirects.map((redirect) => absoluteUrl(url(`/${redirect.file.replace(/index\.html$/, '')}`), site)),
    ...(languages ? { alternates } : {}),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
