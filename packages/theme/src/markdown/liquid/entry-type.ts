/**
 * Liquid in posts, wired into content loading: Astro's Markdown entry type wrapped so each
 * post's body goes through Liquid (markdown/liquid/liquid.ts) before it is rendered, as Jekyll renders
 * Liquid before kramdown. Used by the loader for `.md` and `.markdown` posts.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parsePostFileName, postSlug } from '../../utils/filename.ts';
import { mediaUrl } from '../../utils/media.ts';
import { siteDataFor, type SiteData } from '../../utils/site-data.ts';
import { basePrefix, postPath } from '../../utils/urls.ts';
import { BIBLIOGRAPHY_DIR, INCLUDES_DIR, SCHOLAR_TAGS } from './allowed.ts';
import { LiquidSyntaxError, renderLiquid, type LiquidContext, type LiquidScholar } from './liquid.ts';

/** What an Astro content entry type gives for one file (the part the loader uses). */
export interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
}

export interface LiquidEntryOptions {
  /** The project root: `{% include %}` reads its `src/includes/` (markdown/liquid/allowed.ts). */
  root: string;
  /** The posts folder (absolute), for `{% post_url %}`; `{% include_relative %}` reads only inside it. */
  postsDir: string;
  /** The post files in it, relative to it. */
  postFiles: readonly string[];
  /** Astro's `site`. */
  site?: string | undefined;
  /** Astro's `base`: the site's URL prefix. */
  siteBase: string;
  cdn?: string | undefined;
  /** `site.title` for Liquid. */
  title?: string | undefined;
  /** The site's timezone (IANA): Liquid's dates are shown in it, as Jekyll's. */
  timeZone: string;
  /**
   * On a multilingual site: `site.languages`, `site.default_lang`, and each post's language as
   * `site.active_lang` and `page.lang` (polyglot's variables; a post's body is rendered once, in
   * its own language).
   */
  languages?: { codes: string[]; defaultCode: string; of(info: EntryInfo, fileUrl: URL): string } | undefined;
  /** `site.data` (utils/site-data.ts), before a language's data is merged in. */
  data?: SiteData | undefined;
  warn(message: string): void;
  /** Turns a Liquid problem Jekyll stops on into the loader's error. */
  fail(message: string, cause: unknown): Error;
}

/**
 * Returns the function that runs Liquid on one post's body, unless the post has
 * `render_with_liquid: false` (or no/off). `info.data` is the front matter as written (Liquid's
 * `page`); `data` the same normalised by the loader (utils/frontmatter.ts), for the flags and paths.
 */
export function liquidForPosts(
  options: LiquidEntryOptions,
): (info: EntryInfo, params: { contents: string; fileUrl: URL }, data: Record<string, unknown>) => Promise<EntryInfo> {
  const names = postNameIndex(options.postsDir, options.postFiles);
  const baseurl = basePrefix(options.siteBase);
  const siteUrl = options.site ? new URL(options.site).origin : '';
  const includes = join(options.root, INCLUDES_DIR);
  /** `site.data` as each language's posts see it, merged once per language. */
  const dataByLanguage = new Map<string, SiteData>();
  const siteDataIn = (language: string | undefined): SiteData | undefined => {
    if (!options.data || Object.keys(options.data).length === 0) return undefined;
    if (!options.languages || !language) return options.data;
    let merged = dataByLanguage.get(language);
    if (!merged) {
      merged = siteDataFor(options.data, options.languages.defaultCode, language);
      dataByLanguage.set(language, merged);
    }
    return merged;
  };
  /** jekyll-scholar's bibliography, loaded (with its citation library) when a post first cites. */
  let scholar: Promise<LiquidScholar> | undefined;
  const loadScholar = () =>
    (scholar ??= import('./scholar.ts').then((module) => ({
      site: module.createScholar({
        dir: join(options.root, BIBLIOGRAPHY_DIR),
        onMissingKey: (key, files) =>
          options.warn(`jekyll-scholar: no entry "${key}" in ${files.join(', ')}; shown as "(missing reference)".`),
      }),
      parseArguments: module.parseScholarArguments,
    })));
  return async (info, params, data) => {
    if (data.render_with_liquid === false) return info;
    const citation = SCHOLAR_TAG_IN_TEXT.test(info.body) ? await loadScholar() : undefined;
    const filePath = fileURLToPath(params.fileUrl);
    const parsed = parsePostFileName(filePath);
    const subpath = data.media_subpath;
    const context: LiquidContext = {
      siteUrl,
      baseurl,
      pageUrl: postPath(postSlug(parsed?.title ?? '', data.slug)),
      postUrl: (name) => names(name),
      files: { root: options.root, includes, posts: options.postsDir, post: filePath },
      scholar: citation,
      media: (src) =>
        mediaUrl(src, {
          cdn: options.cdn,
          subpath: typeof subpath === 'string' ? subpath : undefined,
          base: options.siteBase,
        }),
    };
    const bodyLine = lineOf(params.contents, params.contents.indexOf(info.body.slice(0, 200)));
    const file = relative(options.root, filePath);
    let rendered: ReturnType<typeof renderLiquid>;
    try {
      // `page` is the front matter as written, as Jekyll's `page` is.
      const language = options.languages?.of(info, params.fileUrl);
      const languageVariables = options.languages
        ? { languages: options.languages.codes, default_lang: options.languages.defaultCode, active_lang: language }
        : {};
      const siteData = siteDataIn(language);
      // `page.title` and `page.date` as Jekyll sets them: from the file name when the front matter
      // has none, the date as a time (the loader's reading of it).
      const page = { ...info.data, title: data.title, date: data.date };
      rendered = renderLiquid(info.body, {
        ...context,
        timeZone: options.timeZone,
        page: language ? { ...page, lang: language } : page,
        site: {
          title: options.title,
          ...languageVariables,
          ...(siteData ? { data: siteData } : {}),
        },
      });
    } catch (error) {
      // What Jekyll stops on (an unknown tag, a broken tag, a post_url to no post) stops here too,
      // and so does what the theme refuses (a path out of its folder, a limit exceeded).
      if (error instanceof LiquidSyntaxError) {
        throw options.fail(`${file}:${bodyLine + error.line - 1}: ${error.message}`, error);
      }
      throw error;
    }
    for (const warning of rendered.warnings) {
      if (warning.kind === 'note') {
        options.warn(`${file}:${bodyLine + warning.line - 1}: ${warning.text}.`);
        continue;
      }
      const within = warning.within ? ` (in ${warning.within})` : '';
      const where = /^\{%-?\s*include_relative\b/.test(warning.text)
        ? 'beside the post'
        : `among the embeds or in ${INCLUDES_DIR}/`;
      options.warn(
        `${file}:${bodyLine + warning.line - 1}: Liquid ${warning.text}${within} includes a file this theme does not have (none ${where}); it was left as written.`,
      );
    }
    return { ...info, body: rendered.text };
  };
}

/** A jekyll-scholar tag somewhere in a post (`{% cite`, `{%- bibliography`, …). */
const SCHOLAR_TAG_IN_TEXT = new RegExp(`\\{%-?\\s*(?:${SCHOLAR_TAGS.join('|')})\\b`);

function lineOf(text: string, index: number): number {
  return index <= 0 ? 1 : text.slice(0, index).split('\n').length;
}

/** A post file's `slug:` as Astro reads the front matter, if the file has one. */
function slugOf(path: string): unknown {
  try {
    return parseFrontmatter(readFileSync(path, 'utf8')).frontmatter.slug;
  } catch {
    return undefined;
  }
}

/** Finds a post's URL path from the name `{% post_url %}` uses: `2021-01-01-slug`, maybe with folders. */
function postNameIndex(dir: string, postFiles: readonly string[]): (name: string) => string | undefined {
  const files = new Map<string, string>();
  for (const file of postFiles) {
    const withoutExtension = file.replace(/\.[^./]+$/, '').normalize('NFC');
    files.set(withoutExtension, file);
    files.set(withoutExtension.split('/').pop()!, file);
  }
  const slugs = new Map<string, string | undefined>();
  return (name) => {
    const key = name.trim().replace(/^\//, '').normalize('NFC');
    if (slugs.has(key)) return slugs.get(key);
    const file = files.get(key);
    let url: string | undefined;
    if (file) {
      const parsed = parsePostFileName(file);
      if (parsed) url = postPath(postSlug(parsed.title, slugOf(join(dir, file))));
    }
    slugs.set(key, url);
    return url;
  };
}
