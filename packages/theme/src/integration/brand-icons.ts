/**
 * Brand icons for the sidebar's social links, from Simple Icons (the `simple-icons` package,
 * CC0). Each icon's SVG path is read once, when the site's config is read (here, where the
 * theme's own dependencies resolve), and handed to the pages through `virtual:chirpy/config`,
 * so the icons are inlined and nothing is loaded when a page is read. Chirpy shows Font
 * Awesome's brand icons in the same place. LinkedIn is not in Simple Icons (the brand asked to be
 * removed), so it keeps the theme's link glyph.
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

/** Social link type → the 24×24 SVG path of its brand icon. */
export function brandIcons(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const icons: Record<string, string> = {};
  for (const [type, slug] of Object.entries(BRANDS)) {
    const svg = readFileSync(require.resolve(`simple-icons/icons/${slug}.svg`), 'utf8');
    const path = /<path d="([^"]+)"/.exec(svg)?.[1];
    if (path) icons[type] = path;
  }
  return icons;
}
