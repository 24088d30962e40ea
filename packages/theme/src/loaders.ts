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
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { findMarkdownSetup, findThemeConfig } from './integration/shared.ts';
import {
  createRenderPool,
  nodeCanRunWorkers,
  poolPlan,
  RenderPoolError,
  type PoolPlan,
  type RenderPool,
} from './render-pool/index.ts';
import { workerSetup } from './render-pool/setup.ts';
import { liquidForPosts } from './markdown/liquid/entry-type.ts';
import { BIBLIOGRAPHY_DIR, INCLUDES_DIR } from './markdown/liquid/allowed.ts';
import { chirpySchema } from './schema.ts';
import { parsePostFileName, postSlug, POST_EXTENSIONS } from './utils/filename.ts';
import { normalizeFrontmatter } from './utils/frontmatter.ts';
import { withDefaults } from './utils/frontmatter-defaults.ts';
import { gitDates } from './utils/git-dates.ts';
import { readSiteData } from './utils/site-data.ts';
import { syncProgress } from './utils/sync-progress.ts';
import { isExternalMedia, mediaUrl } from './utils/media.ts';
import {
  postId,
  postLanguage,
  resolveLanguages,
  UnknownLanguageError,
  type SiteLanguage,
  type SiteLanguages,
} from './utils/languages.ts';
import { themeCodeDigest } from './utils/theme-code-digest.ts';
import { postPath } from './utils/urls.ts';

export interface ChirpyLoaderOptions {
  /** The folder holding the posts, relative to the project root. Default `src/content/posts`. */
  base?: string;
  /**
   * Keep each post's raw Markdown in the content store as `post.body`. The theme never reads
   * it (it uses the rendered HTML), and at thousands of posts it is a seventh of the store,
   * so it is dropped unless a site's own pages need it. Default `false`.
   */
  retainBody?: boolean;
  /**
   * Worker threads that render the posts while the content syncs (render-pool/): a number, `0`
   * for the main thread alone, or `'auto'`: one per core (at most four), once 100 posts need rendering.
   * The output is the same either way. Default `'auto'`.
   */
  workers?: number | 'auto';
}

export const DEFAULT_POSTS_DIR = 'src/content/posts';
/** Jekyll's `_data`: YAML and JSON files Liquid reads as `site.data` (utils/site-data.ts). */
export const SITE_DATA_DIR = 'src/data';
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
  /** The posts folder, relative to the project root (the loader's `base`; not the site's `base`). */
  const postsFolder = options.base ?? DEFAULT_POSTS_DIR;
  /** URL slug -> file, for this load. */
  const owners = new Map<string, string>();
  /** The site's languages (from `chirpy()`'s options), for this load; none on a one-language site. */
  let languages: SiteLanguages | undefined;
  let languageFromPath = true;

  const retainBody = options.retainBody ?? false;
  const generateId = ({ entry, data }: { entry: string; data: Record<string, unknown> }): string => {
    const parsed = parsePostFileName(entry);
    if (!parsed) {
      throw new FrontmatterError(
        `${join(postsFolder, entry)}: not a post file name. Chirpy posts are named YYYY-MM-DD-title.md (or .markdown, .mdx).`,
      );
    }
    const slug = postSlug(parsed.title, data.slug);
    if (!slug || /^\.+$/.test(slug)) {
      // `..` or `.` would be the folder above the post's page, or the posts index: no page of its own.
      const source =
        typeof data.slug === 'string' && data.slug.trim() !== ''
          ? `slug: ${JSON.stringify(data.slug)}`
          : `the file name's title ${JSON.stringify(parsed.title)}`;
      throw new FrontmatterError(
        `${join(postsFolder, entry)}: ${source} gives the URL slug ${JSON.stringify(slug)}, which is not a page of its own; ` +
          'expected letters, digits or other characters than dots.',
      );
    }
    // On a multilingual site, translations share a slug: the id holds the language too.
    let language: SiteLanguage | undefined;
    if (languages) {
      try {
        language = postLanguage(languages, { lang: data.lang, path: entry }, languageFromPath);
      } catch (error) {
        if (error instanceof UnknownLanguageError) {
          throw new FrontmatterError(`${join(postsFolder, entry)}: ${error.message}`);
        }
        throw error;
      }
    }
    const id = language ? postId(language, slug) : slug;
    const owner = owners.get(id);
    if (owner !== undefined && owner !== entry) {
      const url = (language?.prefix ?? '') + postPath(slug);
      throw new FrontmatterError(
        `Two posts would share the URL ${url}: ${join(postsFolder, owner)} and ${join(postsFolder, entry)}. ` +
          'Rename one file or give one a different `slug:`.',
      );
    }
    owners.set(id, entry);
    return id;
  };
  const inner = glob({ base: postsFolder, pattern: [PATTERN, ...NOT_AWKWARD], retainBody, generateId });

  return {
    name: 'chirpy-loader',
    schema: chirpySchema(),
    async load(context: LoaderContext) {
      owners.clear();
      const theme = findThemeConfig(context.config.root);
      languages = theme ? resolveLanguages(theme) : undefined;
      languageFromPath = theme?.languageFromPath ?? true;
      if (!theme) {
        context.logger.warn('chirpy() is not in astro.config integrations: reading post dates in UTC.');
      }
      const timeZone = theme?.timezone ?? 'UTC';
      const defaults = theme?.defaults ?? [];
      const root = fileURLToPath(context.config.root);
      const dir = join(root, postsFolder);

      // "Updated" dates from git: one `git log` for the posts folder.
      const git = theme?.updatedFromGit === false ? undefined : gitDates(dir);
      if (git?.shallow) {
        context.logger.warn(
          'The repository is a shallow clone: "Updated" dates from git see only the fetched history. Fetch it all (actions/checkout: fetch-depth: 0).',
        );
      }

      // The post files, listed once: for the name check here, and for the awkward and lost ones below.
      const postLikeFiles = listPostLikeFiles(dir);
      if (theme && !theme.mdx) {
        const mdx = postLikeFiles.filter((file) => file.toLowerCase().endsWith('.mdx'));
        if (mdx.length > 0) {
          throw new FrontmatterError(
            `${mdx.map((file) => join(postsFolder, file)).join(', ')}: an MDX post runs code at build time, and this ` +
              'site accepts Markdown posts only (chirpy({ mdx: false })). Rename it to .md, or set mdx: true if you trust it.',
          );
        }
      }
      for (const file of postLikeFiles) {
        if (!parsePostFileName(file)) {
          context.logger.warn(
            `${join(postsFolder, file)} is not published: Chirpy posts are named YYYY-MM-DD-title.md (or .markdown, .mdx).`,
          );
        }
      }

      // Each post's front matter is read once, here, as the glob loader hands it over: Liquid
      // runs on the body of `.md` and `.markdown` posts (Astro renders `.md` only; Jekyll's
      // `.markdown` is the same Markdown), then the front matter is normalised
      // (utils/frontmatter.ts), so the id, the Markdown plugins and the schema all see the same.
      // Wrapping the entry types is the one way in: `entryTypes` is on the context the glob
      // loader receives, though not in Astro's public loader API.
      const entryTypes = new Map((context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes);
      const siteData = readSiteData(join(root, SITE_DATA_DIR));
      const generateDigest = renderInputsDigest(context.generateDigest, {
        theme: { options: theme, code: themeCodeDigest() },
        siteData,
        postUrls: () => postUrls(dir, postLikeFiles),
        files: () => [INCLUDES_DIR, BIBLIOGRAPHY_DIR].map((folder) => folderContents(join(root, folder))),
        postsFolder: () => folderContents(dir),
      });
      const liquid = liquidForPosts({
        root,
        postsDir: dir,
        postFiles: postLikeFiles,
        site: context.config.site,
        siteBase: context.config.base,
        cdn: theme?.cdn,
        title: theme?.title,
        timeZone,
        data: siteData,
        languages: languages && {
          codes: languages.list.map((language) => language.code),
          defaultCode: languages.default.code,
          // An unknown `lang` is reported by the id generator, which names the file.
          of: (info, fileUrl) => {
            try {
              return postLanguage(
                languages!,
                { lang: info.data.lang, path: relative(dir, fileURLToPath(fileUrl)) },
                languageFromPath,
              ).code;
            } catch {
              return languages!.default.code;
            }
          },
        },
        warn: (message) => context.logger.warn(message),
        fail: (message, cause) => new FrontmatterError(message, { cause }),
      });
      // Posts done / total while the sync runs (utils/sync-progress.ts): a large blog's first
      // `astro dev` shows nothing else for minutes.
      const postFiles = postLikeFiles.filter((file) => parsePostFileName(file));
      const progress = syncProgress({ total: postFiles.length, log: (message) => context.logger.info(message) });
      const pool = renderPoolFor(
        context,
        poolPlan(options.workers ?? 'auto', { posts: postFiles.length, stored: [...context.store.keys()].length }),
        { explicit: options.workers !== undefined && options.workers !== 'auto' },
      );
      const markdown = entryTypes.get('.md');
      if (markdown) entryTypes.set('.markdown', markdown);
      for (const extension of ['.md', '.markdown', '.mdx']) {
        const type = entryTypes.get(extension);
        if (!type) continue;
        const read = namedErrors(type, root);
        const { getRenderFunction } = type;
        entryTypes.set(extension, {
          ...type,
          // Counts the posts rendered now; a post the kept store holds is not rendered. An entry
          // type that renders with the page (MDX) counts as rendered when it is read.
          ...(getRenderFunction && {
            getRenderFunction: async (config) => {
              // On the main thread: after the sync (the dev server's edits), or without a pool.
              let onMain: ReturnType<typeof getRenderFunction> | undefined;
              const renderOnMain = async (entry: RenderEntry) =>
                (await (onMain ??= getRenderFunction.call(type, config)))(entry);
              return async (entry) => {
                const rendered = (await pool.render(entry, config)) ?? (await renderOnMain(entry));
                progress.rendered();
                return rendered;
              };
            },
          }),
          getEntryInfo: async (params) => {
            progress.started();
            if (!getRenderFunction) progress.rendered();
            let info = await read(params);
            const fileName = fileURLToPath(params.fileUrl);
            // Jekyll applies `defaults:` before anything reads the front matter (Liquid's `page` too).
            if (defaults.length > 0) {
              const path = `_posts/${relative(dir, fileName).split('\\').join('/')}`;
              info = { ...info, data: withDefaults(defaults, path, info.data) };
            }
            const data = normalizeFrontmatter(info.data, { fileName, contents: params.contents, timeZone });
            if (extension !== '.mdx') info = await liquid(info, params, data);
            // Front matter wins over git.
            const changed = git?.modified.get(relative(dir, fileName).split('\\').join('/'));
            if (changed && data.last_modified_at === undefined) data.last_modified_at = changed;
            return { ...info, data };
          },
        });
      }

      const parseData = (async (props: Parameters<LoaderContext['parseData']>[0]) => {
        const file = props.filePath ? relative(root, props.filePath) : props.id;
        try {
          const parsed = await context.parseData(props);
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
      try {
        await inner.load({
          ...context,
          generateDigest,
          entryTypes,
          parseData,
          logger: failOnLostPosts(context.logger, postsFolder),
        } as LoaderContext);
        const awkward = postFiles.filter((file) => AWKWARD_PATH.test(file));
        await loadAwkwardPosts(awkward, {
          context: { ...context, generateDigest },
          dir,
          entryTypes,
          parseData,
          generateId,
          retainBody,
        });
      } finally {
        await pool.close();
      }
      progress.finish();
      assertNoPostLost(postFiles, { context, dir, root });
    },
  };
}

type RenderEntry = Parameters<Awaited<ReturnType<NonNullable<EntryType['getRenderFunction']>>>>[0];

/**
 * The render pool of one sync (render-pool/), started at the first post to render. `render`
 * answers `undefined` where the main thread renders: no pool (0 threads, or a site whose Markdown
 * a worker cannot rebuild: said once), after `close()` (the dev server's later edits), or for a
 * pool that failed (a worker could not start or died: said once, and that post and the rest are
 * rendered on the main thread).
 */
function renderPoolFor(
  context: LoaderContext,
  { threads, startAfter }: PoolPlan,
  options: { explicit: boolean },
): {
  render(entry: RenderEntry, config: LoaderContext['config']): Promise<StoredEntry['rendered'] | undefined>;
  close(): Promise<void>;
} {
  let started: Promise<RenderPool | undefined> | undefined;
  let closed = threads === 0;
  let requested = 0;
  const say = (message: string) => (options.explicit ? context.logger.warn(message) : context.logger.info(message));
  const start = async (config: LoaderContext['config']): Promise<RenderPool | undefined> => {
    const markdown = findMarkdownSetup(config.root);
    const decision = workerSetup(config, markdown);
    const reason =
      decision.reason ??
      ((await nodeCanRunWorkers())
        ? undefined
        : `Node ${process.version} cannot load the theme in a worker thread (module.registerHooks: Node 22.15 or newer)`);
    if (reason || !decision.setup || !markdown) {
      say(`Posts are rendered on one thread: ${reason}.`);
      return undefined;
    }
    context.logger.info(`Rendering posts in ${threads} worker thread${threads === 1 ? '' : 's'}.`);
    return createRenderPool({ threads, setup: decision.setup, warn: markdown.warn });
  };
  return {
    async render(entry, config) {
      if (closed || ++requested <= startAfter) return undefined;
      const pool = await (started ??= start(config));
      if (!pool) return undefined;
      try {
        return await pool.render({ body: entry.body, data: entry.data, filePath: entry.filePath });
      } catch (error) {
        if (!(error instanceof RenderPoolError)) throw error;
        if (!closed) {
          context.logger.warn(
            `The render pool failed on ${entry.filePath}; posts are rendered on the main thread: ${error.message}`,
          );
          closed = true;
        }
        return undefined;
      }
    },
    async close() {
      closed = true;
      await (await started)?.close();
    },
  };
}

/**
 * A post's digest, which decides whether a kept content store renders it again: its file, and
 * what its rendering reads besides the file. The theme's options (the Markdown plugins read them)
 * and its code (utils/theme-code-digest.ts) for every post; for a post that holds Liquid, also `site.data` and every post's URL (for
 * `{% post_url %}`), so that changing a data file, the site title or another post's slug renders
 * it again instead of publishing its old text; likewise the site's includes and `.bib` files. A
 * post that says `include_relative` also reads the posts folder, so every file in it counts for
 * that post (editing any post renders such posts again; posts without it are not touched). These
 * are read only once a post with Liquid asks. Another post's text (an appended sentence) is not
 * an input of a Liquid post: only its URL is, so editing one post renders that post alone.
 */
function renderInputsDigest(
  generate: LoaderContext['generateDigest'],
  inputs: {
    theme: unknown;
    siteData: unknown;
    postUrls: () => unknown;
    files: () => unknown;
    postsFolder: () => unknown;
  },
): LoaderContext['generateDigest'] {
  const themeInputs = JSON.stringify(inputs.theme ?? null);
  let liquidInputs: string | undefined;
  let postsFolderInputs: string | undefined;
  return (data) => {
    if (typeof data !== 'string') return generate(data);
    if (!data.includes('{{') && !data.includes('{%')) return generate(`${data}\u0000${themeInputs}`);
    liquidInputs ??= generate(
      JSON.stringify({ data: inputs.siteData ?? null, urls: inputs.postUrls(), files: inputs.files() }),
    );
    if (!data.includes('include_relative')) return generate(`${data}\u0000${themeInputs}\u0000${liquidInputs}`);
    postsFolderInputs ??= generate(JSON.stringify(inputs.postsFolder()));
    return generate(`${data}\u0000${themeInputs}\u0000${liquidInputs}\u0000${postsFolderInputs}`);
  };
}

/** Every file in a folder (and its subfolders), by relative path, with its text; none if it is missing. */
function folderContents(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return files;
  }
  for (const entry of entries.sort()) {
    try {
      files[entry] = readFileSync(join(dir, entry), 'utf8');
    } catch {
      // a folder, or a file that cannot be read: Liquid reports it when it reads it
    }
  }
  return files;
}

/** Every post file's URL path, by file, as `{% post_url %}` finds them. */
function postUrls(dir: string, files: readonly string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const file of files) {
    const parsed = parsePostFileName(file);
    if (!parsed) continue;
    let slug: unknown;
    try {
      slug = parseFrontmatter(readFileSync(join(dir, file), 'utf8')).frontmatter.slug;
    } catch {
      // The loader reports a broken front matter when it reads the file.
    }
    urls[file] = postPath(postSlug(parsed.title, slug));
  }
  return urls;
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
function failOnLostPosts(logger: LoaderContext['logger'], postsFolder: string): LoaderContext['logger'] {
  const wrapped = Object.create(logger) as LoaderContext['logger'];
  wrapped.error = (message: string) => {
    const lost = /^Error (reading|rendering) (.*?): ([\s\S]*)$/.exec(message);
    if (lost)
      throw new FrontmatterError(
        `${join(postsFolder, lost[2]!)}: the post could not be ${lost[1] === 'reading' ? 'read' : 'rendered'}: ${lost[3]}`,
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
