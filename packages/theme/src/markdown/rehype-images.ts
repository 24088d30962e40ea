/**
 * Images in posts as Chirpy shows them: loaded lazily, wrapped in a link that opens the image
 * (an image already in a link gets that link's classes instead), the IAL size aliases `w`/`h`,
 * an `lqip` placeholder as a blurred background; and a warning for a local image that is not in
 * the site's `public/` folder. A relative path (raw HTML keeps it, `<img src="../../x.png">`) is
 * looked up where the browser finds it: resolved against the post's URL, `/posts/<slug>/`.
 */
import { basePrefix, postPath } from '../utils/urls.ts';
import { parsePostFileName, postSlug } from '../utils/filename.ts';
import { isExternalMedia, resolveDotSegments } from '../utils/media.ts';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { resolveLocale, useTranslations, type LocaleCode, type Translate } from '../locales/index.ts';
import { CLASS } from './class-names.ts';
import { frontmatterOf, renderInfo } from './frontmatter.ts';
import { classesOf, visitPostElements } from './hast.ts';

export interface RehypeImagesOptions {
  /** Absolute path of the site's `public/` folder, where root-relative images live. */
  publicDir?: string;
  /** Absolute project root, to name files in warnings. */
  root?: string;
  /** Astro's `base`, removed from image paths before looking them up. */
  base?: string;
  warn?: (message: string) => void;
  /** The site's UI language, for the names of image links (a post's `lang` wins). */
  locale?: LocaleCode;
}

/** Image classes that belong on the wrapping link, as in Chirpy; the rest stay on the image. */
const WRAPPER_CLASSES = /^(normal|left|right|light|dark|preview-img|w-\d+)$/;

function imageFileName(src: unknown): string {
  const path = String(src ?? '').split(/[?#]/)[0]!;
  const last = path.split('/').filter(Boolean).pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Chirpy's image: wrapped in a link to itself, size aliases `w`/`h`, LQIP as a blur-up background. */
function chirpyImage(img: Element, parent: Element | Root, t: Translate): Element {
  const props = img.properties;
  for (const [alias, name] of [
    ['w', 'width'],
    ['h', 'height'],
  ] as const) {
    const value = props[alias];
    if (value !== undefined) {
      if (props[name] === undefined && (typeof value === 'string' || typeof value === 'number')) props[name] = value;
      delete props[alias];
    }
  }
  const lqip = typeof props.lqip === 'string' ? props.lqip : undefined;
  delete props.lqip;
  const all = classesOf(img);
  const outer = all.filter((name) => WRAPPER_CLASSES.test(name));
  const inner = all.filter((name) => !WRAPPER_CLASSES.test(name));
  props.className = inner.length > 0 ? inner : undefined;
  if (lqip) {
    props.style = `background: url("${lqip.replace(/"/g, '%22')}") center / cover no-repeat;`;
    outer.push(CLASS.blur);
  }
  if (parent.type === 'element' && parent.tagName === 'a') {
    parent.properties.className = [...classesOf(parent), CLASS.imageLink, ...outer];
    return img;
  }
  // The link's name is the image's alt text; an image without one (`![](x.png)`) would leave the
  // link unnamed, so it is named "Open image x.png" in the page's language.
  const alt = typeof props.alt === 'string' ? props.alt.trim() : '';
  const name = alt ? {} : { ariaLabel: t('image.open', { name: imageFileName(props.src) }) };
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: props.src, className: [CLASS.popup, CLASS.imageLink, ...outer], ...name },
    children: [img],
  };
}

function isLocalPath(src: string): boolean {
  return src.startsWith('/') && !src.startsWith('//');
}

/**
 * A local image's path from the site root, as the browser reads `src` on the post's page, or
 * undefined for an image elsewhere (a scheme, `//host`, a fragment, or a relative path on a page
 * whose URL is not known).
 */
function sitePath(src: string, pageUrl: string | undefined): string | undefined {
  if (!src || isExternalMedia(src)) return undefined;
  if (isLocalPath(src)) return resolveDotSegments(src);
  return pageUrl ? resolveDotSegments(pageUrl + src) : undefined;
}

/** The URL path of the post a Markdown file is, `/posts/<slug>/`; undefined for other files. */
function postUrlOf(file: VFile, slug: unknown): string | undefined {
  const parsed = file.path ? parsePostFileName(file.path) : undefined;
  return parsed ? postPath(postSlug(parsed.title, slug)) : undefined;
}

export function rehypeImages(options: RehypeImagesOptions = {}) {
  /** Whether a local image is missing from `public/` (Astro's `base` taken off first). */
  const missing = (src: string, pageUrl: string | undefined): boolean => {
    if (!options.publicDir) return false;
    const local = sitePath(src, pageUrl);
    if (local === undefined) return false;
    let path = local.split(/[?#]/)[0]!;
    const base = basePrefix(options.base);
    if (base && path.startsWith(`${base}/`)) path = path.slice(base.length);
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep the path as written
    }
    return !existsSync(join(options.publicDir, decoded));
  };

  return (tree: Root, file: VFile) => {
    const frontmatter = frontmatterOf(file);
    const lang = frontmatter.lang;
    // A relative path is resolved against the page's URL (with the base, as the browser sees it).
    const postUrl = postUrlOf(file, frontmatter.slug);
    const pageUrl = postUrl ? basePrefix(options.base) + postUrl : undefined;
    const t = useTranslations(resolveLocale(typeof lang === 'string' ? lang : undefined, options.locale ?? 'en'));
    const postFile = file.path ? (options.root ? relative(options.root, file.path) : file.path) : 'a post';
    visitPostElements(tree, (img, index, parent) => {
      if (img.tagName !== 'img') return undefined;
      if (img.properties.loading === undefined) img.properties.loading = 'lazy';
      const shown = chirpyImage(img, parent, t);
      parent.children[index] = shown;
      // The page loads the image viewer only for posts whose images open in it.
      if (shown !== img) renderInfo(file).popups = true;
      const src = typeof img.properties.src === 'string' ? img.properties.src : '';
      if (missing(src, pageUrl)) {
        const resolved = sitePath(src, pageUrl);
        const where = resolved && resolved !== src ? ` (${resolved} from this page)` : '';
        options.warn?.(
          `${postFile}: image "${src}"${where} does not exist in public/ (the page keeps the image element).`,
        );
      }
      return undefined;
    });
  };
}
