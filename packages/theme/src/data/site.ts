/**
 * Everything the pages need to know about the blog, computed once per build:
 * the public posts in date order, the home order, categories and tags.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer } from 'astro/container';
import { getCollection, render } from 'astro:content';
import config from 'virtual:chirpy/config';
import { emptyRenderInfo, type ChirpyRenderInfo } from '../markdown/frontmatter.ts';
import type { ChirpyPostData } from '../schema.ts';
import { buildTime } from '../utils/build-time.ts';
import { languageEditions, splitPostId, type SiteLanguage } from '../utils/languages.ts';
import { homeOrder, isPublic, recentlyUpdated, sortPosts } from '../utils/posts.ts';
import { languages, routeLanguage } from './languages.ts';
import { categoryTerms, categoryTree, collisions, tagTerms, trendingTags, type Term } from '../utils/taxonomy.ts';

export const COLLECTION = 'posts';

export interface Post {
  id: string;
  data: ChirpyPostData;
  body?: string;
  filePath?: string;
  rendered?: { html: string; metadata?: { frontmatter?: Record<string, unknown> } };
  /**
   * On a multilingual site: how one language's pages show this post. The post's `id` is then its
   * slug (its URL in that language, before the language prefix), `entry` the stored entry.
   */
  edition?: PostEdition;
}

export interface PostEdition {
  /** The entry in the content store (its id holds the language: `ko/slug`). */
  entry: Post;
  /** The language the pages are in. */
  pageLanguage: SiteLanguage;
  /** The post's own language. */
  language: SiteLanguage;
  /** Shown in another language than its own: it has no translation into the page's language. */
  fallback: boolean;
  /** The languages the post really exists in, with its slug in each. */
  translations: { language: SiteLanguage; slug: string }[];
}

export interface SiteData {
  /** Public posts, newest first. */
  posts: Post[];
  /** The home list: pinned first, hidden left out. */
  home: Post[];
  categories: Map<string, Term<Post>>;
  tags: Map<string, Term<Post>>;
  tree: ReturnType<typeof categoryTree<Post>>;
  /** The right panel: posts changed last, and the most used tags. */
  recent: Post[];
  trending: Term<Post>[];
}

let entries: Promise<Post[]> | undefined;

/** The public posts, newest first, as stored. */
function publicPosts(): Promise<Post[]> {
  entries ??= (async () => {
    const all = (await getCollection(COLLECTION as never)) as unknown as Post[];
    const now = buildTime();
    return sortPosts(all.filter((post) => isPublic(post, now)));
  })();
  return entries;
}

let editions: Promise<Map<string, Post[]>> | undefined;

/** A multilingual site's posts as each language shows them (utils/languages.ts `languageEditions`). */
function postsByLanguage(): Promise<Map<string, Post[]>> {
  editions ??= (async () => {
    const byLanguage = new Map<string, Post[]>();
    if (!languages) return byLanguage;
    for (const [code, shown] of languageEditions(languages, await publicPosts())) {
      const pageLanguage = languages.find(code)!;
      // Two posts shown in one language at one URL (different page_id groups, one slug).
      const bySlug = new Map<string, Post>();
      for (const { post, slug } of shown) {
        const other = bySlug.get(slug);
        if (other) {
          throw new Error(
            `${other.filePath ?? other.id} and ${post.filePath ?? post.id} would both be shown at ${pageLanguage.prefix}/posts/${slug}/: give one another slug, or the same page_id.`,
          );
        }
        bySlug.set(slug, post);
      }
      byLanguage.set(
        code,
        shown.map(({ post, language, slug, fallback, translations }) => ({
          ...post,
          id: slug,
          edition: {
            entry: post,
            pageLanguage,
            language,
            fallback,
            translations: [...translations.values()].map((version) => splitPostId(languages!, version.id)),
          },
        })),
      );
    }
    return byLanguage;
  })();
  return editions;
}

const cached = new Map<string, Promise<SiteData>>();

async function load(language: SiteLanguage | undefined): Promise<SiteData> {
  const posts = language ? (await postsByLanguage()).get(language.code)! : await publicPosts();
  const categories = categoryTerms(posts);
  const tags = tagTerms(posts);
  for (const [kind, terms] of [
    ['categories', categories],
    ['tags', tags],
  ] as const) {
    for (const clash of collisions(terms)) {
      console.warn(
        `[astro-theme-chirpy] ${kind} ${clash.names.map((name) => JSON.stringify(name)).join(', ')} share the URL /${kind}/${clash.slug}/; that page lists the posts of all of them.`,
      );
    }
  }
  return {
    posts,
    home: homeOrder(posts),
    categories,
    tags,
    tree: categoryTree(posts),
    recent: recentlyUpdated(posts),
    trending: trendingTags(tags.values()),
  };
}

/**
 * The blog's data; the first caller computes it, every later page reuses it. On a
 * multilingual site, pass the page's route pattern (`Astro.routePattern`, or `routePattern` in
 * `getStaticPaths`) to get its language's posts.
 */
export function getSiteData(routePattern?: string): Promise<SiteData> {
  return getSiteDataIn(routeLanguage(routePattern));
}

/** One language's data (`undefined`: a one-language site's, or the default language's). */
export function getSiteDataIn(language: SiteLanguage | undefined): Promise<SiteData> {
  language ??= languages?.default;
  const key = language?.code ?? '';
  let data = cached.get(key);
  if (!data) cached.set(key, (data = load(language)));
  return data;
}

/** The stored entry of a post as pages hold it (on multilingual sites, pages hold an edition). */
export function storedEntry(post: Post): Post {
  return post.edition?.entry ?? post;
}

const infos = new Map<string, Promise<ChirpyRenderInfo>>();

/** Word count, excerpt and code flag, from the Markdown pipeline (rendering MDX once if needed). */
export function getRenderInfo(shown: Post): Promise<ChirpyRenderInfo> {
  const post = storedEntry(shown);
  let info = infos.get(post.id);
  if (!info) {
    const stored = post.rendered?.metadata?.frontmatter?.chirpy as ChirpyRenderInfo | undefined;
    info = stored
      ? Promise.resolve(stored)
      : render(post as never).then(
          (result) => (result.remarkPluginFrontmatter?.chirpy as ChirpyRenderInfo | undefined) ?? emptyRenderInfo(),
        );
    infos.set(post.id, info);
  }
  return info;
}

export { config };

let container: Promise<experimental_AstroContainer> | undefined;

/** The post's HTML: stored at sync time for Markdown, rendered once for MDX. */
export async function getPostHtml(shown: Post): Promise<string> {
  const post = storedEntry(shown);
  if (post.rendered?.html !== undefined) return post.rendered.html;
  container ??= experimental_AstroContainer.create().then((created) => {
    created.addServerRenderer({ renderer: mdxRenderer });
    return created;
  });
  const { Content } = await render(post as never);
  return (await container).renderToString(Content);
}
