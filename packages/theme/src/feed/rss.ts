/**
 * One RSS 2.0 feed (the site's, or a category's or tag's), through @astrojs/rss.
 * Item guids are the absolute, encoded post URLs: Chirpy's Atom entry ids, so a reader
 * moving from the Jekyll feed sees the same posts, not new ones.
 */
import rss from '@astrojs/rss';
import config from 'virtual:chirpy/config';
import { getPostHtml, getRenderInfo, type Post } from '../data/site.ts';
import { postUrl, url } from '../data/urls.ts';
import { updatedAt } from '../utils/posts.ts';
import { feedHtml } from './feed-html.ts';
import { escapeXml, rfc822, xmlSafe } from './xml-text.ts';

export interface FeedSpec {
  /** The feed's title (the site title, or "Category · Site"). */
  title: string;
  description: string;
  /** The feed's own path, for `atom:link rel="self"`. */
  path: string;
  /** Public posts, newest first. */
  posts: Post[];
  site: URL;
}

/**
 * A post's feed HTML, made once per build: a post shows up in the site feed and in the feed
 * of each of its categories and tags, and rewriting its HTML is the costly part.
 */
const feedContent = new Map<string, Promise<string>>();

function contentFor(post: Post, link: string): Promise<string> {
  let content = feedContent.get(link);
  if (!content) {
    content = getPostHtml(post).then((html) => feedHtml(html, link));
    feedContent.set(link, content);
  }
  return content;
}

export async function feedResponse({ title, description, path, posts, site }: FeedSpec): Promise<Response> {
  const selected = config.feed.limit > 0 ? posts.slice(0, config.feed.limit) : posts;
  const newest = selected.reduce<Date | undefined>((latest, post) => {
    const date = updatedAt(post);
    return !latest || date > latest ? date : latest;
  }, undefined);
  const items = await Promise.all(
    selected.map(async (post) => {
      const link = new URL(postUrl(post.id), site).href;
      const author = post.data.authors.join(', ') || config.author;
      return {
        title: xmlSafe(post.data.title),
        link,
        description: xmlSafe(post.data.description ?? (await getRenderInfo(post)).excerpt),
        content: await contentFor(post, link),
        categories: [...post.data.categories, ...post.data.tags].map(xmlSafe),
        customData:
          `<pubDate>${rfc822(post.data.date, config.timezone)}</pubDate>` +
          (author ? `<dc:creator>${escapeXml(author)}</dc:creator>` : ''),
      };
    }),
  );
  return rss({
    title: xmlSafe(title),
    description: xmlSafe(description),
    site: new URL(url('/'), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData:
      `<language>${escapeXml(config.locale)}</language>` +
      (newest ? `<lastBuildDate>${rfc822(newest, config.timezone)}</lastBuildDate>` : '') +
      `<atom:link href="${escapeXml(new URL(url(path), site).href)}" rel="self" type="application/rss+xml"/>` +
      `<generator>astro-theme-chirpy</generator>`,
    items,
    trailingSlash: true,
  });
}
