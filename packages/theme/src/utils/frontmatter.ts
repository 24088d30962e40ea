/**
 * A post's front matter as Jekyll read it, normalised once: the loader runs
 * `normalizeFrontmatter` on every post before anything else sees it (the id generator, the
 * Markdown plugins, the schema), and the schema and plugins read through the same functions, so
 * every rule below exists here only.
 *
 * - Flags: YAML booleans, YAML 1.1's `yes`/`no`/`on`/`off` and `true`/`false` as text.
 * - Aliases: singular and legacy keys onto the names the theme reads (`category`, `tag`,
 *   `summary`, `img_path`, `author`).
 * - Title and date from the file name when missing; dates as Jekyll read them (utils/dates.ts).
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { parseChirpyDate, zonedTimeToDate } from './dates.ts';
import { parsePostFileName } from './filename.ts';
import { titleizeSlug } from './slug.ts';

const TRUE_WORDS = new Set(['true', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'off']);

/** `true` or `false` for a flag value, `undefined` for anything else (left for the schema to report). */
export function readFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** The front matter flags the theme reads. */
export const FLAG_FIELDS = [
  'pin',
  'hidden',
  'math',
  'mermaid',
  'toc',
  'comments',
  'published',
  'render_with_liquid',
] as const;

/**
 * Moves singular and legacy keys onto the names the theme reads, and reads flag words. Returns
 * a new object; running it twice changes nothing.
 */
export function normalizeAliases(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || input instanceof Date) return input;
  const data: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (data.categories === undefined && data.category !== undefined) {
    data.categories = typeof data.category === 'string' ? [data.category] : data.category;
  }
  if (data.tags === undefined && data.tag !== undefined) {
    data.tags = typeof data.tag === 'string' ? [data.tag] : data.tag;
  }
  if (data.description === undefined && data.summary !== undefined) data.description = data.summary;
  if (data.media_subpath === undefined && data.img_path !== undefined) data.media_subpath = data.img_path;
  if (data.authors === undefined && data.author !== undefined) {
    const author = data.author;
    data.authors =
      typeof author === 'string'
        ? author
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : author;
  } else if (typeof data.authors === 'string') {
    data.authors = [data.authors];
  }
  for (const field of FLAG_FIELDS) {
    const flag = readFlag(data[field]);
    if (flag !== undefined) data[field] = flag;
  }
  return data;
}

/** Psych's (Ruby's YAML) timestamp: a date and a time with seconds, maybe an offset. */
const YAML_TIMESTAMP =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

/**
 * A top-level front matter field as written on its line: unquoted, without a trailing comment,
 * and whether it was quoted. YAML parsers turn some dates into UTC instants and `20220304` into
 * a number; Jekyll's reading depends on the text.
 */
function writtenValue(contents: string, field: string): { text: string; quoted: boolean } | undefined {
  const line = new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(extractFrontmatter(contents) ?? '')?.[1];
  if (line === undefined || line === '') return undefined;
  const single = /^'((?:[^']|'')*)'/.exec(line);
  if (single) return { text: single[1]!.replace(/''/g, "'"), quoted: true };
  const double = /^"((?:[^"\\]|\\.)*)"/.exec(line);
  if (double) return { text: double[1]!.replace(/\\(.)/g, '$1'), quoted: true };
  const text = line.replace(/\s+#.*$/, '');
  if (text === '' || text.startsWith('#') || /^(?:~|null|Null|NULL)$/.test(text)) return undefined;
  return { text, quoted: false };
}

export interface NormalizeOptions {
  /** The post's file name (or path): `YYYY-MM-DD-title.md`. */
  fileName: string;
  /** The whole file, to read dates as written. */
  contents: string;
  /** The site's timezone, for dates without an offset. */
  timeZone: string;
}

/**
 * A post's front matter as the theme reads it: aliases and flags normalised, `title` and `date`
 * filled from the file name, and `date` and `last_modified_at` read as Jekyll read them (in the
 * site timezone; an unquoted YAML timestamp without an offset is UTC, as Ruby's YAML reads it).
 * An unreadable value is left for the schema to report.
 */
export function normalizeFrontmatter(
  data: Record<string, unknown>,
  { fileName, contents, timeZone }: NormalizeOptions,
): Record<string, unknown> {
  const parsedName = parsePostFileName(fileName);
  const prepared = normalizeAliases(data) as Record<string, unknown>;
  if (prepared.title === undefined || prepared.title === null || prepared.title === '') {
    if (parsedName) prepared.title = titleizeSlug(parsedName.title);
  } else if (typeof prepared.title === 'number') {
    prepared.title = String(prepared.title);
  }
  for (const field of ['date', 'last_modified_at'] as const) {
    const asWritten = writtenValue(contents, field);
    const value = asWritten?.text ?? prepared[field];
    const written = typeof value === 'number' ? String(value) : value;
    if (written === undefined || written === null || written === '') {
      delete prepared[field];
    } else if (typeof written === 'string') {
      // A plain (unquoted) YAML timestamp without an offset is UTC, as Ruby's YAML reads it;
      // any other string is read as Jekyll's `Time.parse` reads it, in the site timezone.
      const zone = asWritten && !asWritten.quoted && YAML_TIMESTAMP.test(written) ? 'UTC' : timeZone;
      prepared[field] = parseChirpyDate(written, zone) ?? written;
    } else {
      prepared[field] = written;
    }
  }
  if (prepared.date === undefined && parsedName) {
    prepared.date = zonedTimeToDate(parsedName, timeZone);
  }
  return prepared;
}
