/**
 * The front matter of a Chirpy post, as a zod schema for `src/content.config.ts`.
 *
 * It reads every form real Chirpy posts use (see the README's front matter table):
 * lists or whitespace strings for categories and tags, singular keys, legacy names
 * (`summary`, `img_path`), string or object images. Unknown keys are kept.
 */
import { normalizeAliases, readFlag } from './utils/frontmatter.ts';
import { z } from 'astro/zod';
import { DATE_FORMS_HINT, parseChirpyDate } from './utils/dates.ts';
import { unsafeRedirectPath } from './utils/redirects.ts';
import { slugifyTerm } from './utils/slug.ts';

const show = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

/** A boolean, also accepting YAML 1.1's yes/no/on/off that Jekyll understood. */
const flagValue = z.preprocess(
  (value) => readFlag(value) ?? value,
  z.boolean({ error: (issue) => `expected true or false, got ${show(issue.input)}` }),
);
const flag = (fallback: boolean) => flagValue.default(fallback);

/**
 * A date. The loader has already turned the post's strings into instants using the site
 * timezone; a string that reaches here is read as UTC, and anything unreadable is an error.
 */
const dateField = z.preprocess(
  (value) => {
    if (typeof value === 'string') return parseChirpyDate(value, 'UTC') ?? value;
    return value;
  },
  z.date({ error: (issue) => `expected ${DATE_FORMS_HINT}, got ${show(issue.input)}` }),
);

/**
 * A list of names: a YAML list, a whitespace-separated string, or one number. Each name needs a
 * letter or digit: a name of punctuation alone has an empty slug, so its page would be
 * `/categories//`, which no host serves (Jekyll's slugify gives the same empty slug).
 */
const nameList = (what: string) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined) return [];
      if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
      if (typeof value === 'number') return [String(value)];
      if (Array.isArray(value)) {
        return value
          .filter((item) => item !== null && item !== undefined)
          .map((item) => (typeof item === 'number' || typeof item === 'boolean' ? String(item) : item));
      }
      return value;
    },
    z.array(
      z
        .string({ error: (issue) => `each ${what} must be text, got ${show(issue.input)}` })
        .refine((name) => slugifyTerm(name) !== '', {
          error: (issue) =>
            `each ${what} needs a letter or a digit (its page's URL is made of them), got ${show(issue.input)}`,
        }),
      {
        error: (issue) => `expected a list of ${what}s or a space-separated string, got ${show(issue.input)}`,
      },
    ),
  );

const text = (what: string) => z.string({ error: (issue) => `expected ${what} as text, got ${show(issue.input)}` });

const imageObject = z.looseObject(
  {
    path: text('the image path'),
    alt: text('the alt text').optional(),
    lqip: text('the LQIP path or data URI').optional(),
    no_bg: flagValue.optional(),
    width: z.coerce.number().optional(),
    height: z.coerce.number().optional(),
  },
  { error: (issue) => `expected an image path or { path, alt, lqip }, got ${show(issue.input)}` },
);

const image = z.preprocess((value) => {
  // An empty `image:` (or `image: ''`) is no image, as Chirpy reads it.
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value === 'string') return { path: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const legacy = value as Record<string, unknown>;
    if (legacy.path === undefined && typeof legacy.src === 'string') return { ...legacy, path: legacy.src };
  }
  return value;
}, imageObject.optional());

/** `redirect_from`: site paths, none of which climbs out of the site (`/../x`) or is not a path at all. */
const redirectPaths = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(
    text('a path').superRefine((path, context) => {
      const problem = unsafeRedirectPath(path);
      if (problem) context.addIssue({ code: 'custom', message: `${problem}, got ${show(path)}`, input: path });
    }),
  ),
);

/** The fields Chirpy knows, with their defaults. */
export const chirpyFields = {
  title: text('the post title'),
  date: dateField,
  last_modified_at: dateField.optional(),
  categories: nameList('category').default([]),
  tags: nameList('tag').default([]),
  author: z.union([text('an author id'), z.array(text('an author id'))]).optional(),
  /** Author ids, from `author` or `authors` (a comma string is split). */
  authors: z.array(text('an author id')).default([]),
  description: text('the description').optional(),
  pin: flag(false),
  hidden: flag(false),
  math: flag(false),
  mermaid: flag(false),
  toc: flag(true),
  comments: flag(true),
  published: flag(true),
  render_with_liquid: flag(true),
  image: image.optional(),
  media_subpath: text('the media subpath').optional(),
  lang: text('a locale code').optional(),
  slug: text('the URL slug').optional(),
  redirect_from: redirectPaths.optional(),
};

export { normalizeAliases };

export interface ChirpySchemaOptions<Extra extends z.ZodRawShape = {}> {
  /** Extra front matter fields of your own, merged over Chirpy's. */
  extend?: z.ZodObject<Extra>;
}

/**
 * The post schema. Use it as is, or add fields:
 * `chirpySchema({ extend: z.object({ series: z.string().optional() }) })`.
 */
export function chirpySchema<Extra extends z.ZodRawShape = {}>(options: ChirpySchemaOptions<Extra> = {}) {
  const shape = { ...chirpyFields, ...(options.extend?.shape ?? ({} as Extra)) };
  return z.preprocess(normalizeAliases, z.looseObject(shape));
}

const baseSchema = z.preprocess(normalizeAliases, z.looseObject(chirpyFields));

/** A post's data after validation: every Chirpy field with its default filled. */
export type ChirpyPostData = z.output<typeof baseSchema>;
