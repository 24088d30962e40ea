import { slugifyPretty } from './slug.ts';

/** Jekyll's post file name rule: `YYYY-MM-DD-title.ext`, the date required. */
const POST_FILE = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)(\.[^.]+)$/;

export const POST_EXTENSIONS = ['.md', '.markdown', '.mdx'] as const;

export interface PostFileName {
  year: number;
  month: number;
  day: number;
  /** The part between the date and the last extension, trailing dots removed. */
  title: string;
  extension: string;
}

/** Splits a post's file name (a path is fine: only the last segment is read). */
export function parsePostFileName(path: string): PostFileName | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const match = POST_FILE.exec(name.normalize('NFC'));
  if (!match) return undefined;
  const [, y, m, d, title, extension] = match;
  const cleanTitle = title!.replace(/\.+$/, '');
  if (!cleanTitle || !POST_EXTENSIONS.includes(extension!.toLowerCase() as (typeof POST_EXTENSIONS)[number])) {
    return undefined;
  }
  return { year: Number(y), month: Number(m), day: Number(d), title: cleanTitle, extension: extension! };
}

/** The post's URL slug: front matter `slug` when given, else the file name's title, in Jekyll's pretty form. */
export function postSlug(fileTitle: string, frontmatterSlug?: unknown): string {
  const source = typeof frontmatterSlug === 'string' && frontmatterSlug.trim() !== '' ? frontmatterSlug : fileTitle;
  return slugifyPretty(source);
}
