/**
 * `/feed.xml`: RSS 2.0, newest first, with the full HTML of each Markdown post. The item
 * `guid` (@astrojs/rss writes it from `link`) is the absolute, encoded post URL: the id
 * Chirpy's Atom feed gave the same post, so readers see no duplicates.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:chirpy/config';
import { getRenderInfo, getSiteData } from '../data/site.ts';
import { postUrl } from '../data/urls.ts';

export const GET: APIRoute = async (context) => {
  const site = context.site ?? new URL('http://localhost/');
  const { posts } = await getSiteData();
  const selected = config.feed.limit > 0 ? posts.slice(0, config.feed.limit) : posts;
  const items = await Promise.all(
    selected.map(async (post) => ({
      title: post.data.title,
      link: new URL(postUrl(post.id), site).href,
      pubDate: post.data.date,
      description: post.data.description ?? (await getRenderInfo(post)).excerpt,
      categories: [...post.data.categories, ...post.data.tags],
      // MDX posts are rendered at page time, so only Markdown posts carry their HTML here.
      ...(post.rendered?.html ? { content: post.rendered.html } : {}),
    })),
  );
  return rss({
    title: config.title,
    description: config.description || config.tagline || config.title,
    site,
    items,
    customData: `<language>${config.locale}</language>`,
    trailingSlash: true,
  });
};
