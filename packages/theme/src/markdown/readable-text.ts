/**
 * The text a reader reads in a post's HTML, for the word count, the excerpt, the table of
 * contents and the names of heading anchors: without the theme's anchors and code headers, the
 * footnotes and footnote marks, and (for excerpts) without code blocks.
 *
 * A formula is read by one function, `formulaText`: where a page shows text instead of HTML (the
 * table of contents, excerpts on cards, in feeds and in `og:description`, an anchor's name), a
 * formula is its MathML written out as plain text, with Unicode where Unicode has the sign:
 * `\mathbb{R}^n` is "ℝⁿ", `e^{i\pi}` "e^(iπ)", `\frac{a+b}{2}` "(a+b)/2". The word count alone
 * counts a formula's TeX, as Jekyll counts the TeX kramdown leaves in the page.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CLASS } from './html/class-names.ts';
import { classesOf } from './html/hast.ts';
import { mathLetter } from './mathjax/output.ts';

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

const isElement = (node: ElementContent | RootContent): node is Element => node.type === 'element';

/** The first element named `name` in `node` (itself included), depth first. */
function find(node: ElementContent, name: string): Element | undefined {
  if (!isElement(node)) return undefined;
  if (node.tagName === name) return node;
  for (const child of node.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : isElement(node) ? node.children.map(textOf).join('') : '';

/** The TeX source of a KaTeX-rendered formula (its MathML annotation). */
function texOf(katex: Element): string | undefined {
  const annotation = find(katex, 'annotation');
  return annotation ? textOf(annotation) : undefined;
}

// ---------------------------------------------------------------- a formula as text

const SUPERSCRIPTS: Record<string, string> = {
  ...Object.fromEntries([...'0123456789'].map((digit, i) => [digit, '⁰¹²³⁴⁵⁶⁷⁸⁹'[i]!])),
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  ...Object.fromEntries(
    [...'abcdefghijklmnoprstuvwxyz'].map((letter, i) => [letter, [...'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'][i]!]),
  ),
  ...Object.fromEntries([...'ABDEGHIJKLMNOPRTUVW'].map((letter, i) => [letter, [...'ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'][i]!])),
  α: 'ᵅ',
  β: 'ᵝ',
  γ: 'ᵞ',
  δ: 'ᵟ',
  ε: 'ᵋ',
  θ: 'ᶿ',
  φ: 'ᵠ',
  χ: 'ᵡ',
};
const SUBSCRIPTS: Record<string, string> = {
  ...Object.fromEntries([...'0123456789'].map((digit, i) => [digit, '₀₁₂₃₄₅₆₇₈₉'[i]!])),
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  ...Object.fromEntries([...'aehijklmnoprstuvx'].map((letter, i) => [letter, [...'ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]!])),
  β: 'ᵦ',
  γ: 'ᵧ',
  ρ: 'ᵨ',
  φ: 'ᵩ',
  χ: 'ᵪ',
};
/** Signs that stand for themselves as a superscript (`f'`, `A^*`, `x^\top`). */
const SELF_SUPERSCRIPTS = new Set(['′', '″', '‴', '∗', '*', '⊤', '†', '∘']);

/** Text with more than one character, in parentheses: `(a+b)/2`, `e^(iπ)`. */
function group(text: string): string {
  const trimmed = text.trim();
  return [...trimmed].length <= 1 ? trimmed : `(${trimmed})`;
}

/** A superscript or subscript: in Unicode's small signs when each character has one, else `^(…)`. */
function script(text: string, table: Record<string, string>, mark: '^' | '_'): string {
  const chars = [...text.trim()];
  if (chars.length === 0) return '';
  if (mark === '^' && chars.every((char) => SELF_SUPERSCRIPTS.has(char))) return chars.join('');
  if (chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join('');
  return `${mark}${group(text)}`;
}

/** Combining marks for KaTeX's accents (`\hat`, `\bar`, `\vec`, …) over one letter. */
const ACCENTS: Record<string, string> = {
  '^': '\u0302',
  ˆ: '\u0302',
  '~': '\u0303',
  '˜': '\u0303',
  ˉ: '\u0304',
  '¯': '\u0304',
  '‾': '\u0305',
  '˘': '\u0306',
  '˙': '\u0307',
  '¨': '\u0308',
  '˚': '\u030A',
  ˇ: '\u030C',
  ˊ: '\u0301',
  '´': '\u0301',
  ˋ: '\u0300',
  '`': '\u0300',
  '→': '\u20D7',
  '⃗': '\u20D7',
  _: '\u0332',
};

/** Operators read with a space on each side: relations, arrows, and `+`, `−`, `±` between terms. */
const SPACED = /^[=<>≤≥≠≈≡≅∼≃∝≪≫→←↔⇒⇐⇔↦∈∉∋⊂⊃⊆⊇⊊⊋:≔+−±∓×÷·⋅∪∩∧∨]$/u;
const LOOSE_ONLY_BETWEEN = /^[+−±∓]$/u;

const attribute = (element: Element, name: string): string | undefined => {
  const value = element.properties[name];
  return value === undefined || value === null ? undefined : String(value);
};

/** A token's text (`mi`, `mn`, `mo`, `mtext`), with its `mathvariant` letters where Unicode has them. */
function tokenText(token: Element): string {
  const text = textOf(token).replace(/\u00A0/g, ' ');
  const variant = attribute(token, 'mathvariant');
  if (!variant || variant === 'normal' || token.tagName === 'mtext') return text;
  return [...text].map((char) => mathLetter(char, variant) ?? char).join('');
}

const elementChildren = (element: Element): Element[] => element.children.filter(isElement);

/** MathML (presentation markup, as KaTeX writes it) as a line of text. */
function mathml(node: Element, inScript = false): string {
  const children = elementChildren(node);
  const read = (child: Element | undefined) => (child ? mathml(child, inScript) : '');
  const scripted = (child: Element | undefined) => (child ? mathml(child, true) : '');
  switch (node.tagName) {
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
    case 'mglyph':
    case 'none':
      return '';
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return tokenText(node);
    case 'mo': {
      const text = tokenText(node)
        .replace(/\u2061/g, ' ')
        .replace(/[\u2062\u2063\u2064]/g, '');
      return !inScript && SPACED.test(text.trim()) ? ` ${text.trim()} ` : text;
    }
    case 'mspace':
      return (attribute(node, 'width') ?? '').startsWith('-') ? '' : ' ';
    case 'msup':
      return read(children[0]) + script(scripted(children[1]), SUPERSCRIPTS, '^');
    case 'msub':
      return read(children[0]) + script(scripted(children[1]), SUBSCRIPTS, '_');
    case 'msubsup':
      return (
        read(children[0]) +
        script(scripted(children[1]), SUBSCRIPTS, '_') +
        script(scripted(children[2]), SUPERSCRIPTS, '^')
      );
    case 'mover':
    case 'munder': {
      const base = read(children[0]);
      const mark = scripted(children[1]).trim();
      const accent = attribute(node, node.tagName === 'mover' ? 'accent' : 'accentunder') === 'true';
      const combining = ACCENTS[mark];
      if (accent && combining && [...base.trim()].length === 1) return base.trim() + combining;
      if (accent) return base + mark;
      return (
        base + script(mark, node.tagName === 'mover' ? SUPERSCRIPTS : SUBSCRIPTS, node.tagName === 'mover' ? '^' : '_')
      );
    }
    case 'munderover':
      return (
        read(children[0]) +
        script(scripted(children[1]), SUBSCRIPTS, '_') +
        script(scripted(children[2]), SUPERSCRIPTS, '^')
      );
    case 'mfrac': {
      const [numerator, denominator] = [read(children[0]), read(children[1])];
      // `\binom{n}{k}`: a fraction without a line.
      if (/^0(?:\.0*)?(?:[a-z]+)?$/.test(attribute(node, 'linethickness') ?? '')) {
        return `${numerator.trim()} ${denominator.trim()}`;
      }
      return `${group(numerator)}/${group(denominator)}`;
    }
    case 'msqrt':
      return `√${group(children.map(read).join(''))}`;
    case 'mroot': {
      const index = scripted(children[1]).trim();
      const root = index === '3' ? '∛' : index === '4' ? '∜' : `${script(index, SUPERSCRIPTS, '^')}√`;
      return root + group(read(children[0]));
    }
    case 'mtable': {
      // Each row's cells; an `aligned` row (right, left, right, …) is one line of an equation.
      const aligned = /^right left/.test(attribute(node, 'columnalign') ?? '');
      return children
        .filter((row) => row.tagName === 'mtr' || row.tagName === 'mlabeledtr')
        .map((row) => {
          const cells = elementChildren(row).slice(row.tagName === 'mlabeledtr' ? 1 : 0);
          return cells
            .map(read)
            .map((cell) => cell.trim())
            .join(aligned ? '' : ' ');
        })
        .join('; ');
    }
    case 'mrow':
    case 'mstyle':
    case 'mpadded':
    case 'menclose':
    case 'semantics':
    case 'math':
    case 'mtd': {
      const parts = children.map((child, index) => {
        const text = read(child);
        // A sign that begins a group, or follows another operator, is no operator between terms
        // (`−1`, `= −1`, `(+∞`).
        const before = children[index - 1];
        const unary = index === 0 || (before?.tagName === 'mo' && /^[\p{Sm}\p{Ps},]?$/u.test(tokenText(before).trim()));
        return unary && LOOSE_ONLY_BETWEEN.test(text.trim()) ? text.trim() : text;
      });
      return parts.join('');
    }
    default:
      return children.map(read).join('') || textOf(node);
  }
}

/**
 * The text of a formula rendered by KaTeX (`span.katex`, in either of the theme's math outputs):
 * its MathML as a line of text (see the top of the file); its TeX when it has no MathML.
 */
export function formulaText(katex: Element): string {
  const math = find(katex, 'math');
  const text = math ? mathml(math) : (texOf(katex) ?? textOf(katex));
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The parts of a rendered formula that repeat it for other readers: KaTeX's HTML (drawn for the
 * eye; screen readers read the MathML) and the TeX in the MathML's annotation. Search leaves them
 * out (integration/search.ts), so the index holds each formula once, as its MathML's text.
 */
export const FORMULA_COPIES: readonly string[] = ['.katex-html', '.katex annotation'];

// ---------------------------------------------------------------- readable text

export interface ReadOptions {
  /** Code blocks are read (else each is a space). */
  code: boolean;
  /** A formula reads as `$tex$` (the word count) or as `formulaText` (everything else). */
  formulas: 'tex' | 'text';
}

/**
 * The readable text of `node`. `true` reads as the word count does (code, formulas as TeX),
 * `false` as the excerpt does (no code, formulas as text).
 */
export function readableText(node: RootContent | Root | ElementContent, options: boolean | ReadOptions): string {
  const read: ReadOptions =
    typeof options === 'boolean' ? { code: options, formulas: options ? 'tex' : 'text' } : options;
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    const names = classesOf(node);
    if (names.includes(CLASS.katex)) {
      if (read.formulas === 'text') return formulaText(node);
      const tex = texOf(node);
      return tex === undefined ? '' : `$${tex}$`;
    }
    if (names.includes(CLASS.anchor) || names.includes(CLASS.codeHeader) || names.includes(CLASS.footnotes)) return '';
    if (node.properties.dataFootnoteRef !== undefined) return '';
    if (!read.code && node.tagName === 'pre') return ' ';
  }
  if ('children' in node) {
    const text = node.children.map((child) => readableText(child, read)).join('');
    return node.type === 'element' && BLOCKS.has(node.tagName) ? ` ${text} ` : text;
  }
  return '';
}

/**
 * A heading's text as the table of contents and its anchor's name show it: formulas as text,
 * without footnote marks and the anchor, white space collapsed.
 */
export function headingText(heading: Element): string {
  return readableText(heading, { code: true, formulas: 'text' }).replace(/\s+/g, ' ').trim();
}
