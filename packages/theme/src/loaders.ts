/**
 * `chirpyLoader()`: Chirpy's `_posts` rules for an Astro content collection.
 *
 * - Files are `YYYY-MM-DD-title.md|markdown|mdx`, in any subfolder; the id is the post's
 *   URL slug (`/posts/<id>/`), from `slug:` or the file name, in Jekyll's pretty form.
 * - A missing `date` comes from the file name; dates without an offset mean the site timezone.
 * - A missing `title` comes from the file name.
 * - Two files that would publish at one URL stop the build, naming both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import yaml from 'js-yaml';
import { findThemeConfig } from './integration/shared.ts';
import { chirpySchema } from './schema.ts';
import { parseChirpyDate, zonedTimeToDate } from './utils/dates.ts';
import { parsePostFileName, postSlug, POST_EXTENSIONS } from './utils/filename.ts';
import { titleizeSlug } from './utils/slug.ts';

export interface ChirpyLoaderOptions {
  /** The folder holding the posts, relative to the project root. Default `src/content/posts`. */
  base?: string;
}

export const DEFAULT_POSTS_DIR = 'src/content/posts';
/** Date-prefixed names only; other Markdown files in the folder get a warning instead. */
const PATTERN = `**/[0-9]*-[0-9]*-[0-9]*-*{${POST_EXTENSIONS.join(',')}}`;

/** A front matter problem, told with the file, the field, the value and what was expected. */
export class FrontmatterError extends Error {
  override name = 'FrontmatterError';
}

/** Front matter dates as written (js-yaml would turn some into UTC instants and leave others as text). */
function rawDates(contents: string): Record<string, unknown> {
  const block = extractFrontmatter(contents);
  if (block === undefined) return {};
  try {
    const data = yaml.load(block, { schema: yaml.CORE_SCHEMA });
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Fills `title` and `date` from the file name and reads dates in the site timezone. */
export function prepareFrontmatter(
  data: Record<string, unknown>,
  { fileName, contents, timeZone }: { fileName: string; contents: string; timeZone: string },
): Record<string, unknown> {
  const parsedName = parsePostFileName(fileName);
  const prepared: Record<string, unknown> = { ...data };
  const raw = rawDates(contents);
  if (prepared.title === undefined || prepared.title === null || prepared.title === '') {
    if (parsedName) prepared.title = titleizeSlug(parsedName.title);
  } else if (typeof prepared.title === 'number') {
    prepared.title = String(prepared.title);
  }
  for (const field of ['date', 'last_modified_at'] as const) {
    const written = raw[field] ?? prepared[field];
    if (written === undefined || written === null || written === '') {
      delete prepared[field];
      continue;
    }
    if (typeof written === 'string') {
      prepared[field] = parseChirpyDate(written, timeZone) ?? written;
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

function listPostLikeFiles(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[])
      .map((entry) => entry.split('\\').join('/'))
      .filter((entry) => POST_EXTENSIONS.some((ext) => entry.toLowerCase().endsWith(ext)));
  } catch {
    return [];
  }
}

export function chirpyLoader(options: ChirpyLoaderOptions = {}): Loader {
  const base = options.base ?? DEFAULT_POSTS_DIR;
  /** URL slug -> file, for this load. */
  const owners = new Map<string, string>();

  const inner = glob({
    base,
    pattern: PATTERN,
    generateId({ entry, data }) {
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
    },
  });

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

      for (const file of listPostLikeFiles(dir)) {
        if (!parsePostFileName(file)) {
          context.logger.warn(
            `${join(base, file)} is not published: Chirpy posts are named YYYY-MM-DD-title.md (or .markdown, .mdx).`,
          );
        }
      }

      // Astro renders `.md` only; Jekyll's `.markdown` is the same Markdown. (`entryTypes` is
      // on the context the glob loader receives, though not in the public type.)
      const entryTypes = new Map((context as LoaderContext & { entryTypes: Map<string, unknown> }).entryTypes);
      const markdown = entryTypes.get('.md');
      if (markdown && !entryTypes.has('.markdown')) entryTypes.set('.markdown', markdown);

      await inner.load({
        ...context,
        entryTypes,
        parseData: (async (props: Parameters<LoaderContext['parseData']>[0]) => {
          const file = props.filePath ? relative(root, props.filePath) : props.id;
          const contents = props.filePath ? readFileSync(props.filePath, 'utf8') : '';
          const data = prepareFrontmatter(props.data, {
            fileName: props.filePath ?? props.id,
            contents,
            timeZone,
          });
          try {
            return await context.parseData({ ...props, data });
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new FrontmatterError(`${file}: invalid front matter.\n${reason}`, { cause: error });
          }
        }) as LoaderContext['parseData'],
      } as LoaderContext);
    },
  };
}
