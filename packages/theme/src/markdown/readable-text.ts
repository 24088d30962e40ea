/**
 * The text a reader reads in a post's HTML, for the word count, the excerpt and the names of
 * heading anchors: formulas as their TeX, without the theme's anchors and code headers, the
 * footnotes and footnote marks, and (for excerpts) without code blocks.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CLASS } from './class-names.ts';
import { classesOf } from './hast.ts';

/** Elements that end a run of words: `<dt>Term</dt><dd>Text</dd>` reads "Term Text". */
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

/** The readable text of `node`; `withCode: false` reads each code block as a space. */
export function readableText(node: RootContent | Root | ElementContent, withCode: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    const names = classesOf(node);
    if (names.includes(CLASS.katex)) {
      const tex = texOf(node);
      return tex === undefined ? '' : `$${tex}$`;
    }
    if (names.includes(CLASS.anchor) || names.includes(CLASS.codeHeader) || names.includes(CLASS.footnotes)) return '';
    if (node.properties.dataFootnoteRef !== undefined) return '';
    if (!withCode && node.tagName === 'pre') return ' ';
  }
  if ('children' in node) {
    const text = node.children.map((child) => readableText(child, withCode)).join('');
    return node.type === 'element' && BLOCKS.has(node.tagName) ? ` ${text} ` : text;
  }
  return '';
}

/** A heading's text, as its id and its anchor's name are made from it. */
export function headingText(heading: Element): string {
  return readableText(heading, true).trim();
}
