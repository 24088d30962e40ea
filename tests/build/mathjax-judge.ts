/**
 * MathJax as the judge of math: MathJax 3.2.2 in Node, configured as Chirpy configures it
 * (assets/js/data/mathjax.js: `tex-chtml` with inline `$…$`/`\(…\)`, display `$$…$$`/`\[…\]`,
 * `tags: 'ams'`), reads the page Jekyll published the way it reads it in a reader's browser:
 * MathJax's own component loader (`input/tex`: base, ams, newcommand, noundefined, require,
 * autoload, configmacros; autoload brings in the rest on use), its FindTeX over the page's text
 * (environments and `\ref`/`\eqref` in the text included), one numbering for the whole page,
 * formulas with a reference to a label further down read again at the end.
 *
 * For each formula: its TeX, whether MathJax rendered it without error (a TeX error, or a macro it
 * does not know, which noundefined shows in red), the tags it shows, and the references in it.
 * The theme's page is read back the same way (`themeFormulas`): each formula's TeX (KaTeX's
 * annotation), how it was drawn (KaTeX, MathJax or not at all) and the tags it shows.
 */
import { createRequire } from 'node:module';
import { parse, type HTMLElement } from 'node-html-parser';

export interface JudgedFormula {
  tex: string;
  display: boolean;
  /** A `\ref{…}`/`\eqref{…}` MathJax found in the text (its `processRefs`). */
  textReference: boolean;
  /** MathJax's error, when it could not render the formula. */
  error?: string;
  /** The tags MathJax shows, in order: `(1)`, or the text of `\tag*{…}`. */
  tags: string[];
  /** The text of each reference in the formula (`(1)`, `???`). */
  references: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

let ready: Promise<Any> | undefined;

/** MathJax's components, started once per test process with Chirpy's configuration. */
function mathJax(): Promise<Any> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const { init } = require('mathjax-full/es5/node-main.js') as { init: (config: unknown) => Promise<Any> };
    return init({
      loader: { load: ['input/tex'] },
      tex: {
        inlineMath: [
          ['$', '$'],
          ['\\(', '\\)'],
        ],
        displayMath: [
          ['$$', '$$'],
          ['\\[', '\\]'],
        ],
        tags: 'ams',
      },
      startup: { typeset: false },
    });
  })();
  return ready;
}

function textIn(node: Any): string {
  if (node.kind === 'text') return node.getText();
  return (node.childNodes ?? []).map(textIn).join('');
}

function errorIn(node: Any): string | undefined {
  if (node.isKind?.('merror')) return String(node.attributes.get('data-mjx-error') ?? textIn(node));
  if (node.isKind?.('mtext') && node.attributes.get('mathcolor') === 'red') {
    const text = textIn(node);
    if (text.startsWith('\\')) return `Undefined control sequence ${text}`;
  }
  for (const child of node.childNodes ?? []) {
    const found = errorIn(child);
    if (found) return found;
  }
  return undefined;
}

function collect(node: Any, tags: string[], references: string[]): void {
  if (node.isKind?.('mlabeledtr')) tags.push(textIn(node.childNodes[0]));
  if (node.attributes && String(node.attributes.get('class') ?? '').includes('MathJax_ref')) {
    references.push(textIn(node));
  }
  for (const child of node.childNodes ?? []) collect(child, tags, references);
}

const TEXT_REFERENCE = /^\\(?:eq)?ref\s*\{[^}]*\}$/;

/** The formulas of a page (kramdown's HTML of a post body), as Chirpy's MathJax reads them. */
export async function judgePage(html: string): Promise<JudgedFormula[]> {
  const MathJax = await mathJax();
  MathJax.texReset();
  const document = MathJax.startup.getDocument(`<html><body>${html}</body></html>`);
  await MathJax._.mathjax.mathjax.handleRetriesFor(() => {
    document.findMath();
    document.compile();
  });
  const formulas: JudgedFormula[] = [];
  for (const item of document.math) {
    // An escaped `\$` or `\\` in the text: MathJax keeps it as an item that shows the character.
    if (item.display === null) continue;
    const tags: string[] = [];
    const references: string[] = [];
    collect(item.root, tags, references);
    const error = errorIn(item.root);
    formulas.push({
      tex: item.math,
      display: item.display,
      textReference: item.start.delim === '' && TEXT_REFERENCE.test(item.math),
      ...(error ? { error } : {}),
      tags,
      references,
    });
  }
  return formulas;
}

// ---------------------------------------------------------------- the theme's page

export interface ThemeFormula {
  tex: string;
  display: boolean;
  /**
   * Drawn by KaTeX, by MathJax (KaTeX could not), shown as TeX, or drawn by KaTeX with a command it
   * does not know shown in red as text (`unknown`).
   */
  drawn: 'katex' | 'mathjax' | 'tex' | 'unknown';
  /** The tags the formula shows, in order. */
  tags: string[];
  element: HTMLElement;
}

const hasClass = (element: HTMLElement, name: string) => element.classList?.contains(name) ?? false;

/**
 * The tags of a formula KaTeX drew: rows' tags in its MathML, a formula's own `\tag` (a full-width
 * row of KaTeX's MathML, or moved out of it beside the formula, `span.katex-tag`).
 */
function katexTags(katex: HTMLElement): string[] {
  const tags: string[] = [];
  const beside = katex.parentNode?.childNodes.find(
    (node) => (node as HTMLElement).classList?.contains('katex-tag') ?? false,
  ) as HTMLElement | undefined;
  if (beside) tags.push(beside.text);
  const math = katex.querySelector('math');
  if (!math) return tags;
  for (const element of math.querySelectorAll('mtd, mtr')) {
    if (element.rawTagName === 'mtd' && hasClass(element, 'mml-eqn-tag')) tags.push(element.text);
    if (element.rawTagName === 'mtr') {
      const cells = element.childNodes.filter((child) => (child as HTMLElement).rawTagName === 'mtd') as HTMLElement[];
      if (
        cells.length === 4 &&
        cells[0]!.getAttribute('width') === '50%' &&
        cells[2]!.getAttribute('width') === '50%' &&
        !hasClass(cells[3]!, 'mml-eqn-tag')
      ) {
        tags.push(cells[3]!.text);
      }
    }
  }
  return tags;
}

/** The tags MathJax's MathML (of a formula the theme drew with MathJax) shows. */
function mathJaxTags(katex: HTMLElement): string[] {
  return katex
    .querySelectorAll('mlabeledtr')
    .map((row) => (row.childNodes.find((child) => (child as HTMLElement).rawTagName === 'mtd') as HTMLElement).text);
}

/** The formulas of the theme's rendering of a post body, in order. */
export function themeFormulas(html: string | HTMLElement): ThemeFormula[] {
  const root = typeof html === 'string' ? parse(html, { blockTextElements: { script: true, style: true } }) : html;
  const formulas: ThemeFormula[] = [];
  for (const element of root.querySelectorAll('.katex, .math-error')) {
    if (hasClass(element, 'math-error')) {
      if (element.parentNode && hasClass(element.parentNode, 'math-error')) continue;
      formulas.push({ tex: element.text, display: element.rawTagName === 'pre', drawn: 'tex', tags: [], element });
      continue;
    }
    const display = element.parentNode ? hasClass(element.parentNode, 'katex-display') : false;
    const tex = element.querySelector('annotation')?.text ?? '';
    const mathjax = hasClass(element, 'math-mathjax');
    const unknown = element
      .querySelectorAll('mstyle[mathcolor="#cc0000"] > mtext')
      .some((text) => text.text.startsWith('\\'));
    formulas.push({
      tex,
      display,
      drawn: mathjax ? 'mathjax' : unknown ? 'unknown' : 'katex',
      tags: mathjax ? mathJaxTags(element) : katexTags(element),
      element,
    });
  }
  return formulas;
}

/** The text references the theme linked (`<a href="#eq-…">`), in order, with where they land. */
export function themeReferences(
  root: HTMLElement,
): { text: string; target: string; lands: ThemeFormula | undefined }[] {
  const formulas = themeFormulas(root);
  return root.querySelectorAll('a[href^="#eq-"]').map((link) => {
    const target = decodeURIComponent(link.getAttribute('href')!.slice(1));
    const anchor = root.querySelector(`[id="${target}"]`);
    // The anchor stands right before its formula (or before other anchors of the same formula).
    let next = anchor?.nextElementSibling ?? null;
    while (next && hasClass(next, 'eq-anchor')) next = next.nextElementSibling;
    const box = next && hasClass(next, 'katex-display') ? next.querySelector('.katex') : next;
    const lands = formulas.find((formula) => formula.element === box);
    return { text: link.text, target, lands };
  });
}
