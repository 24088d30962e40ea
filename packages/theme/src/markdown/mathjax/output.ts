/**
 * KaTeX's output made ready for the page, after rehype-katex (the site's `math.output`).
 *
 * `mathml`: each formula is MathML alone, drawn by the browser. KaTeX writes MathML for every
 * MathML renderer, and Chromium draws MathML Core, which leaves out a few of the attributes
 * KaTeX uses; they are turned into what every browser draws:
 * - `mathvariant` other than `normal` on `mi`, `mn` and `mo` (`\mathbf`, `\mathbb`, `\mathcal`,
 *   `\boldsymbol`, …): the letters become Unicode's mathematical letters (𝐱, ℝ, 𝓛), as MathML
 *   Core asks; Chromium would draw a plain italic letter. Text (`mtext`) keeps the attribute,
 *   which the stylesheet draws (bold, italic, monospace).
 * - `columnalign` of a table (`aligned`, `cases`, arrays): each cell gets its alignment as a class.
 * - `columnlines`/`rowlines` (`\begin{array}{c|c}`, `\hline`): the cells get the lines as classes.
 * - A numbered formula (`\tag`, `equation`) is a full-width table in KaTeX's MathML, which
 *   Chromium draws only as wide as the formula: the number moves out of the MathML into a
 *   `katex-tag` beside it, which the stylesheet sets at the end of the line. The cells of a
 *   table that keeps numbers (`align`, several rows) get `displaystyle` back.
 * - TeX's spacing that MathML's operator table lacks: a thin space after a function name before
 *   its argument (`\cos\theta`, not before a bracket), none around relations and binary
 *   operators in scripts (`\sum_{j=1}`), and none around a sign that follows an operator
 *   (`= -x`, `(-1)`), which TeX sets as a sign, not as a subtraction.
 * A display formula also gets KaTeX's `katex-display` wrapper, as in KaTeX's HTML output, which
 * the stylesheet, the feed and the word count read.
 *
 * `htmlAndMathml`: KaTeX's HTML is drawn with KaTeX's fonts; the faces this post's inline
 * formulas use are recorded (`renderInfo(file).mathFonts`) for the page to preload
 * (components/KatexFonts.astro): an inline formula's width moves the text around it when its font
 * arrives. A display formula cannot move other text (its height is KaTeX's, set without the font).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { CLASS } from '../html/class-names.ts';
import { renderInfo } from '../frontmatter.ts';
import { classesOf, textOf } from '../html/hast.ts';

export type MathOutput = 'mathml' | 'htmlAndMathml';

export interface RehypeMathOutputOptions {
  output?: MathOutput;
}

/** Unicode's mathematical letters: where A, a, Α (Greek) and 0 start for each `mathvariant`. */
const LATIN: Record<string, number> = {
  bold: 0x1d400,
  italic: 0x1d434,
  'bold-italic': 0x1d468,
  script: 0x1d49c,
  'bold-script': 0x1d4d0,
  fraktur: 0x1d504,
  'double-struck': 0x1d538,
  'bold-fraktur': 0x1d56c,
  'sans-serif': 0x1d5a0,
  'bold-sans-serif': 0x1d5d4,
  'sans-serif-italic': 0x1d608,
  'sans-serif-bold-italic': 0x1d63c,
  monospace: 0x1d670,
};
const GREEK: Record<string, number> = {
  bold: 0x1d6a8,
  italic: 0x1d6e2,
  'bold-italic': 0x1d71c,
  'bold-sans-serif': 0x1d756,
  'sans-serif-bold-italic': 0x1d790,
};
const DIGITS: Record<string, number> = {
  bold: 0x1d7ce,
  'double-struck': 0x1d7d8,
  'sans-serif': 0x1d7e2,
  'bold-sans-serif': 0x1d7ec,
  monospace: 0x1d7f6,
};
/** Letters Unicode had before the block; their places in the block are empty. */
const HOLES: Record<string, Record<string, string>> = {
  italic: { h: 'ℎ' },
  script: {
    B: 'ℬ',
    E: 'ℰ',
    F: 'ℱ',
    H: 'ℋ',
    I: 'ℐ',
    L: 'ℒ',
    M: 'ℳ',
    R: 'ℛ',
    e: 'ℯ',
    g: 'ℊ',
    o: 'ℴ',
  },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};
/** Greek letters in the block's order after Α–Ω (with ϴ in the gap at U+03A2) and ∇, α–ω. */
const GREEK_TAIL = ['∂', 'ϵ', 'ϑ', 'ϰ', 'ϕ', 'ϱ', 'ϖ'];

/** `char` in `variant`'s mathematical letters, or undefined when Unicode has none. */
export function mathLetter(char: string, variant: string): string | undefined {
  const hole = HOLES[variant]?.[char];
  if (hole) return hole;
  const code = char.codePointAt(0)!;
  const latin = LATIN[variant];
  if (latin !== undefined && code >= 0x41 && code <= 0x5a) return String.fromCodePoint(latin + code - 0x41);
  if (latin !== undefined && code >= 0x61 && code <= 0x7a) return String.fromCodePoint(latin + 26 + code - 0x61);
  const digits = DIGITS[variant];
  if (digits !== undefined && code >= 0x30 && code <= 0x39) return String.fromCodePoint(digits + code - 0x30);
  const greek = GREEK[variant];
  if (greek === undefined) return undefined;
  let index: number | undefined;
  if (code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) index = code - 0x391;
  else if (code === 0x3f4) index = 17;
  else if (char === '∇') index = 25;
  else if (code >= 0x3b1 && code <= 0x3c9) index = 26 + code - 0x3b1;
  else if (GREEK_TAIL.includes(char)) index = 51 + GREEK_TAIL.indexOf(char);
  return index === undefined ? undefined : String.fromCodePoint(greek + index);
}

/** The text of a token element (`mi`, `mn`, `mo`) in `variant`, when every character has one. */
function inVariant(text: string, variant: string): string | undefined {
  let out = '';
  for (const char of text) {
    const letter = mathLetter(char, variant);
    if (letter === undefined) return undefined;
    out += letter;
  }
  return out;
}

const TOKENS = new Set(['mi', 'mn', 'mo']);
/** Elements whose children after the first are scripts (drawn smaller, in script style). */
const SCRIPTED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts']);
/** U+2061 FUNCTION APPLICATION, which KaTeX puts between a function name and its argument. */
const APPLY = '\u2061';

const isElement = (node: ElementContent | undefined, tagName?: string): node is Element =>
  node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
/** Signs TeX sets without space after an operator, a relation, an opening bracket or a comma. */
const SIGNS = new Set(['−', '-', '+', '±', '∓']);
const CLOSING = new Set([')', ']', '}', '|', '‖', '⟩', '⌋', '⌉', '∣', '∥']);
const tokenText = (node: Element): string =>
  node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : '';

/** A MathML attribute as hast holds it (the name as written, lower case), as text. */
function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** The value for column (or row) `index` of a list attribute: the last one repeats. */
function nth(list: string[], index: number): string | undefined {
  return list.length === 0 ? undefined : list[Math.min(index, list.length - 1)];
}

function addClass(element: Element, name: string): void {
  element.properties.className = [...classesOf(element), name];
}

function fixTable(table: Element): void {
  // KaTeX's `\tag` table: the formula and its number in the cells of a full-width row.
  const tagged = attribute(table, 'width') === '100%';
  const align = (attribute(table, 'columnalign') ?? '').split(/\s+/).filter(Boolean);
  const columnLines = (attribute(table, 'columnlines') ?? '').split(/\s+/).filter(Boolean);
  const rowLines = (attribute(table, 'rowlines') ?? '').split(/\s+/).filter(Boolean);
  const rows = table.children.filter(
    (child): child is Element =>
      child.type === 'element' && (child.tagName === 'mtr' || child.tagName === 'mlabeledtr'),
  );
  rows.forEach((row, rowIndex) => {
    const cells = row.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'mtd');
    const lineBelow = rowIndex < rows.length - 1 ? nth(rowLines, rowIndex) : undefined;
    cells.forEach((cell, column) => {
      if (tagged) cell.properties.displaystyle = 'true';
      const side = nth(align, column);
      if (side === 'left' || side === 'right') addClass(cell, `mtd-${side}`);
      const lineAfter = column < cells.length - 1 ? nth(columnLines, column) : undefined;
      if (lineAfter === 'solid' || lineAfter === 'dashed') addClass(cell, `mtd-line-${lineAfter}`);
      if (lineBelow === 'solid' || lineBelow === 'dashed') addClass(cell, `mtd-below-${lineBelow}`);
    });
  });
}

/** Makes KaTeX's MathML drawable by MathML Core (see the top of the file). */
function fixMathml(node: Element, inScript = false): void {
  if (TOKENS.has(node.tagName)) {
    // An operator in a script: no space around it, as TeX sets `j=1` under a sum.
    if (
      inScript &&
      node.tagName === 'mo' &&
      node.properties.lspace === undefined &&
      node.properties.rspace === undefined &&
      node.properties.largeop === undefined
    ) {
      node.properties.lspace = '0em';
      node.properties.rspace = '0em';
    }
    const variant = attribute(node, 'mathvariant');
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (variant && variant !== 'normal' && only?.type === 'text') {
      const text = inVariant(only.value, variant);
      if (text !== undefined) {
        only.value = text;
        delete node.properties.mathvariant;
      }
    }
    return;
  }
  if (node.tagName === 'mtable') fixTable(node);
  const scripted = SCRIPTED.has(node.tagName);
  let previous: Element | undefined;
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (
      !scripted &&
      child.tagName === 'mo' &&
      SIGNS.has(tokenText(child)) &&
      child.properties.lspace === undefined &&
      previous?.tagName === 'mo' &&
      !CLOSING.has(tokenText(previous))
    ) {
      child.properties.lspace = '0em';
      child.properties.rspace = '0em';
    }
    fixMathml(child, inScript || (scripted && index > 0));
    previous = child;
  });
  // `\cos\theta`: a thin space after the function, unless a bracket or another operator follows
  // (Chromium draws no `rspace` on the invisible function application).
  if (!scripted) {
    for (let index = node.children.length - 2; index >= 0; index--) {
      const child = node.children[index];
      if (isElement(child, 'mo') && tokenText(child) === APPLY && !isElement(node.children[index + 1], 'mo')) {
        node.children.splice(index + 1, 0, {
          type: 'element',
          tagName: 'mspace',
          properties: { width: '0.1667em' },
          children: [],
        });
      }
    }
  }
}

/** Class names in KaTeX's HTML and the KaTeX font face each draws with (katex.css). */
const FONT_CLASSES: [RegExp, string][] = [
  [/^(mathnormal|mathit)$/, 'Math-Italic'],
  [/^(textit)$/, 'Main-Italic'],
  [/^(mathbf|textbf)$/, 'Main-Bold'],
  [/^boldsymbol$/, 'Math-BoldItalic'],
  [/^(amsrm|mathbb|textbb)$/, 'AMS-Regular'],
  [/^mathcal$/, 'Caligraphic-Regular'],
  [/^(mathfrak|textfrak)$/, 'Fraktur-Regular'],
  [/^(mathboldfrak|textboldfrak)$/, 'Fraktur-Bold'],
  [/^(mathtt|texttt)$/, 'Typewriter-Regular'],
  [/^(mathscr|textscr)$/, 'Script-Regular'],
  [/^(mathsf|textsf)$/, 'SansSerif-Regular'],
  [/^(mathboldsf|textboldsf)$/, 'SansSerif-Bold'],
  [/^(mathitsf|textitsf)$/, 'SansSerif-Italic'],
  [/^(small-op|delim-size1)$/, 'Size1-Regular'],
  [/^large-op$/, 'Size2-Regular'],
  [/^delim-size4$/, 'Size4-Regular'],
];
/** A sized delimiter (`\big(`, `\left(` around a tall formula): `delimsizing size1` … `size4`. */
const DELIMITER_SIZE = /^size([1-4])$/;

/** The KaTeX font faces an element of KaTeX's HTML and everything in it draw with. */
function collectFonts(node: Element, fonts: Set<string>): void {
  const classes = classesOf(node);
  const delimiter = classes.includes('delimsizing');
  for (const name of classes) {
    for (const [pattern, face] of FONT_CLASSES) if (pattern.test(name)) fonts.add(face);
    // Elsewhere `size1` … `size11` are font sizes (`sizing reset-size6 size3`), not faces.
    const size = delimiter ? DELIMITER_SIZE.exec(name) : null;
    if (size) fonts.add(`Size${size[1]}-Regular`);
  }
  for (const child of node.children) if (child.type === 'element') collectFonts(child, fonts);
}

const elementsOf = (node: Element, tagName: string): Element[] =>
  node.children.filter((child): child is Element => isElement(child, tagName));

/**
 * KaTeX's MathML for a numbered formula of one row: `<semantics><mtable width="100%"><mtr>` with
 * the cells glue, formula, glue, number (`\tag`), or with `mtr-glue` cells and an `mml-eqn-num`
 * cell that the stylesheet counts (`equation`). Returns the formula's cell and the number (text,
 * or undefined for a counted one), or undefined for any other formula.
 */
function numbered(math: Element): { table: Element; formula: Element; number: string | undefined } | undefined {
  const semantics = elementsOf(math, 'semantics')[0];
  const table = semantics && elementsOf(semantics, 'mtable')[0];
  if (
    !table ||
    semantics.children.findIndex((child) => child.type === 'element') !== semantics.children.indexOf(table)
  ) {
    return undefined;
  }
  const rows = elementsOf(table, 'mtr');
  if (rows.length !== 1 || table.children.some((child) => child.type === 'element' && child.tagName !== 'mtr')) {
    return undefined;
  }
  const cells = elementsOf(rows[0]!, 'mtd');
  if (cells.length !== 4) return undefined;
  const glue = (cell: Element) => attribute(cell, 'width') === '50%' || classesOf(cell).includes('mtr-glue');
  if (!glue(cells[0]!) || !glue(cells[2]!)) return undefined;
  const counted = classesOf(cells[3]!).includes('mml-eqn-num');
  if (!counted && attribute(table, 'width') !== '100%') return undefined;
  return { table, formula: cells[1]!, number: counted ? undefined : textOf(cells[3]!) };
}

/** Wraps a display formula (`<math display="block">`) in `katex-display`, as KaTeX's HTML output does. */
function isDisplay(katex: Element): boolean {
  return katex.children.some(
    (child) => child.type === 'element' && child.tagName === 'math' && attribute(child, 'display') === 'block',
  );
}

export function rehypeMathOutput(options: RehypeMathOutputOptions = {}) {
  const output = options.output ?? 'mathml';
  return (tree: Root, file: VFile) => {
    const fonts = new Set<string>();
    const walk = (parent: Root | Element) => {
      parent.children.forEach((child, index) => {
        if (child.type !== 'element') return;
        const classes = classesOf(child);
        if (classes.includes(CLASS.katex)) {
          if (output === 'htmlAndMathml') {
            const display = parent.type === 'element' && classesOf(parent).includes(CLASS.katexDisplay);
            if (!display) {
              fonts.add('Main-Regular');
              collectFonts(child, fonts);
            }
            return;
          }
          const math = elementsOf(child, 'math')[0];
          const number = math && isDisplay(child) ? numbered(math) : undefined;
          if (math && number) {
            // The formula in place of the table; its number beside it, out of the MathML.
            const semantics = elementsOf(math, 'semantics')[0]!;
            semantics.children[semantics.children.indexOf(number.table)] = {
              type: 'element',
              tagName: 'mrow',
              properties: {},
              children: number.formula.children,
            };
          }
          for (const node of child.children) if (node.type === 'element') fixMathml(node);
          if (isDisplay(child) && !(parent.type === 'element' && classesOf(parent).includes(CLASS.katexDisplay))) {
            const tag: ElementContent[] = number
              ? [
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: {
                      className: number.number === undefined ? ['katex-tag', 'mml-eqn-num'] : ['katex-tag'],
                    },
                    children: number.number === undefined ? [] : [{ type: 'text', value: number.number }],
                  },
                ]
              : [];
            const wrapper: ElementContent = {
              type: 'element',
              tagName: 'span',
              properties: { className: number ? [CLASS.katexDisplay, 'katex-tagged'] : [CLASS.katexDisplay] },
              children: [child, ...tag],
            };
            parent.children[index] = wrapper;
          }
          return;
        }
        walk(child);
      });
    };
    walk(tree);
    if (fonts.size > 0) renderInfo(file).mathFonts = [...fonts].sort();
  };
}
