/**
 * The props of the components a site can replace (the `components` option): the contract an
 * override is written against. Each theme component takes exactly these; see the README's
 * "Overriding components".
 */
import type { Author } from '../data/authors.ts';
import type { Alternate } from '../data/languages.ts';
import type { PageLocale } from '../data/i18n.ts';
import type { Post } from '../data/site.ts';
import type { Translate } from '../locales/index.ts';

/** `Head` */
export interface HeadProps {
  /** The page's own title; the home page passes none. */
  title?: string | undefined;
  description?: string | undefined;
  /** Extra feeds for this page (a category's or tag's). */
  feeds?: { title: string; href: string }[];
  /** The page's preview image (already resolved through cdn and media_subpath). */
  image?: string | undefined;
  /** For posts: what social cards and JSON-LD say about the article. */
  article?:
    | {
        published: Date;
        modified?: Date | undefined;
        authors: string[];
        /** The first author's Twitter handle (`twitter:creator`). */
        twitter?: string | undefined;
      }
    | undefined;
  /** The page's language (`<html lang>`), for og:locale. */
  lang?: string | undefined;
  /** On a paginated list: the paths of the pages before and after (`rel="prev"`/`"next"`). */
  pagination?: { prev?: string | undefined; next?: string | undefined } | undefined;
  /** On a multilingual site: the page in every language (`hreflang` links). */
  alternates?: Alternate[] | undefined;
  /** The canonical URL when it is not the page's own (a fallback copy points at its original). */
  canonical?: string | undefined;
}

/** `Sidebar` */
export interface SidebarProps {
  t: Translate;
  /** Which tab is current: `home`, `categories`, `tags`, `archives`, or none. */
  active?: string | undefined;
}

/** `Topbar` */
export interface TopbarProps {
  t: Translate;
  /** Links from the home page to the current page; the last one is the current page. */
  crumbs: { label: string; href?: string | undefined }[];
  /** On a multilingual site: the page in every language, for the language switcher. */
  languages?: Alternate[] | undefined;
  /** On a post with a table of contents: the button that opens it on narrow screens (`#toc-popup`). */
  toc?: { title: string } | undefined;
}

/** `Footer` */
export interface FooterProps {
  t: Translate;
}

/** `PostCard` */
export interface PostCardProps {
  post: Post;
  page: PageLocale;
  /** Show the "pinned" mark. */
  pinned?: boolean;
}

/** `PostMeta` */
export interface PostMetaProps {
  post: Post;
  page: PageLocale;
  /** Words in the post, for the reading time. */
  words: number;
  /** The post's authors, looked up in the `authors` option (the site's author when it names none). */
  authors: Author[];
  /** `last_modified_at`, when it differs from the post's date. */
  updated?: Date | undefined;
  /**
   * With `pageviews` on: where the post's view count is read (`counter`, a JSON URL) and how it
   * is said (`label`, with `{n}`); components/Pageviews.astro fills it in.
   */
  pageviews?: { counter: string; label: string } | undefined;
}

/** `Comments` */
export interface CommentsProps {
  lang: string;
}
