/**
 * What the theme shows about a post, worked out once, in one place: its summary, preview
 * image, authors, and for the post page its canonical URL, table of contents, comments,
 * related posts and neighbours. Pages and overridable components read it from here rather than
 * computing it again (see the README's "Overriding components").
 */
import config, { base } from 'virtual:chirpy/config';
import type { ChirpyRenderInfo } from '../markdown/frontmatter.ts';
import { mediaUrl } from '../utils/media.ts';
import { neighbours, relatedPosts } from '../utils/posts.ts';
import { tocEntries, type Heading } from '../utils/toc.ts';
import { postAuthors, type Author } from './authors.ts';
import { pageLocale, type PageLocale } from './i18n.ts';
import { getRenderInfo, getSiteData, type Post } from './site.ts';
import { pageUrl, postUrl, postUrlIn } from './urls.ts';
import { encodePath } from '../utils/slug.ts';
import { postPath } from '../utils/urls.ts';

export type { Author } from './authors.ts';
export type { Heading } from '../utils/toc.ts';

/** A post's preview image (`image:`), resolved through `cdn` and `media_subpath`. */
export interface PreviewImage {
  src: string;
  alt: string;
  width?: number | undefined;
  height?: number | undefined;
}

export function previewImage(post: Post): PreviewImage | undefined {
  const { image, media_subpath: subpath } = post.data;
  const src = image ? mediaUrl(image.path, { cdn: config.cdn, subpath, base }) : '';
  if (!image || src === '') return undefined;
  return {
    src,
    alt: image.alt ?? '',
    width: image.width,
    height: image.height,
  };
}

/** What lists, cards and the feed show for a post: its `description`, else the excerpt of its text. */
export async function postSummary(post: Post): Promise<string> {
  return post.data.description ?? (await getRenderInfo(post)).excerpt;
}

/** `last_modified_at` when it differs from the post's date (Chirpy's "Updated"). */
export function updatedDate(post: Post): Date | undefined {
  const { date, last_modified_at: modified } = post.data;
  return modified && modified.getTime() !== date.getTime() ? modified : undefined;
}

export interface RelatedPost {
  post: Post;
  url: string;
  summary: string;
}

/** Everything the post page shows about one post. */
export interface PostPageData {
  post: Post;
  url: string;
  /** The page's absolute URL (share links), on `site` when the site has one. */
  absoluteUrl: string;
  page: PageLocale;
  info: ChirpyRenderInfo;
  /** `description`, else the excerpt. */
  summary: string;
  authors: Author[];
  image: PreviewImage | undefined;
  updated: Date | undefined;
  /** Table of contents entries; empty when the TOC is off for the site or the post. */
  toc: Heading[];
  comments: boolean;
  related: RelatedPost[];
  older: Post | undefined;
  newer: Post | undefined;
  /** With the `pageviews` option: where PostMeta's count is read, and how it is said. */
  pageviews: { counter: string; label: string } | undefined;
  /**
   * On a multilingual site: the post's path in each language it really exists in (the
   * switcher and `hreflang` links), and, on a copy in a language it has no translation into,
   * its original's URL.
   */
  languagePaths: { paths: Record<string, string>; translated: string[] } | undefined;
  originalUrl: string | undefined;
}

/**
 * The post page's data. `headings` are those `render(post)` returned; `current`, `site` and
 * `routePattern` are the page's `Astro.url`, `Astro.site` and `Astro.routePattern`.
 */
export async function getPostPageData(
  post: Post,
  {
    headings,
    current,
    site,
    routePattern,
  }: { headings: readonly Heading[]; current: URL; site: URL | undefined; routePattern?: string | undefined },
): Promise<PostPageData> {
  const { posts } = await getSiteData(routePattern);
  const { data } = post;
  const info = await getRenderInfo(post);
  const { older, newer } = neighbours(posts, post.id);
  const related = await Promise.all(
    relatedPosts(posts, post).map(async (other) => ({
      post: other,
      url: postUrl(other.id),
      summary: await postSummary(other),
    })),
  );
  const url = postUrl(post.id);
  const page = pageLocale(data.lang, routePattern);
  const goatcounter = config.analytics.goatcounter;
  const edition = post.edition;
  return {
    post,
    url,
    absoluteUrl: pageUrl(current, site) ?? current.href,
    page,
    info,
    summary: data.description ?? info.excerpt,
    authors: postAuthors(data.authors),
    image: previewImage(post),
    updated: updatedDate(post),
    toc: config.toc && data.toc ? tocEntries(headings, info.tocSkip, info.tocTexts) : [],
    comments: config.comments !== false && data.comments,
    related,
    older,
    newer,
    // GoatCounter's counter of the page's path, as GoatCounter counted it.
    pageviews:
      config.pageviews && goatcounter
        ? {
            counter: `https://${encodeURIComponent(goatcounter.id)}.goatcounter.com/counter/${encodeURIComponent(current.pathname)}.json`,
            label: page.t('post.views'),
          }
        : undefined,
    languagePaths: edition && {
      paths: Object.fromEntries(
        edition.translations.map(({ language, slug }) => [language.code, encodePath(postPath(slug))]),
      ),
      translated: edition.translations.map(({ language }) => language.code),
    },
    // A fallback copy shows its original, whose slug is its own.
    originalUrl: edition?.fallback ? postUrlIn(edition.language, post.id) : undefined,
  };
}
