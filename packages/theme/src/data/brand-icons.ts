/**
 * Brand icons for the sidebar's social links, from Simple Icons (the `simple-icons` package,
 * CC0): each icon's SVG path is read once at build time and inlined, so nothing is loaded when a
 * page is read. Chirpy shows Font Awesome's brand icons in the same place. LinkedIn is not in
 * Simple Icons (the brand asked to be removed), so it keeps the theme's link glyph.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The theme's social link type → the Simple Icons slug drawn for it. */
const BRANDS: Record<string, string> = {
  github: 'github',
  twitter: 'x',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  stackoverflow: 'stackoverflow',
  reddit: 'reddit',
  threads: 'threads',
  rss: 'rss',
};

const require = createRequire(import.meta.url);
const paths = new Map<string, string | undefined>();

/** The 24×24 SVG path of the brand icon for a social link type, if it has one. */
export function brandIconPath(type: string): string | undefined {
  const slug = BRANDS[type];
  if (!slug) return undefined;
  if (!paths.has(slug)) {
    const svg = readFileSync(require.resolve(`simple-icons/icons/${slug}.svg`), 'utf8');
    paths.set(slug, /<path d="([^"]+)"/.exec(svg)?.[1]);
  }
  return paths.get(slug);
}
