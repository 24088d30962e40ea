/**
 * Images in posts as Chirpy shows them: loaded lazily, wrapped in a link that opens the image
 * (an image already in a link gets that link's classes instead), the IAL size aliases `w`/`h`,
 * an `lqip` placeholder as a blurred background; and a warning for a local image that is not in
 * the site's `public/` folder. A relative path (raw HTML keeps it, `<img src="../../x.png">`) is
 * looked up where the browser finds it: resolved against the post's URL, `/posts/<slug>/`.
 *
 * A local image also gets its `width` and `height`, read from the file in `public/` (never from
 * the network), so the browser keeps its place before it loads and nothing below it moves: the
 * author's width (or height) is kept and the other side scaled to the file's proportions. An
 * `<img>` the post writes as HTML (`<img src="/x.png" width="650">`) gets them too.
 */
import { basePrefix, postPath } from '../../utils/urls.ts';
import { parsePostFileName, postSlug } from '../../utils/filename.ts';
import { isExternalMedia, resolveDotSegments } from '../../utils/media.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { imageSize } from 'image-size';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveLocale, useTranslations, type LocaleCode, type Translate } from '../../locales/index.ts';
import { CLASS } from './class-names.ts';
import { frontmatterOf, renderInfo } from '../frontmatter.ts';
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

/** A size attribute as a number of pixels (`650`, `"650"`, `"650px"`); undefined for `50%`, `auto`. */
function pixels(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(value);
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined;
}

/** The size an image file is shown at (EXIF orientations 5–8 turn it a quarter), or undefined. */
function fileSize(file: string): { width: number; height: number } | undefined {
  try {
    const size = imageSize(readFileSync(file));
    if (!size.width || !size.height) return undefined;
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return undefined; // not an image format the reader knows, or unreadable: the page keeps the image as written
  }
}

/**
 * Gives a local image its `width` and `height` from the file: the author's width (or height)
 * kept, the other side scaled to the file's proportions; both from the file when neither is set.
 * Left alone: both already set, or a size that is not in pixels (`50%`).
 */
function setSize(props: Element['properties'], size: { width: number; height: number }): void {
  const hasWidth = props.width !== undefined && props.width !== null && props.width !== '';
  const hasHeight = props.height !== undefined && props.height !== null && props.height !== '';
  if (hasWidth && hasHeight) return;
  const width = hasWidth ? pixels(props.width) : undefined;
  const height = hasHeight ? pixels(props.height) : undefined;
  if ((hasWidth && width === undefined) || (hasHeight && height === undefined)) return;
  if (width !== undefined) {
    props.width = String(props.width)
      .replace(/px\s*$/, '')
      .trim();
    props.height = String(Math.max(1, Math.round((width * size.height) / size.width)));
  } else if (height !== undefined) {
    props.height = String(props.height)
      .replace(/px\s*$/, '')
      .trim();
    props.width = String(Math.max(1, Math.round((height * size.width) / size.height)));
  } else {
    props.width = String(size.width);
    props.height = String(size.height);
  }
}

/** An `<img>` tag in HTML a post writes, and the attributes in it (names in lower case, values unescaped as far as sizes need). */
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function tagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<img\b/i, '').replace(/\/?>$/, '');
  for (const match of inner.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

export function rehypeImages(options: RehypeImagesOptions = {}) {
  /** Where a local image is in `public/` (Astro's `base` taken off first), whether or not it exists. */
  const publicFile = (src: string, pageUrl: string | undefined): string | undefined => {
    if (!options.publicDir) return undefined;
    const local = sitePath(src, pageUrl);
    if (local === undefined) return undefined;
    let path = local.split(/[?#]/)[0]!;
    const base = basePrefix(options.base);
    if (base && path.startsWith(`${base}/`)) path = path.slice(base.length);
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep the path as written
    }
    return join(options.publicDir, decoded);
  };
  /** Whether a local image is missing from `public/`. */
  const missing = (src: string, pageUrl: string | undefined): boolean => {
    const file = publicFile(src, pageUrl);
    return file !== undefined && !existsSync(file);
  };
  /** Sizes read so far, by file and modification time (a post's images are read once per build). */
  const sizes = new Map<string, { width: number; height: number } | undefined>();
  const sizeOf = (src: string, pageUrl: string | undefined) => {
    const file = publicFile(src, pageUrl);
    if (file === undefined) return undefined;
    let key: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return undefined;
      key = `${file}\0${stat.mtimeMs}`;
    } catch {
      return undefined;
    }
    if (!sizes.has(key)) sizes.set(key, fileSize(file));
    return sizes.get(key);
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
      const size = sizeOf(src, pageUrl);
      if (size) setSize(img.properties, size);
      else if (missing(src, pageUrl)) {
        const resolved = sitePath(src, pageUrl);
        const where = resolved && resolved !== src ? ` (${resolved} from this page)` : '';
        options.warn?.(
          `${postFile}: image "${src}"${where} does not exist in public/ (the page keeps the image element).`,
        );
      }
      return undefined;
    });
    // Images in HTML the post writes itself: the missing size added to the tag, the rest as written.
    visit(tree, 'raw', (node: { value: string }) => {
      if (!/<img\b/i.test(node.value)) return;
      node.value = node.value.replace(IMG_TAG, (tag) => {
        const attributes = tagAttributes(tag);
        const src = attributes.get('src');
        if (!src || (attributes.has('width') && attributes.has('height'))) return tag;
        const size = sizeOf(src.replace(/&amp;/g, '&'), pageUrl);
        if (!size) return tag;
        const props: Element['properties'] = {};
        if (attributes.has('width')) props.width = attributes.get('width');
        if (attributes.has('height')) props.height = attributes.get('height');
        setSize(props, size);
        const added = (['width', 'height'] as const)
          .filter((name) => !attributes.has(name) && props[name] !== undefined)
          .map((name) => ` ${name}="${String(props[name])}"`)
          .join('');
        return added ? tag.replace(/\s*(\/?)>$/, `${added}$1>`) : tag;
      });
    });
  };
}
