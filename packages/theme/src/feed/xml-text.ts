/** Text that is safe inside XML 1.0, and RFC 822 dates with the site's offset. */
import { timeZoneOffsetMinutes } from '../utils/dates.ts';

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR, the
 * non-characters U+FFFE/U+FFFF, and lone surrogates). They are removed; everything
 * else, emoji and Hangul included, stays as written.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Plain text (a description, an excerpt) written where RSS expects HTML (`<description>`): its
 * `&`, `<` and `>` become entities, so a reader shows `<script>` or `a < b` as written instead
 * of reading them as markup and dropping them.
 */
export function textAsHtml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for use inside an XML element or attribute we write by hand. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 822 (RSS) date in `timeZone`: `Fri, 30 Apr 2021 17:31:00 +0900`. */
export function rfc822(date: Date, timeZone: string): string {
  const offset = timeZoneOffsetMinutes(date.getTime(), timeZone);
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[wall.getUTCDay()]}, ${pad(wall.getUTCDate())} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
