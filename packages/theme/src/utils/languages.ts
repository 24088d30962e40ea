/**
 * Multilingual sites, by jekyll-polyglot's rules (see the README's "Multilingual sites"):
 *
 * - A post's language: its `lang` front matter; else (with `languageFromPath`) the first folder
 *   of its path equal to a configured language, case-insensitively; else the default language.
 *   Case is normalised to the configured spelling (`pt-br` → `pt-BR`).
 * - Translations are grouped by `page_id`, else by their slug (the URL without the language).
 * - Each language shows, for every group, its own version; else the default language's; else
 *   the last other one. So an untranslated post is published under every language.
 * - The default language lives at the root, every other one under `/<code>/`.
 *
 * Pure: the loader, the pages and the tests use it with the parsed options.
 */

export interface LanguageSpec {
  code: string;
  locale?: string | undefined;
  hreflang?: string | undefined;
  label?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

export interface SiteLanguage {
  /** The URL prefix, as configured (`zh-TW`). */
  code: string;
  hreflang: string;
  label: string;
  dir: 'ltr' | 'rtl';
  /** The UI locale asked for (resolved to a shipped one by the locales module). */
  locale: string;
  isDefault: boolean;
  /** `''` for the default language, else `/<code>`. */
  prefix: string;
}

export interface SiteLanguages {
  /** In configured order. */
  list: SiteLanguage[];
  default: SiteLanguage;
  /** The configured language a written code means (case-insensitive), if any. */
  find(code: string): SiteLanguage | undefined;
}

export interface LanguageOptions {
  languages: (string | LanguageSpec)[];
  defaultLanguage?: string | undefined;
}

/** The language's own name for itself (`한국어`), else the code. */
function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** A language's text direction, from the runtime's locale data (CLDR). */
function textDirection(code: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The site's languages, or `undefined` for a one-language site (fewer than two configured).
 * Throws on a default language that is not configured, or a code configured twice.
 */
export function resolveLanguages(options: LanguageOptions): SiteLanguages | undefined {
  if (options.languages.length < 2) return undefined;
  const specs = options.languages.map((entry) => (typeof entry === 'string' ? { code: entry } : entry));
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const key = spec.code.toLowerCase();
    if (seen.has(key)) throw new Error(`languages: "${spec.code}" is configured twice (also as "${seen.get(key)}").`);
    seen.set(key, spec.code);
  }
  const defaultCode = options.defaultLanguage ?? specs[0]!.code;
  const defaultSpec = specs.find((spec) => spec.code.toLowerCase() === defaultCode.toLowerCase());
  if (!defaultSpec) {
    throw new Error(
      `defaultLanguage: "${defaultCode}" is not one of languages (${specs.map((spec) => spec.code).join(', ')}).`,
    );
  }
  const list = specs.map((spec): SiteLanguage => {
    const isDefault = spec === defaultSpec;
    return {
      code: spec.code,
      hreflang: spec.hreflang ?? spec.code,
      label: spec.label ?? ownName(spec.code),
      dir: spec.dir ?? textDirection(spec.locale ?? spec.code),
      locale: spec.locale ?? spec.code,
      isDefault,
      prefix: isDefault ? '' : `/${spec.code}`,
    };
  });
  const byKey = new Map(list.map((language) => [language.code.toLowerCase(), language]));
  return {
    list,
    default: list.find((language) => language.isDefault)!,
    find: (code) => byKey.get(code.trim().toLowerCase()),
  };
}

/** A post's language could not be read: its `lang` is not one of the site's languages. */
export class UnknownLanguageError extends Error {
  override name = 'UnknownLanguageError';
}

/**
 * A post's language, by polyglot's rules. `path` is the post's path inside the posts folder
 * (`ko/2024-01-01-x.md`).
 */
export function postLanguage(
  languages: SiteLanguages,
  { lang, path }: { lang: unknown; path: string },
  fromPath = true,
): SiteLanguage {
  if (typeof lang === 'string' && lang.trim() !== '') {
    const found = languages.find(lang);
    if (!found) {
      throw new UnknownLanguageError(
        `lang: "${lang}" is not one of the site's languages (${languages.list.map((language) => language.code).join(', ')}).`,
      );
    }
    return found;
  }
  if (fromPath) {
    for (const folder of path.split(/[\\/]/).slice(0, -1)) {
      const found = languages.find(folder);
      if (found) return found;
    }
  }
  return languages.default;
}

/** The id a post has in the content store: its slug, under `<code>/` for other languages than the default. */
export function postId(language: SiteLanguage, slug: string): string {
  return language.isDefault ? slug : `${language.code}/${slug}`;
}

/** The language and slug of a post id (see `postId`). Slugs never hold a `/`. */
export function splitPostId(languages: SiteLanguages, id: string): { language: SiteLanguage; slug: string } {
  const slash = id.indexOf('/');
  if (slash > 0) {
    const language = languages.find(id.slice(0, slash));
    if (language) return { language, slug: id.slice(slash + 1) };
  }
  return { language: languages.default, slug: id };
}

export interface Edition<P> {
  post: P;
  /** The post's own language. */
  language: SiteLanguage;
  slug: string;
  /** Shown in another language than its own (no translation there). */
  fallback: boolean;
  /** The real versions of this post, by language code (the post itself included). */
  translations: Map<string, P>;
}

/**
 * What each language shows: for every translation group, its own version, else the default
 * language's, else the last other one (in configured order). Keyed by language code; within a
 * language, posts keep the order of `posts`. Throws when two posts of one language claim one
 * group (`page_id`), naming both.
 */
export function languageEditions<
  P extends { id: string; filePath?: string | undefined; data: Record<string, unknown> },
>(languages: SiteLanguages, posts: readonly P[]): Map<string, Edition<P>[]> {
  const groups = new Map<string, Map<string, P>>();
  const groupOf = new Map<P, Map<string, P>>();
  for (const post of posts) {
    const { language, slug } = splitPostId(languages, post.id);
    const pageId = post.data.page_id;
    const key = typeof pageId === 'string' || typeof pageId === 'number' ? `id:${pageId}` : `slug:${slug}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    const other = group.get(language.code);
    if (other) {
      throw new Error(
        `${other.filePath ?? other.id} and ${post.filePath ?? post.id} are both the ${language.code} version of page_id ${String(pageId)}.`,
      );
    }
    group.set(language.code, post);
    groupOf.set(post, group);
  }
  const editions = new Map<string, Edition<P>[]>();
  const lastFirst = [...languages.list].reverse();
  for (const language of languages.list) {
    const shown: Edition<P>[] = [];
    for (const post of posts) {
      const group = groupOf.get(post)!;
      const chosen =
        group.get(language.code) ??
        group.get(languages.default.code) ??
        lastFirst.map((other) => group.get(other.code)).find(Boolean);
      if (chosen !== post) continue;
      const own = splitPostId(languages, post.id);
      shown.push({
        post,
        language: own.language,
        slug: own.slug,
        fallback: own.language.code !== language.code,
        translations: group,
      });
    }
    editions.set(language.code, shown);
  }
  return editions;
}

export interface LocalizeOptions {
  /** The language's prefix (`/ko`). */
  prefix: string;
  /** Astro's `base` prefix (`''` or `/blog`). */
  base: string;
  /** The site's origin (`https://example.com`), for site-absolute links; empty without `site`. */
  origin: string;
  /** Every language's prefix, to leave already-prefixed links alone. */
  prefixes: readonly string[];
  /** Paths left as written (polyglot's `exclude_from_localization`). */
  exclude: readonly string[];
}

/**
 * Polyglot's link rewrite for a page in a non-default language: a root-relative or
 * site-absolute `href` gains the language prefix, unless it already has one or starts with an
 * excluded path. Only the `href` of links to pages is touched (`<a>`, `<area>`, and `<link>`s
 * to feeds and neighbouring pages; never `src`, `content`, scripts, stylesheets or icons); a tag
 * marked `hreflang` or `data-static-href` (a link to a given language) keeps its link.
 */
export function localizeHrefs(html: string, options: LocalizeOptions): string {
  // Built files are never localised: Astro's bundles and the search index.
  const excluded = [...options.exclude, '_astro/', 'pagefind/'].map((path) => `/${path.replace(/^\/+/, '')}`);
  const localize = (path: string): string | undefined => {
    if (!path.startsWith(`${options.base}/`) && path !== options.base) return undefined;
    const inside = path.slice(options.base.length) || '/';
    if (inside.startsWith('//')) return undefined;
    for (const prefix of options.prefixes) {
      if (inside === prefix || inside.startsWith(`${prefix}/`)) return undefined;
    }
    if (excluded.some((path) => inside.startsWith(path))) return undefined;
    return `${options.base}${options.prefix}${inside}`;
  };
  return html.replace(/<(a|link|area)\b[^>]*>/gi, (tag, name: string) => {
    if (/\s(?:hreflang|data-static-href)(?:[\s=>]|$)/i.test(tag)) return tag;
    // Of <link>s, only those naming pages (feeds, neighbours), never stylesheets or icons.
    if (name.toLowerCase() === 'link' && !/\srel=["']?(?:alternate|prev|next)\b/i.test(tag)) return tag;
    return tag.replace(/(\shref=)(["'])(.*?)\2/i, (whole, attribute: string, quote: string, href: string) => {
      let changed: string | undefined;
      if (href.startsWith('/')) changed = localize(href);
      else if (options.origin && href.startsWith(`${options.origin}/`)) {
        const local = localize(href.slice(options.origin.length));
        changed = local === undefined ? undefined : options.origin + local;
      }
      return changed === undefined ? whole : `${attribute}${quote}${changed}${quote}`;
    });
  });
}
