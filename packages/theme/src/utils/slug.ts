/**
 * Jekyll's `Utils.slugify`, the two modes Chirpy's URLs depend on.
 *
 * - `pretty` (case kept) builds post URLs: `/posts/:title/`.
 * - `default` (lowercased) builds category and tag URLs (jekyll-archives).
 *
 * Input is normalised to NFC first, so a file name written by macOS (NFD) and the same
 * name typed elsewhere (NFC) give one URL.
 */

/** Every run of characters outside marks, letters, decimal digits and `._~!$&'()+,;=@`. */
const PRETTY_SEPARATORS = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;
/** Every run of characters outside marks, letters and decimal digits. */
const DEFAULT_SEPARATORS = /[^\p{M}\p{L}\p{Nd}]+/gu;

function trimDashes(slug: string): string {
  return slug.replace(/^-/, '').replace(/-$/, '');
}

/** Jekyll `slugify(s, mode: "pretty", cased: true)`: the post slug. */
export function slugifyPretty(input: string): string {
  return slugifyPrettyAsWritten(input.normalize('NFC'));
}

/**
 * The same without NFC first: the slug Jekyll itself makes, which keeps decomposed (NFD) Hangul
 * or accents as the file name has them. The theme publishes the NFC slug and keeps this one as a
 * redirect when they differ.
 */
export function slugifyPrettyAsWritten(input: string): string {
  return trimDashes(input.replace(PRETTY_SEPARATORS, '-'));
}

/** Jekyll `slugify(s)` in default mode: category and tag slugs. */
export function slugifyTerm(input: string): string {
  return trimDashes(input.normalize('NFC').replace(DEFAULT_SEPARATORS, '-')).toLowerCase();
}

const UTF8 = new TextEncoder();

/** Characters Jekyll leaves as they are when it escapes a URL path (`URI.escape` with its safe set). */
const URL_SAFE = /[a-zA-Z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * Percent-encodes a URL path the way Jekyll writes it into the sitemap, the feed and
 * canonical links: UTF-8, uppercase hex, and the sub-delimiters left alone.
 */
export function encodePath(path: string): string {
  let out = '';
  for (const char of path.normalize('NFC')) {
    if (URL_SAFE.test(char)) {
      out += char;
      continue;
    }
    for (const byte of UTF8.encode(char)) {
      out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

/** Jekyll's `titleize_slug`: `hello-world` becomes `Hello World`. */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}
