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
import { homeOrder, isPublic, recentlyUpdated, sortPosts } from '../utils/posts.ts';
import { categoryTerms, categoryTree, collisions, tagTerms, trendingTags, type Term } from '../utils/taxonomy.ts';

export const COLLECTION = 'posts';

export interface Post {
  id: string;
  data: ChirpyPostData;
  body?: string;
  filePath?: string;
  rendered?: { html: string; metadata?: { frontmatter?: Record<string, unknown> } };
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

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const entries = (await getCollection(COLLECTION as never)) as unknown as Post[];
  const now = new Date();
  const posts = sortPosts(entries.filter((post) => isPublic(post, now)));
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

/** The blog's data; the first caller computes it, every later page reuses it. */
export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

const infos = new Map<string, Promise<ChirpyRenderInfo>>();

/** Word count, excerpt and code flag, from the Markdown pipeline (rendering MDX once if needed). */
export function getRenderInfo(post: Post): Promise<ChirpyRenderInfo> {
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
export async function getPostHtml(post: Post): Promise<string> {
  if (post.rendered?.html !== undefined) return post.rendered.html;
  container ??= experimental_AstroContainer.create().then((created) => {
    created.addServerRenderer({ renderer: mdxRenderer });
    return created;
  });
  const { Content } = await render(post as never);
  return (await container).renderToString(Content);
}
