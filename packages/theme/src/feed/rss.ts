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
  /** A category's or tag's feed: the names of its term (utils/taxonomy.ts). */
  term?: readonly string[] | undefined;
}

/** How many categories an item of a category's or tag's feed names at most. */
export const TERM_FEED_CATEGORIES = 32;

/**
 * The `<category>` elements of an item: the post's categories and tags. In a category's or tag's
 * feed, the feed's own term first and at most TERM_FEED_CATEGORIES of them: a post is in the
 * feed of each of its terms, so naming them all in each would grow with the square of its tags
 * (a post with 5,000 tags wrote 687 MB of feeds).
 */
export function itemCategories(data: { categories: string[]; tags: string[] }, term?: readonly string[]): string[] {
  const all = [...data.categories, ...data.tags];
  if (!term) return all;
  const own = all.filter((name) => term.includes(name));
  const picked = new Set(own.slice(0, TERM_FEED_CATEGORIES));
  for (const name of all) {
    if (picked.size >= TERM_FEED_CATEGORIES) break;
    picked.add(name);
  }
  return [...picked];
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

export async function feedResponse({
  title,
  description,
  path,
  posts,
  site,
  language,
  term,
}: FeedSpec): Promise<Response> {
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
        categories: itemCategories(post.data, term).map(xmlSafe),
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
