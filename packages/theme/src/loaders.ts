/**
 * `chirpyLoader()`: Chirpy's `_posts` rules for an Astro content collection.
 *
 * - Files are `YYYY-MM-DD-title.md|markdown|mdx`, in any subfolder; the id is the post's
 *   URL slug (`/posts/<id>/`), from `slug:` or the file name, in Jekyll's pretty form.
 * - A missing `date` comes from the file name; dates without an offset mean the site timezone.
 * - A missing `title` comes from the file name.
 * - Two files that would publish at one URL stop the build, naming both.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import yaml from 'js-yaml';
import { findThemeConfig } from './integration/shared.ts';
import { chirpySchema } from './schema.ts';
import { parseChirpyDate, zonedTimeToDate } from './utils/dates.ts';
import { LiquidSyntaxError, renderLiquid, type LiquidContext } from './markdown/liquid.ts';
import { isExternalMedia, mediaUrl } from './utils/media.ts';
import { parsePostFileName, postSlug, POST_EXTENSIONS } from './utils/filename.ts';
import { readFlag } from './utils/flags.ts';
import { titleizeSlug } from './utils/slug.ts';

export interface ChirpyLoaderOptions {
  /** The folder holding the posts, relative to the project root. Default `src/content/posts`. */
  base?: string;
  /**
   * Keep each post's raw Markdown in the content store as `post.body`. The theme never reads
   * it (it uses the rendered HTML), and at thousands of posts it is a seventh of the store,
   * so it is dropped unless a site's own pages need it. Default `false`.
   */
  retainBody?: boolean;
}

export const DEFAULT_POSTS_DIR = 'src/content/posts';
/** Date-prefixed names only; other Markdown files in the folder get a warning instead. */
const PATTERN = `**/[0-9]*-[0-9]*-[0-9]*-*{${POST_EXTENSIONS.join(',')}}`;
/**
 * Astro's glob loader makes a file's URL with `encodeURI`, which leaves `#` and `?` alone, so a
 * post under such a name (`_posts/C#/…`, `why?.md`) is "not found" and silently left out. Those
 * files are kept from it and loaded here (loadAwkwardPosts) with properly encoded file URLs.
 */
const AWKWARD_PATH = /[#?]/;
const NOT_AWKWARD = ['!**/*[#?]*', '!**/*[#?]*/**', '!**/[_#]*/**'];

/** A front matter problem, told with the file, the field, the value and what was expected. */
export class FrontmatterError extends Error {
  override name = 'FrontmatterError';
}

/** Front matter as written: YAML core types only (js-yaml would turn some dates into UTC instants). */
function rawFrontmatter(contents: string): Record<string, unknown> {
  const block = extractFrontmatter(contents);
  if (block === undefined) return {};
  try {
    const data = yaml.load(block, { schema: yaml.CORE_SCHEMA });
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Psych's (Ruby's YAML) timestamp: a date and a time with seconds, maybe an offset. */
const YAML_TIMESTAMP =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

/**
 * Whether `field` is written in the front matter as an unquoted YAML timestamp. Ruby's YAML
 * makes such a value a time, in UTC when it has no offset, before Jekyll sees it: Jekyll shows
 * `date: 2022-03-04 15:00:00` as 15:00 UTC, and `date: '2022-03-04 15:00:00'` in the site's zone.
 */
function isPlainYamlTimestamp(contents: string, field: string, value: string): boolean {
  const line = new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(extractFrontmatter(contents) ?? '')?.[1];
  return (
    line !== undefined && !/^['"]/.test(line) && line.replace(/\s+#.*$/, '') === value && YAML_TIMESTAMP.test(value)
  );
}

/** Fills `title` and `date` from the file name and reads dates in the site timezone. */
export function prepareFrontmatter(
  data: Record<string, unknown>,
  { fileName, contents, timeZone }: { fileName: string; contents: string; timeZone: string },
): Record<string, unknown> {
  const parsedName = parsePostFileName(fileName);
  const prepared: Record<string, unknown> = { ...data };
  const raw = rawFrontmatter(contents);
  if (prepared.title === undefined || prepared.title === null || prepared.title === '') {
    if (parsedName) prepared.title = titleizeSlug(parsedName.title);
  } else if (typeof prepared.title === 'number') {
    prepared.title = String(prepared.title);
  }
  for (const field of ['date', 'last_modified_at'] as const) {
    // YAML reads `20220304` as a number; Jekyll reads it as a date.
    const value = raw[field] ?? prepared[field];
    const written = typeof value === 'number' ? String(value) : value;
    if (written === undefined || written === null || written === '') {
      delete prepared[field];
      continue;
    }
    if (typeof written === 'string') {
      // A plain (unquoted) YAML timestamp without an offset is UTC, as Ruby's YAML reads it;
      // any other string is read as Jekyll's `Time.parse` reads it, in the site timezone.
      const zone = isPlainYamlTimestamp(contents, field, written) ? 'UTC' : timeZone;
      prepared[field] = parseChirpyDate(written, zone) ?? written;
    } else if (written instanceof Date) {
      prepared[field] = written;
    } else {
      prepared[field] = written;
    }
  }
  if (prepared.date === undefined && parsedName) {
    prepared.date = zonedTimeToDate(parsedName, timeZone);
  }
  return prepared;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
  /** Present on entry types Astro renders while loading (Markdown). */
  getRenderFunction?: (
    config: LoaderContext['config'],
  ) => Promise<
    (entry: {
      id: string;
      data: Record<string, unknown>;
      body: string;
      filePath: string;
      digest: string;
    }) => Promise<StoredEntry['rendered']>
  >;
  [key: string]: unknown;
}

/** Wraps Astro's Markdown entry type so Liquid runs on the body before it is rendered. */
function liquidEntryType(
  markdown: EntryType,
  options: {
    root: string;
    dir: string;
    site?: string | undefined;
    base: string;
    cdn?: string | undefined;
    /** `site.title` for Liquid. */
    title?: string | undefined;
    warn(message: string): void;
  },
): EntryType {
  const names = postNameIndex(options.dir);
  const baseurl = options.base === '/' ? '' : options.base.replace(/\/$/, '');
  const siteUrl = options.site ? new URL(options.site).origin : '';
  return {
    ...markdown,
    async getEntryInfo(params) {
      const info = await namedErrors(markdown, options.root)(params);
      // `render_with_liquid: false` (or no/off) leaves the post's Liquid as written.
      if (readFlag(info.data.render_with_liquid) === false) return info;
      const filePath = fileURLToPath(params.fileUrl);
      const parsed = parsePostFileName(filePath);
      const subpath = info.data.media_subpath ?? info.data.img_path;
      const context: LiquidContext = {
        siteUrl,
        baseurl,
        pageUrl: `/posts/${postSlug(parsed?.title ?? '', info.data.slug)}/`,
        postUrl: (name) => names(name),
        media: (src) =>
          mediaUrl(src, {
            cdn: options.cdn,
            subpath: typeof subpath === 'string' ? subpath : undefined,
            base: options.base,
          }),
      };
      const bodyLine = lineOf(params.contents, params.contents.indexOf(info.body.slice(0, 200)));
      const file = relative(options.root, filePath);
      let rendered: ReturnType<typeof renderLiquid>;
      try {
        rendered = renderLiquid(info.body, { ...context, page: info.data, site: { title: options.title } });
      } catch (error) {
        // What Jekyll stops on (an unknown tag, a broken tag, a post_url to no post) stops here too.
        if (error instanceof LiquidSyntaxError) {
          throw new FrontmatterError(`${file}:${bodyLine + error.line - 1}: ${error.message}`, { cause: error });
        }
        throw error;
      }
      const { text, warnings } = rendered;
      if (warnings.length > 0) {
        for (const warning of warnings) {
          options.warn(
            `${file}:${bodyLine + warning.line - 1}: Liquid ${warning.text} includes a file this theme does not have; it was left as written.`,
          );
        }
      }
      return { ...info, body: text };
    },
  };
}

/** Reads a post's front matter, naming the file when its YAML is broken. */
function namedErrors(type: EntryType, root: string): EntryType['getEntryInfo'] {
  return async (params) => {
    try {
      return await type.getEntryInfo(params);
    } catch (error) {
      const file = relative(root, fileURLToPath(params.fileUrl));
      const reason = error instanceof Error ? error.message : String(error);
      throw new FrontmatterError(`${file}: the front matter is not valid YAML.\n${reason}`, { cause: error });
    }
  };
}

function lineOf(text: string, index: number): number {
  return index <= 0 ? 1 : text.slice(0, index).split('\n').length;
}

/** Finds a post's URL path from the name `{% post_url %}` uses: `2021-01-01-slug`, maybe with folders. */
function postNameIndex(dir: string): (name: string) => string | undefined {
  const files = new Map<string, string>();
  for (const file of listPostLikeFiles(dir)) {
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
      const slugField = rawFrontmatter(readFileSync(join(dir, file), 'utf8')).slug;
      if (parsed) url = `/posts/${postSlug(parsed.title, slugField)}/`;
    }
    slugs.set(key, url);
    return url;
  };
}

/** Jekyll skips files and folders whose names start with `.`, `_` or `#` (EntryFilter#special?). */
const JEKYLL_SKIPS = /(?:^|\/)[._#]/;

function listPostLikeFiles(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[])
      .map((entry) => entry.split('\\').join('/'))
      .filter((entry) => !JEKYLL_SKIPS.test(entry))
      .filter((entry) => POST_EXTENSIONS.some((ext) => entry.toLowerCase().endsWith(ext)));
  } catch {
    return [];
  }
}

export function chirpyLoader(options: ChirpyLoaderOptions = {}): Loader {
  const base = options.base ?? DEFAULT_POSTS_DIR;
  /** URL slug -> file, for this load. */
  const owners = new Map<string, string>();

  const retainBody = options.retainBody ?? false;
  const generateId = ({ entry, data }: { entry: string; data: Record<string, unknown> }): string => {
    const parsed = parsePostFileName(entry);
    if (!parsed) {
      throw new FrontmatterError(
        `${join(base, entry)}: not a post file name. Chirpy posts are named YYYY-MM-DD-title.md (or .markdown, .mdx).`,
      );
    }
    const id = postSlug(parsed.title, data.slug);
    if (!id) {
      throw new FrontmatterError(`${join(base, entry)}: the post's slug is empty once made URL-safe.`);
    }
    const owner = owners.get(id);
    if (owner !== undefined && owner !== entry) {
      throw new FrontmatterError(
        `Two posts would share the URL /posts/${id}/: ${join(base, owner)} and ${join(base, entry)}. ` +
          'Rename one file or give one a different `slug:`.',
      );
    }
    owners.set(id, entry);
    return id;
  };
  const inner = glob({ base, pattern: [PATTERN, ...NOT_AWKWARD], retainBody, generateId });

  return {
    name: 'chirpy-loader',
    schema: chirpySchema(),
    async load(context: LoaderContext) {
      owners.clear();
      const theme = findThemeConfig(context.config.root);
      if (!theme) {
        context.logger.warn('chirpy() is not in astro.config integrations: reading post dates in UTC.');
      }
      const timeZone = theme?.timezone ?? 'UTC';
      const root = fileURLToPath(context.config.root);
      const dir = join(root, base);

      // The post files, listed once: for the name check here, and for the awkward and lost ones below.
      const postLikeFiles = listPostLikeFiles(dir);
      for (const file of postLikeFiles) {
        if (!parsePostFileName(file)) {
          context.logger.warn(
            `${join(base, file)} is not published: Chirpy posts are named YYYY-MM-DD-title.md (or .markdown, .mdx).`,
          );
        }
      }

      // Astro renders `.md` only; Jekyll's `.markdown` is the same Markdown. Both get Liquid
      // first, as in Jekyll. (`entryTypes` is on the context the glob loader receives,
      // though not in the public type.)
      const entryTypes = new Map((context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes);
      const markdown = entryTypes.get('.md');
      if (markdown) {
        const withLiquid = liquidEntryType(markdown, {
          root,
          dir,
          site: context.config.site,
          base: context.config.base,
          cdn: theme?.cdn,
          title: theme?.title,
          warn: (message) => context.logger.warn(message),
        });
        entryTypes.set('.md', withLiquid);
        entryTypes.set('.markdown', withLiquid);
      }
      const mdx = entryTypes.get('.mdx');
      if (mdx) entryTypes.set('.mdx', { ...mdx, getEntryInfo: namedErrors(mdx, root) });
      // The text the glob loader read for each post, kept until its front matter is parsed
      // below (which needs the dates as written), so no post file is read twice.
      const contentsByPath = new Map<string, string>();
      for (const extension of ['.md', '.markdown', '.mdx']) {
        const type = entryTypes.get(extension);
        if (!type) continue;
        entryTypes.set(extension, {
          ...type,
          getEntryInfo: (params) => {
            contentsByPath.set(fileURLToPath(params.fileUrl), params.contents);
            return type.getEntryInfo(params);
          },
        });
      }

      const parseData = (async (props: Parameters<LoaderContext['parseData']>[0]) => {
        const file = props.filePath ? relative(root, props.filePath) : props.id;
        const contents = props.filePath
          ? (contentsByPath.get(props.filePath) ?? readFileSync(props.filePath, 'utf8'))
          : '';
        if (props.filePath) contentsByPath.delete(props.filePath);
        const data = prepareFrontmatter(props.data, {
          fileName: props.filePath ?? props.id,
          contents,
          timeZone,
        });
        try {
          const parsed = await context.parseData({ ...props, data });
          return withoutMissingPreview(parsed, {
            file,
            cdn: theme?.cdn,
            publicDir: fileURLToPath(context.config.publicDir),
            warn: (message) => context.logger.warn(message),
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new FrontmatterError(`${file}: invalid front matter.\n${reason}`, { cause: error });
        }
      }) as LoaderContext['parseData'];
      await inner.load({
        ...context,
        entryTypes,
        parseData,
        logger: failOnLostPosts(context.logger, base),
      } as LoaderContext);
      const postFiles = postLikeFiles.filter((file) => parsePostFileName(file));
      const awkward = postFiles.filter((file) => AWKWARD_PATH.test(file));
      await loadAwkwardPosts(awkward, { context, dir, entryTypes, parseData, generateId, retainBody });
      assertNoPostLost(postFiles, { context, dir, root });
    },
  };
}

/**
 * A local preview image (`image:`) that is not in `public/` is reported like a body image, and
 * left out, so the home card, the post header and the social cards do not point at a 404.
 */
function withoutMissingPreview<T extends Record<string, unknown>>(
  data: T,
  options: { file: string; cdn: string | undefined; publicDir: string; warn(message: string): void },
): T {
  const image = data.image as { path?: unknown } | undefined;
  if (options.cdn || typeof image?.path !== 'string') return data;
  const subpath = typeof data.media_subpath === 'string' ? data.media_subpath : undefined;
  const src = mediaUrl(image.path, { subpath });
  if (isExternalMedia(src)) return data;
  let path = src.split(/[?#]/)[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the path as written
  }
  if (existsSync(join(options.publicDir, path))) return data;
  options.warn(
    `${options.file}: preview image "${image.path}" does not exist in public/${path.replace(/^\//, '')}; the post is shown without it.`,
  );
  const { image: _missing, ...rest } = data;
  return rest as T;
}

/**
 * The glob loader only logs when it cannot read or render a post, and the build goes on without
 * it. A post is never dropped: those become errors that stop the build, naming the file.
 */
function failOnLostPosts(logger: LoaderContext['logger'], base: string): LoaderContext['logger'] {
  const wrapped = Object.create(logger) as LoaderContext['logger'];
  wrapped.error = (message: string) => {
    const lost = /^Error (reading|rendering) (.*?): ([\s\S]*)$/.exec(message);
    if (lost)
      throw new FrontmatterError(
        `${join(base, lost[2]!)}: the post could not be ${lost[1] === 'reading' ? 'read' : 'rendered'}: ${lost[3]}`,
      );
    logger.error(message);
  };
  return wrapped;
}

/**
 * Every post file is in the store once loading is done. A file the glob loader passed over (a
 * dangling link, a name it cannot read) stops the build, naming it, with the reason if reading
 * it tells one.
 */
function assertNoPostLost(files: string[], options: { context: LoaderContext; dir: string; root: string }): void {
  const stored = new Set([...options.context.store.values()].map((entry) => entry.filePath));
  for (const file of files) {
    const path = join(options.dir, file);
    const relativePath = relative(options.root, path).split('\\').join('/');
    if (stored.has(relativePath)) continue;
    let reason = 'the glob loader passed it over';
    try {
      readFileSync(path, 'utf8');
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    throw new FrontmatterError(`${relativePath}: the post could not be read: ${reason}`);
  }
}

/** What the glob loader does for one file, for the files it cannot name (AWKWARD_PATH). */
async function loadAwkwardPosts(
  files: string[],
  options: {
    context: LoaderContext;
    dir: string;
    entryTypes: Map<string, EntryType>;
    parseData: LoaderContext['parseData'];
    generateId: (options: { entry: string; data: Record<string, unknown> }) => string;
    retainBody: boolean;
  },
): Promise<void> {
  const { context, entryTypes } = options;
  const root = fileURLToPath(context.config.root);
  for (const entry of files) {
    const filePath = join(options.dir, entry);
    const fileUrl = pathToFileURL(filePath);
    const type = entryTypes.get(extname(entry).toLowerCase());
    if (!type) continue;
    const contents = await readFile(filePath, 'utf8');
    const { body, data } = await type.getEntryInfo({ contents, fileUrl });
    const id = options.generateId({ entry, data });
    const digest = context.generateDigest(contents);
    const parsed = await options.parseData({ id, data, filePath });
    const stored: StoredEntry = {
      id,
      data: parsed,
      ...(options.retainBody ? { body } : {}),
      filePath: relative(root, filePath).split('\\').join('/'),
      digest,
    };
    if (type.getRenderFunction) {
      const render = await type.getRenderFunction(context.config);
      let rendered;
      try {
        rendered = await render({ id, data, body, filePath, digest });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FrontmatterError(`${relative(root, filePath)}: the post could not be rendered: ${reason}`, {
          cause: error,
        });
      }
      const assetImports = rendered?.metadata?.imagePaths;
      context.store.set({ ...stored, ...(rendered ? { rendered } : {}), ...(assetImports ? { assetImports } : {}) });
    } else {
      context.store.set({ ...stored, deferredRender: true });
    }
  }
}
