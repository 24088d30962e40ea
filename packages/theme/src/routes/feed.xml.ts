/** `/feed.xml`: the site feed, where Chirpy's subscribers already are. */
import type { APIRoute } from 'astro';
import config from 'virtual:chirpy/config';
import { getSiteData } from '../data/site.ts';
import { feedResponse } from '../feed/rss.ts';
import { routeLanguage } from '../data/languages.ts';

export const GET: APIRoute = async ({ site, routePattern }) => {
  const { posts } = await getSiteData(routePattern);
  return feedResponse({
    title: config.title,
    description: config.description || config.tagline || config.title,
    path: '/feed.xml',
    posts,
    site: site ?? new URL('http://localhost/'),
    language: routeLanguage(routePattern),
  });
};
