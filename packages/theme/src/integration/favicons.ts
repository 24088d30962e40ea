/**
 * The icons a page links. `favicon` names one file (`/favicon.svg`, the default) or, ending in
 * `/`, a folder holding Chirpy's favicon set (`/assets/img/favicons/`: favicon.ico, the 16 and
 * 32 px PNGs, apple-touch-icon.png, the Android sizes), which is linked as Chirpy's head linked
 * it: only the files that are there. Worked out once, when the site's config is read.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface IconLink {
  rel: string;
  href: string;
  type?: string;
  sizes?: string;
}

/** Chirpy's favicon set (its `_includes/favicons.html`), in the order it links them. */
const CHIRPY_SET: { file: string; rel: string; type?: string; sizes?: string }[] = [
  { file: 'apple-touch-icon.png', rel: 'apple-touch-icon', sizes: '180x180' },
  { file: 'favicon-32x32.png', rel: 'icon', type: 'image/png', sizes: '32x32' },
  { file: 'favicon-16x16.png', rel: 'icon', type: 'image/png', sizes: '16x16' },
  { file: 'favicon.svg', rel: 'icon', type: 'image/svg+xml' },
  { file: 'favicon.ico', rel: 'icon', sizes: 'any' },
];

/** The app icons a web manifest lists (Chirpy's Android sizes). */
const APP_ICONS = [
  { file: 'android-chrome-192x192.png', sizes: '192x192', type: 'image/png' },
  { file: 'android-chrome-512x512.png', sizes: '512x512', type: 'image/png' },
];

const typeOf = (path: string) =>
  path.endsWith('.svg') ? 'image/svg+xml' : path.endsWith('.ico') ? undefined : 'image/png';

export interface Favicons {
  links: IconLink[];
  /** For `/site.webmanifest`. */
  appIcons: { src: string; sizes: string; type?: string }[];
  /** A folder was named but holds none of the set. */
  empty: boolean;
}

/** `favicon` as configured, against the files in `public/` (paths without the site's base). */
export function resolveFavicons(favicon: string, publicDir: URL): Favicons {
  if (!favicon.endsWith('/')) {
    const type = typeOf(favicon);
    return {
      links: [{ rel: 'icon', href: favicon, ...(type ? { type } : {}) }],
      appIcons: [{ src: favicon, sizes: 'any', ...(type ? { type } : {}) }],
      empty: false,
    };
  }
  const has = (file: string) => existsSync(fileURLToPath(new URL(`.${favicon}${file}`, publicDir)));
  const links = CHIRPY_SET.filter((icon) => has(icon.file)).map(({ file, ...link }) => ({
    ...link,
    href: `${favicon}${file}`,
  }));
  const appIcons = APP_ICONS.filter((icon) => has(icon.file)).map(({ file, ...icon }) => ({
    ...icon,
    src: `${favicon}${file}`,
  }));
  return { links, appIcons, empty: links.length === 0 };
}
