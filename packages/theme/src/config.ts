/**
 * The options of `chirpy()`: the theme's public, typed API. `ChirpyUserConfig` is what
 * you write in `astro.config`; `ChirpyConfig` is what components receive, defaults filled.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { isValidTimeZone } from './utils/dates.ts';
import { resolveLanguages } from './utils/languages.ts';
import { LOCALES, type LocaleCode } from './locales/index.ts';
import { SHARE_PLATFORMS, SOCIAL_TYPES } from './constants.mjs';

export { SHARE_PLATFORMS, SOCIAL_TYPES };

/** Components a site can replace with its own (`components: { Footer: './src/MyFooter.astro' }`). */
export const OVERRIDABLE_COMPONENTS = [
  'Head',
  'Sidebar',
  'Topbar',
  'Footer',
  'PostCard',
  'PostMeta',
  'Comments',
] as const;
export type OverridableComponent = (typeof OVERRIDABLE_COMPONENTS)[number];

const giscus = z.strictObject({
  provider: z.literal('giscus'),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'expected "owner/name"' }),
  repoId: z.string().min(1),
  category: z.string().min(1),
  categoryId: z.string().min(1),
  /** How a page finds its thread; Chirpy's default is the path, so old threads keep attaching. */
  mapping: z.enum(['pathname', 'url', 'title', 'og:title']).default('pathname'),
  strict: z.boolean().default(false),
  reactionsEnabled: z.boolean().default(true),
  inputPosition: z.enum(['top', 'bottom']).default('bottom'),
  lang: z.string().optional(),
});

const utterances = z.strictObject({
  provider: z.literal('utterances'),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'expected "owner/name"' }),
  /** Chirpy's default: one issue per page path. */
  issueTerm: z.string().default('pathname'),
  label: z.string().optional(),
});

const disqus = z.strictObject({
  provider: z.literal('disqus'),
  shortname: z.string().regex(/^[\w-]+$/, { error: 'expected the Disqus shortname, such as "my-blog"' }),
});

const id = z.string().min(1);
/** Analytics, each off unless configured; loaded in production builds only. */
const analytics = z
  .strictObject({
    google: z.strictObject({ id }).optional(),
    goatcounter: z.strictObject({ id }).optional(),
    umami: z.strictObject({ id, domain: z.string().min(1) }).optional(),
    matomo: z.strictObject({ id, domain: z.string().min(1) }).optional(),
    cloudflare: z.strictObject({ id }).optional(),
    fathom: z.strictObject({ id }).optional(),
  })
  .prefault({});

const routeSwitches = z
  .strictObject({
    home: z.boolean().default(true),
    posts: z.boolean().default(true),
    categories: z.boolean().default(true),
    tags: z.boolean().default(true),
    archives: z.boolean().default(true),
    feed: z.boolean().default(true),
    notFound: z.boolean().default(true),
    /** `/robots.txt`, `/sitemap.xml` and `/site.webmanifest`. */
    seo: z.boolean().default(true),
    /** `/search/` and the Pagefind index built with the site. */
    search: z.boolean().default(true),
  })
  .prefault({});

/** A language's URL prefix: a BCP 47-like tag (`en`, `ko`, `zh-TW`, `pt-BR`). */
const languageCode = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
  error: (issue) => `"${String(issue.input)}" is not a language code such as en, ko or zh-TW`,
});

export const ChirpyConfigSchema = z.strictObject({
  /** Site title, in the sidebar and every page title. */
  title: z.string().min(1, { error: 'the site needs a title' }),
  /** A line under the title in the sidebar. */
  tagline: z.string().default(''),
  /** Used for the home page's meta description and the feed. */
  description: z.string().default(''),
  /** Sidebar avatar: a path under `public/` or a URL. */
  avatar: z.string().optional(),
  /** The default author name (Chirpy's `social.name`). */
  author: z.string().optional(),
  /** Sidebar links, in order. */
  social: z
    .array(
      z.strictObject({
        type: z.enum(SOCIAL_TYPES),
        url: z.string().min(1),
        label: z.string().optional(),
      }),
    )
    .default([]),
  /** IANA timezone: front matter dates without an offset are read in it, and dates are shown in it. */
  timezone: z
    .string()
    .refine(isValidTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA timezone name such as Asia/Seoul`,
    })
    .default('UTC'),
  /** UI language. */
  locale: z
    .enum(Object.keys(LOCALES) as [LocaleCode, ...LocaleCode[]], {
      error: (issue) => `"${String(issue.input)}" is not a supported locale (${Object.keys(LOCALES).join(', ')})`,
    })
    .default('en'),
  /**
   * More than one language (jekyll-polyglot's `languages`): each with its URL prefix, spelled
   * exactly as it appears in URLs (`ko`, `zh-TW`), and optionally the UI locale, `hreflang`,
   * label and text direction. `['en', 'ko']` is short for `[{ code: 'en' }, { code: 'ko' }]`.
   * Empty (the default): a one-language site in `locale`.
   */
  languages: z
    .array(
      z.union([
        languageCode,
        z.strictObject({
          code: languageCode,
          /** UI strings; default: the shipped locale nearest to `code`. */
          locale: z.string().optional(),
          /** `hreflang` of its pages; default: `code`. */
          hreflang: z.string().optional(),
          /** Shown in the language switcher; default: the language's own name for itself. */
          label: z.string().optional(),
          /** Text direction; default: that of the locale. */
          dir: z.enum(['ltr', 'rtl']).optional(),
        }),
      ]),
    )
    .default([]),
  /** The language at the site root (polyglot's `default_lang`); default: the first of `languages`. */
  defaultLanguage: languageCode.optional(),
  /**
   * Paths links keep as written on other languages' pages (polyglot's `exclude_from_localization`),
   * such as `assets` or `/files/`.
   */
  excludeFromLocalization: z.array(z.string()).default([]),
  /** Read a post's language from a folder named after it (`_posts/ko/…`), as polyglot's `lang_from_path`. */
  languageFromPath: z.boolean().default(true),
  /**
   * The canonical URL of an untranslated post's copy in another language: `original` (its
   * original's URL, so search engines index one) or `self`.
   */
  fallbackCanonical: z.enum(['original', 'self']).default('original'),
  /**
   * A post without `last_modified_at` whose file has more than one git commit shows its newest
   * commit as "Updated", as Chirpy's starter does; on when the site is a git repository.
   */
  updatedFromGit: z.boolean().default(true),
  /**
   * The offline mode (Chirpy's `pwa`): a service worker keeps visited pages and files, so they
   * open without a network, and tells the reader when a new build is there. Off by default.
   * `cache.denyPaths` are never kept (paths from the site root).
   */
  pwa: z
    .union([
      z.literal(false),
      z.strictObject({
        cache: z
          .strictObject({ enabled: z.boolean().default(true), denyPaths: z.array(z.string()).default([]) })
          .prefault({}),
      }),
    ])
    .default(false),
  /**
   * Front matter defaults, as Jekyll's `_config.yml` `defaults:` (the migration copies them):
   * `[{ scope: { path: '_posts/ko', type: 'posts' }, values: { math: true } }]`. A scope's `path`
   * is matched from the site source (`_posts/<file in the posts folder>`), `type` is `posts` (or
   * none); sets merge in order, a longer path winning, and a post's own front matter wins over all.
   */
  defaults: z
    .array(
      z.strictObject({
        scope: z.strictObject({ path: z.string().optional(), type: z.string().optional() }).optional(),
        values: z.record(z.string(), z.unknown()),
      }),
    )
    .default([]),
  /**
   * Accept `.mdx` posts. An MDX post is a program: its `import` and `export` lines run at build
   * time and can read any file the build can. A blog that publishes posts from others sets
   * `false`: only Markdown posts are accepted (an `.mdx` post stops the build, named), and MDX is
   * not set up for the site unless it adds @astrojs/mdx itself.
   */
  mdx: z.boolean().default(true),
  /** Posts per home page. */
  paginate: z.int().min(1).max(1000).default(10),
  /** Comments: off unless a provider is configured. Posts turn them off with `comments: false`. */
  comments: z.union([z.literal(false), z.discriminatedUnion('provider', [giscus, utterances, disqus])]).default(false),
  /** Analytics services (Google, GoatCounter, Umami, Matomo, Cloudflare, Fathom): off unless configured. */
  analytics,
  /**
   * A post's page views under its title, as Chirpy 7 shows them (`pageviews.provider`): read from
   * GoatCounter's public counter (turn on "Allow adding visitor counts on your website" in its
   * settings) with `analytics.goatcounter`. Off by default; on, it is the one request it adds.
   */
  pageviews: z.union([z.literal(false), z.strictObject({ provider: z.literal('goatcounter') })]).default(false),
  /** `auto` follows the OS and shows a toggle; `light` or `dark` force a mode. */
  themeMode: z.enum(['auto', 'light', 'dark']).default('auto'),
  /** A CDN URL prepended to media paths (Chirpy's `cdn`). */
  cdn: z.url({ error: 'expected an absolute URL such as https://cdn.example.com' }).optional(),
  /** The post license line; `false` hides it. */
  license: z
    .union([z.literal(false), z.strictObject({ name: z.string(), url: z.url() })])
    .default({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }),
  /**
   * Who writes the posts, by the ids posts give in `author`/`authors` (Chirpy's
   * `_data/authors.yml`): the name shown, a link, and a Twitter handle for social cards.
   */
  authors: z
    .record(
      z.string(),
      z.strictObject({ name: z.string().min(1), url: z.string().optional(), twitter: z.string().optional() }),
    )
    .default({}),
  /**
   * Ownership proofs for search consoles (Chirpy's `webmaster_verifications`, before v6
   * `google_site_verification`): a `<meta>` tag each in every page's head.
   */
  siteVerification: z
    .strictObject({
      google: z.string().optional(),
      bing: z.string().optional(),
      yandex: z.string().optional(),
      baidu: z.string().optional(),
      facebook: z.string().optional(),
      alexa: z.string().optional(),
    })
    .default({}),
  /** The image social cards use when a page has no preview image of its own. */
  socialImage: z.string().optional(),
  /**
   * The favicon: one file, or a folder (ending in `/`) with Chirpy's favicon set, such as
   * `/assets/img/favicons/`. The theme serves a default `/favicon.svg` when the site has none.
   */
  favicon: z.string().default('/favicon.svg'),
  /** Share links under posts: which platforms, and a copy-link button. `false` hides them. */
  share: z
    .union([
      z.literal(false),
      z.strictObject({
        platforms: z.array(z.enum(SHARE_PLATFORMS)).default(['twitter', 'facebook', 'telegram']),
        copyLink: z.boolean().default(true),
      }),
    ])
    .prefault({}),
  /**
   * Formulas (posts with `math: true`), rendered by KaTeX at build time. `output: 'mathml'` (the
   * default) writes each formula once, as MathML, which every current browser draws with the
   * reader's math font: no KaTeX stylesheet or fonts to load, half the gzipped HTML and under a
   * third of the elements of a long math post (BENCHMARKS.md, "Long math posts"). `'htmlAndMathml'`
   * writes KaTeX's HTML as well (drawn with KaTeX's own fonts, the same in every browser) and
   * keeps the MathML for screen readers; it loads KaTeX's stylesheet and fonts.
   */
  math: z.strictObject({ output: z.enum(['mathml', 'htmlAndMathml']).default('mathml') }).prefault({}),
  /** The table of contents on posts (a post turns its own off with `toc: false`). */
  toc: z.boolean().default(true),
  /** Feed options. */
  feed: z.strictObject({ limit: z.int().min(0).default(30) }).prefault({}),
  /** Extra sidebar tabs after Archives, such as an About page: `{ label, href }`. */
  tabs: z.array(z.strictObject({ label: z.string().min(1), href: z.string().min(1) })).default([]),
  /** Turn any injected route off to provide your own page. */
  routes: routeSwitches,
  /** Replace theme components by name with your own `.astro` files (paths from the project root). */
  components: z.partialRecord(z.enum(OVERRIDABLE_COMPONENTS), z.string()).default({}),
});

export type ChirpyUserConfig = z.input<typeof ChirpyConfigSchema>;
export type ChirpyConfig = z.output<typeof ChirpyConfigSchema>;

/** The keys an object of the schema takes at `path` (through defaults, optionals, unions and lists). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      if (path.length === 0) return Object.keys(shape);
      const next = shape[String(path[0])];
      return next ? knownKeys(next, path.slice(1)) : [];
    }
    case 'array':
      return typeof path[0] === 'number' ? knownKeys(def.element as z.ZodType, path.slice(1)) : [];
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap((option) => knownKeys(option, path)))];
    case 'pipe':
      return knownKeys(def.in as z.ZodType, path);
    default:
      return def.innerType ? knownKeys(def.innerType as z.ZodType, path) : [];
  }
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known key closest to a mistyped one, if one is close enough to be what was meant. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** An option error as Astro shows a user's mistake: the message and a hint, without a stack trace. */
export class ChirpyOptionsError extends AstroError {
  override name = 'ChirpyOptionsError';
}

/** Parses the options, or throws one readable error naming every bad option, as the user wrote it. */
export function parseChirpyConfig(options: unknown): ChirpyConfig {
  const result = ChirpyConfigSchema.safeParse(options ?? {});
  const hint = 'Every option is listed in the README of astro-theme-chirpy, "Options".';
  if (result.success) {
    try {
      resolveLanguages(result.data);
      if (result.data.pageviews && !result.data.analytics.goatcounter) {
        throw new Error('pageviews: GoatCounter page views need analytics.goatcounter.id (the site code).');
      }
    } catch (error) {
      throw new ChirpyOptionsError(`Invalid astro-theme-chirpy options:\n  - ${(error as Error).message}`, hint);
    }
    return result.data;
  }
  const lines = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(ChirpyConfigSchema, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closestKey(key, known);
        const where = at ? `${at}.${key}` : key;
        return `  - ${where}: not an option of chirpy()${suggestion ? `; did you mean \`${suggestion}\`?` : ` (the options here: ${known.join(', ')})`}`;
      });
    }
    return [`  - ${at || '(options)'}: ${issue.message}`];
  });
  throw new ChirpyOptionsError(`Invalid astro-theme-chirpy options:\n${lines.join('\n')}`, hint);
}
