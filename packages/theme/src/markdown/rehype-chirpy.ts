/**
 * The HTML side of a Chirpy post, in one pass over the tree:
 * heading ids (kramdown GFM rule) with `#` anchors on h2–h5, code blocks with a language
 * label and a copy button, tables that scroll sideways, lazy images, a warning for local
 * images that do not exist, and the word count and excerpt the list pages show.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { countWords, excerpt } from '../utils/text.ts';
import { codeLabel } from './code-labels.ts';
import { frontmatterOf, isOn, renderInfo } from './frontmatter.ts';
import { classesOf, textOf } from './hast.ts';
import { HeadingIdRegistry } from './heading-ids.ts';
import { resolveLocale, useTranslations, type LocaleCode, type Translate } from '../locales/index.ts';

export interface RehypeChirpyOptions {
  /** Absolute path of the site's `public/` folder, where root-relative images live. */
  publicDir?: string;
  /** Absolute project root, to name files in warnings. */
  root?: string;
  /** Astro's `base`, removed from image paths before looking them up. */
  base?: string;
  warn?: (message: string) => void;
  /** The site's UI language, for the names the plugin gives links (a post's `lang` wins). */
  locale?: LocaleCode;
}

const HEADING = /^h[1-6]$/;
const ANCHORED = /^h[2-5]$/;

const BLOCKS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'blockquote',
  'pre',
  'tr',
  'td',
  'th',
  'figcaption',
]);

/** The TeX source of a KaTeX-rendered formula (its MathML annotation). */
function texOf(katex: Element): string | undefined {
  let found: string | undefined;
  const search = (node: ElementContent) => {
    if (found !== undefined || node.type !== 'element') return;
    if (node.tagName === 'annotation') {
      found = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      return;
    }
    node.children.forEach(search);
  };
  katex.children.forEach(search);
  return found;
}

/**
 * The text a reader reads: formulas as their TeX, without our anchors and code headers,
 * and (for excerpts) without code blocks.
 */
function readableText(node: RootContent | Root | ElementContent, withCode: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    const names = classesOf(node);
    if (names.includes('katex')) {
      const tex = texOf(node);
      return tex === undefined ? '' : `$${tex}$`;
    }
    if (names.includes('anchor') || names.includes('code-header') || names.includes('footnotes')) return '';
    if (node.properties.dataFootnoteRef !== undefined) return '';
    if (!withCode && node.tagName === 'pre') return ' ';
  }
  if ('children' in node) {
    const text = node.children.map((child) => readableText(child, withCode)).join('');
    // Block elements end a run of words: `<dt>Term</dt><dd>Text</dd>` reads "Term Text".
    return node.type === 'element' && BLOCKS.has(node.tagName) ? ` ${text} ` : text;
  }
  return '';
}

function headingText(node: Element): string {
  return readableText(node, true).trim();
}

const COPY_ICON =
  'M8 3h9a2 2 0 0 1 2 2v11h-2V5H8Zm-3 4h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2Zm0 2v10h9V9Z';
const COPIED_ICON = 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7Z';

function icon(className: string, path: string): Element {
  return {
    type: 'element',
    tagName: 'svg',
    properties: {
      className: [className],
      viewBox: '0 0 24 24',
      width: 16,
      height: 16,
      ariaHidden: 'true',
      focusable: 'false',
    },
    children: [{ type: 'element', tagName: 'path', properties: { fill: 'currentColor', d: path }, children: [] }],
  };
}

/** Languages Chirpy shows without line numbers. */
const NO_LINE_NUMBERS = new Set(['plaintext', 'text', 'txt', 'console', 'terminal', 'shellsession', 'shell-session']);

/** Chirpy's code block: a header with the language (or the `file=` name) and a copy button. */
function codeBlock(pre: Element, ial?: { file?: string; classes: string[] }): Element {
  const raw = pre.properties.dataLanguage ?? pre.properties['data-language'];
  const language = typeof raw === 'string' && raw !== '' ? raw : undefined;
  const file = ial?.file;
  const label = file ?? codeLabel(language);
  const extra = (ial?.classes ?? []).filter((name) => name !== 'chirpy-code');
  const lineNumbers = !extra.includes('nolineno') && !NO_LINE_NUMBERS.has((language ?? 'plaintext').toLowerCase());
  return {
    type: 'element',
    tagName: 'div',
    properties: {
      className: ['code-block', `language-${language ?? 'plaintext'}`, ...(lineNumbers ? ['lineno'] : []), ...extra],
      ...(file ? { dataFile: file } : {}),
    },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-header'] },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: file ? ['code-label', 'code-file'] : ['code-label'], dataLabelText: label },
            children: [{ type: 'text', value: label }],
          },
          {
            type: 'element',
            tagName: 'button',
            properties: { type: 'button', className: ['code-copy'], ariaLabel: 'Copy code', hidden: true },
            children: [icon('icon-copy', COPY_ICON), icon('icon-copied', COPIED_ICON)],
          },
        ],
      },
      pre,
    ],
  };
}

function languageOf(pre: Element): string | undefined {
  const raw = pre.properties.dataLanguage ?? pre.properties['data-language'];
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

/** A diagram for mermaid to draw in the browser; until then (or without JavaScript) its source. */
function mermaidBlock(pre: Element): Element {
  return {
    type: 'element',
    tagName: 'pre',
    properties: { className: ['mermaid'] },
    children: [{ type: 'text', value: pre.children.map(textOf).join('').trimEnd() }],
  };
}

/** Image classes that belong on the wrapping link, as in Chirpy; the rest stay on the image. */
const WRAPPER_CLASSES = /^(normal|left|right|light|dark|preview-img|w-\d+)$/;

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
    outer.push('blur');
  }
  if (parent.type === 'element' && parent.tagName === 'a') {
    parent.properties.className = [...classesOf(parent), 'img-link', ...outer];
    return img;
  }
  // The link's name is the image's alt text; an image without one (`![](x.png)`) would leave the
  // link unnamed, so it is named "Open image x.png" in the page's language.
  const alt = typeof props.alt === 'string' ? props.alt.trim() : '';
  const name = alt ? {} : { ariaLabel: t('image.open', { name: imageFileName(props.src) }) };
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: props.src, className: ['popup', 'img-link', ...outer], ...name },
    children: [img],
  };
}

function imageFileName(src: unknown): string {
  const path = String(src ?? '').split(/[?#]/)[0]!;
  const last = path.split('/').filter(Boolean).pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** kramdown's footnote ids (`fn:x`, `fnref:x`), so links to old anchors still land. */
function footnoteId(value: string): string {
  return value.replace(/^(#?)user-content-(fn|fnref)-(.+)$/, '$1$2:$3');
}

function isLocalPath(src: string): boolean {
  return src.startsWith('/') && !src.startsWith('//');
}

export function rehypeChirpy(options: RehypeChirpyOptions = {}) {
  return (tree: Root, file: VFile) => {
    const info = renderInfo(file);
    const mermaidPost = isOn(frontmatterOf(file).mermaid);
    const lang = frontmatterOf(file).lang;
    const t = useTranslations(resolveLocale(typeof lang === 'string' ? lang : undefined, options.locale ?? 'en'));
    const ids = new HeadingIdRegistry();
    const postFile = file.path ? (options.root ? relative(options.root, file.path) : file.path) : 'a post';

    const visitChildren = (parent: Root | Element) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child;
        for (const key of ['id', 'href'] as const) {
          const value = child.properties[key];
          if (typeof value === 'string' && value.includes('user-content-fn')) child.properties[key] = footnoteId(value);
        }
        if (child.tagName === 'div' && classesOf(child).includes('chirpy-code')) {
          const pre = child.children.find((node): node is Element => node.type === 'element' && node.tagName === 'pre');
          if (pre && classesOf(pre).includes('astro-code')) {
            info.hasCode = true;
            const file = typeof child.properties.dataFile === 'string' ? child.properties.dataFile : undefined;
            return codeBlock(pre, { classes: classesOf(child), ...(file !== undefined ? { file } : {}) });
          }
          visitChildren(child);
          return child;
        }
        if (child.tagName === 'pre' && classesOf(child).includes('astro-code')) {
          if (mermaidPost && languageOf(child) === 'mermaid') {
            info.hasMermaid = true;
            return mermaidBlock(child);
          }
          info.hasCode = true;
          return codeBlock(child);
        }
        if (child.tagName === 'pre') {
          info.hasCode = true;
          return child;
        }
        if ((child.tagName === 'td' || child.tagName === 'th') && typeof child.properties.align === 'string') {
          // GFM writes the obsolete `align` attribute; the same alignment as a style.
          child.properties.style = `text-align: ${child.properties.align}`;
          delete child.properties.align;
        }
        if (child.tagName === 'table') {
          visitChildren(child);
          return {
            type: 'element',
            tagName: 'div',
            // Focusable, so a keyboard can scroll a table wider than the page.
            properties: { className: ['table-wrapper'], tabIndex: 0 },
            children: [child],
          } satisfies Element;
        }
        if (HEADING.test(child.tagName)) {
          const text = headingText(child);
          if (typeof child.properties.id !== 'string' || child.properties.id === '') {
            child.properties.id = ids.next(text);
          } else {
            ids.next(text);
          }
          if (child.properties['data-toc-skip'] !== undefined || child.properties.dataTocSkip !== undefined) {
            info.tocSkip.push(String(child.properties.id));
          }
          if (ANCHORED.test(child.tagName)) {
            child.children.push({
              type: 'element',
              tagName: 'a',
              properties: {
                href: `#${child.properties.id}`,
                className: ['anchor'],
                ariaLabel: `${text} (link)`,
              },
              children: [{ type: 'text', value: '#' }],
            });
          }
          return child;
        }
        if (child.tagName === 'img') {
          if (child.properties.loading === undefined) child.properties.loading = 'lazy';
          const wrapped = chirpyImage(child, parent, t);
          const src = typeof child.properties.src === 'string' ? child.properties.src : '';
          if (options.publicDir && isLocalPath(src)) {
            let path = src.split(/[?#]/)[0]!;
            const base = options.base?.replace(/\/$/, '');
            if (base && path.startsWith(`${base}/`)) path = path.slice(base.length);
            let decoded = path;
            try {
              decoded = decodeURIComponent(path);
            } catch {
              // keep the path as written
            }
            if (!existsSync(join(options.publicDir, decoded))) {
              options.warn?.(
                `${postFile}: image "${src}" does not exist in public/ (the page keeps the image element).`,
              );
            }
          }
          return wrapped;
        }
        visitChildren(child);
        return child;
      });
    };
    visitChildren(tree);

    info.words = countWords(readableText(tree, true));
    info.excerpt = excerpt(readableText(tree, false));
  };
}
