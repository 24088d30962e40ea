/**
 * One RSS 2.0 feed (the site's, or a category's or tag's), through @astrojs/rss.
 * Item guids are the absolute, encoded post URLs: Chirpy's Atom entry ids, so a reader
 * moving from the Jekyll feed sees the same posts, not new ones.
 */
import { randomUUID } from 'node:crypto';
import { getRssString } from '@astrojs/rss';
import config from 'virtual:chirpy/config';
import { feedCreator } from '../data/authors.ts';
import { postSummary } from '../data/post-page.ts';
import { getPostHtml, type Post } from '../data/site.ts';
import { absoluteUrl, localizedHtml, localizedUrl, postUrl, url } from '../data/urls.ts';
import type { SiteLanguage } from '../data/languages.ts';
import { updatedAt } from '../utils/posts.ts';
import { feedHtml } from './feed-html.ts';
import { escapeXml, rfc822, textAsHtml, xmlSafe } from './xml-text.ts';

export interface FeedSpec {
  /** The feed's title (the site title, or "Category · Site"). */
  title: string;
  description: string;
  /** The feed's own path, for `atom:link rel="self"`. */
  path: string;
  /** Public posts, newest first. */
  posts: Post[];
  site: URL;
  /** On a multilingual site: the feed's language (its links go under the language's prefix). */
  language?: SiteLanguage | undefined;
}

/**
 * A post's feed HTML, rewritten and XML-escaped once per build: a post shows up in the site
 * feed and in the feed of each of its categories and tags, and both steps are costly.
 */
const feedContent = new Map<string, Promise<string>>();

function escapedContentFor(post: Post, link: string, language: SiteLanguage | undefined): Promise<string> {
  let content = feedContent.get(link);
  if (!content) {
    content = getPostHtml(post).then((html) => escapeXml(feedHtml(localizedHtml(html, language), link)));
    feedContent.set(link, content);
  }
  return content;
}

/**
 * @astrojs/rss builds the XML, but escaping every post body again for every feed it is in
 * took more time than the rest of the feed. Each item's content goes in as a marker that no
 * user text can contain (it holds a random id made for this build), and the body escaped
 * once above replaces the marker in the finished XML.
 */
const CONTENT_MARKER = `chirpy-feed-content-${randomUUID()}-`;
const CONTENT_MARKERS = new RegExp(`${CONTENT_MARKER}(\\d+)`, 'g');

export async function feedResponse({ title, description, path, posts, site, language }: FeedSpec): Promise<Response> {
  const link = (path: string) => absoluteUrl(localizedUrl(path, language), site);
  const selected = config.feed.limit > 0 ? posts.slice(0, config.feed.limit) : posts;
  const newest = selected.reduce<Date | undefined>((latest, post) => {
    const date = updatedAt(post);
    return !latest || date > latest ? date : latest;
  }, undefined);
  const contents: string[] = [];
  const items = await Promise.all(
    selected.map(async (post, index) => {
      const itemLink = link(postUrl(post.id));
      contents[index] = await escapedContentFor(post, itemLink, language);
      const author = feedCreator(post.data.authors);
      return {
        title: xmlSafe(post.data.title),
        link: itemLink,
        description: textAsHtml(await postSummary(post)),
        content: `${CONTENT_MARKER}${index}`,
        categories: [...post.data.categories, ...post.data.tags].map(xmlSafe),
        customData:
          `<pubDate>${rfc822(post.data.date, config.timezone)}</pubDate>` +
          (author ? `<dc:creator>${escapeXml(author)}</dc:creator>` : ''),
      };
    }),
  );
  const xml = await getRssString({
    title: xmlSafe(title),
    description: textAsHtml(description),
    site: link(url('/')),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData:
      `<language>${escapeXml(language?.hreflang ?? config.locale)}</language>` +
      (newest ? `<lastBuildDate>${rfc822(newest, config.timezone)}</lastBuildDate>` : '') +
      `<atom:link href="${escapeXml(link(url(path)))}" rel="self" type="application/rss+xml"/>` +
      `<generator>astro-theme-chirpy</generator>`,
    items,
    trailingSlash: true,
  });
  const body = xml.replace(CONTENT_MARKERS, (_, index: string) => contents[Number(index)] ?? '');
  return new Response(new TextEncoder().encode(body), { headers: { 'Content-Type': 'application/xml' } });
}
