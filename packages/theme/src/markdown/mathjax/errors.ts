/**
 * Formulas KaTeX cannot render, after rehype-katex. rehype-katex reports each failure as a
 * message on the file, in document order, and leaves a `.katex-error` element where the formula
 * was; the two are paired by TeX, else in order. (Checking every formula beforehand would render
 * each one twice.) Such a formula is drawn by MathJax, which Chirpy's readers had (markdown/mathjax/mathjax.ts,
 * loaded then): `x^\underline{n}`, `\begin{align}` in inline math, `\text{a_b}`. Where MathJax
 * cannot render it either, a warning names the file, line and TeX, and the TeX is shown as code
 * instead of KaTeX's red error text.
 *
 * Also here, right after rehype-katex: KaTeX's console warnings for the post become one warning
 * (markdown/mathjax/katex-warnings.ts), and the tags math-numbering gave an environment's rows are written into
 * KaTeX's MathML.
 *
 * A formula nested deeper than MAX_MATH_NESTING never reaches KaTeX (remark-math-dialect leaves it
 * out); it is reported and shown the same way.
 */
import type { Element, Root } from 'hast';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { classesOf, textOf } from '../html/hast.ts';
import { takeKatexWarnings } from './katex-warnings.ts';
import { renderWithMathJax, type MathJaxRendering } from './mathjax.ts';
import { bodyLineOffset, projectPath } from '../kramdown/shared/source-lines.ts';
type VFileMessage = VFile['messages'][number];

/**
 * How deeply a formula may nest for KaTeX. KaTeX's parser and the code that turns the HTML it
 * returns into a tree (in rehype-katex, outside the part that catches KaTeX's errors) recurse
 * once per level: a `\frac` in a `\frac` a few hundred levels deep overflows the stack there, and
 * the whole post fails. No formula written by hand nests this deep (TeX itself stops at 255).
 */
export const MAX_MATH_NESTING = 64;

/**
 * The class of a formula remark-math-dialect did not hand to KaTeX, on a `code` element holding
 * its TeX, with `dataChirpyMath` `'display'` or `'inline'`; the plugin here shows it as TeX.
 */
export const REFUSED_MATH = 'math-refused';

/** `file.data` key: the post has formulas with REFUSED_MATH. */
export const REFUSED_MATH_DATA = 'chirpyRefusedMath';

/** `file.data` key: formulas whose rows got tags, for rehype-math-errors to write into KaTeX's MathML. */
export const MATH_TAGS_DATA = 'chirpyMathTags';

/** A formula's TeX as handed to KaTeX, and the tags of its tagged rows, in order. */
export interface RowTags {
  tex: string;
  tags: string[];
}

const GROUP_OPENING = new Set(['left', 'begin', 'bgroup', 'begingroup']);
const GROUP_CLOSING = new Map([
  ['right', 'left'],
  ['end', 'begin'],
  ['egroup', 'bgroup'],
  ['endgroup', 'begingroup'],
]);

/**
 * How many groups deep `tex` goes at most: braces, `\left…\right`, `\begin…\end`,
 * `\bgroup…\egroup`, `\begingroup…\endgroup`, and the `[…]` of `\sqrt` (a closing that does
 * not match the innermost opening is left alone; `%` comments are skipped).
 */
export function mathNesting(tex: string): number {
  const open: string[] = [];
  let deepest = 0;
  const word = /[A-Za-z]+/y;
  for (let index = 0; index < tex.length; index++) {
    const char = tex[index]!;
    let opened: string | undefined;
    let closed: string | undefined;
    if (char === '%') {
      const end = tex.indexOf('\n', index);
      if (end < 0) break;
      index = end;
    } else if (char === '{') opened = '{';
    else if (char === '}') closed = '{';
    else if (char === ']') closed = '[';
    else if (char === '\\') {
      word.lastIndex = index + 1;
      const name = word.exec(tex)?.[0];
      if (name === undefined) {
        index++; // `\{`, `\\`, `\%`: one character, escaped
        continue;
      }
      index += name.length;
      if (GROUP_OPENING.has(name)) opened = name;
      else if (GROUP_CLOSING.has(name)) closed = GROUP_CLOSING.get(name);
      else if (name === 'sqrt') {
        const bracket = /\s*\[/y;
        bracket.lastIndex = index + 1;
        if (bracket.exec(tex)) {
          index = bracket.lastIndex - 1;
          opened = '[';
        }
      }
    }
    if (opened) {
      open.push(opened);
      deepest = Math.max(deepest, open.length);
    } else if (closed && open[open.length - 1] === closed) open.pop();
  }
  return deepest;
}

export interface MathErrorsOptions {
  warn?: (message: string) => void;
  /** Absolute project root, to name files in warnings. */
  root?: string;
}

/** The ancestors rehype-katex names are hast nodes; the formula's element is the last. */
const elementAt = (message: VFileMessage | undefined, from: number): Element | undefined => {
  const node = message?.ancestors?.at(from) as Element | undefined;
  return node?.type === 'element' ? node : undefined;
};

function formulaText(message: VFileMessage): string | undefined {
  const formula = elementAt(message, -1);
  return formula ? textOf(formula) : undefined;
}

/**
 * A formula remark-math-dialect did not hand to KaTeX, and whether it is display math: its
 * REFUSED_MATH element.
 */
function refusedFormula(node: Element): { tex: string; display: boolean } | undefined {
  if (!classesOf(node).includes(REFUSED_MATH)) return undefined;
  return { tex: textOf(node), display: node.properties.dataChirpyMath === 'display' };
}

function codeElement(tex: string): Element {
  return {
    type: 'element',
    tagName: 'code',
    properties: { className: ['math-error'], title: 'KaTeX could not render this formula' },
    children: [{ type: 'text', value: tex }],
  };
}

/** A formula KaTeX could not render, found after rehype-katex. */
interface Failure {
  parent: Root | Element;
  index: number;
  tex: string;
  display: boolean;
  line: number;
  reason: string;
}

/** The hidden MathML of a formula MathJax drew, as KaTeX hides its own (also where KaTeX's CSS is not loaded). */
const HIDDEN = 'position:absolute;clip:rect(1px,1px,1px,1px);padding:0;border:0;height:1px;width:1px;overflow:hidden';

/**
 * A formula MathJax drew, in KaTeX's shape, so that every reader of KaTeX's output (the word count,
 * excerpts, search, feeds, the stylesheet) reads it the same way: `span.katex` holding the MathML
 * with the TeX as its annotation (hidden) and the SVG (shown); display math in `katex-display`.
 * The class `math-mathjax` says MathJax drew it.
 */
function mathJaxElement(rendering: MathJaxRendering, tex: string, display: boolean): Element {
  const { mathml, svg } = rendering;
  const semantics: Element = {
    type: 'element',
    tagName: 'semantics',
    properties: {},
    children: [
      { type: 'element', tagName: 'mrow', properties: {}, children: mathml.children },
      {
        type: 'element',
        tagName: 'annotation',
        properties: { encoding: 'application/x-tex' },
        children: [{ type: 'text', value: tex }],
      },
    ],
  };
  const katex: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['katex', 'math-mathjax'] },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-mathml'], style: HIDDEN },
        children: [{ ...mathml, children: [semantics] }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-html'], ariaHidden: 'true' },
        children: [svg],
      },
    ],
  };
  return display
    ? { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [katex] }
    : katex;
}

/** The annotation (the TeX KaTeX rendered) of a `.katex` element. */
function annotationOf(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'annotation') return textOf(child);
    const found = annotationOf(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function elementsIn(node: Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    elementsIn(child, test, found);
  }
  return found;
}

/**
 * KaTeX writes the tags of an environment's rows (`\tag{n}` in `align`, `gather`) into its HTML,
 * but leaves each row's tag cell in its MathML empty, for a CSS counter that knows nothing of
 * MathJax's numbers (and that the MathML output's stylesheet does not have): the tags
 * math-numbering gave the rows are written into those cells, and the table spread over the line
 * as KaTeX's MathML does for a formula's own `\tag`, the number at its end.
 */
function writeRowTags(tree: Root, file: VFile): void {
  const pending = (file.data as Record<string, unknown>)[MATH_TAGS_DATA] as RowTags[] | undefined;
  if (!pending || pending.length === 0) return;
  let next = 0;
  visit(tree, 'element', (node) => {
    if (next >= pending.length) return EXIT;
    if (!classesOf(node).includes('katex')) return undefined;
    const tex = annotationOf(node);
    const at = pending.findIndex((entry, i) => i >= next && entry.tex === tex);
    if (at < 0) return SKIP;
    next = at + 1;
    const { tags } = pending[at]!;
    const cells = elementsIn(
      node,
      (element) => element.tagName === 'mtd' && classesOf(element).includes('mml-eqn-num'),
    );
    if (cells.length !== tags.length) return SKIP;
    cells.forEach((cell, i) => {
      cell.properties.className = ['mml-eqn-tag'];
      cell.children = [
        { type: 'element', tagName: 'mtext', properties: {}, children: [{ type: 'text', value: tags[i]! }] },
      ];
    });
    for (const table of elementsIn(node, (element) => element.tagName === 'mtable')) {
      const glue = elementsIn(table, (element) => element.tagName === 'mtd' && classesOf(element).includes('mtr-glue'));
      if (glue.length === 0) continue;
      table.properties.width = '100%';
      for (const cell of glue) cell.properties.width = '50%';
    }
    return SKIP;
  });
}

export function rehypeMathErrors(options: MathErrorsOptions = {}) {
  return (tree: Root, file: VFile): Promise<void> | void => {
    const fileName = () => projectPath(file, options.root);
    // KaTeX's console warnings while it rendered this post: one line.
    const warnings = takeKatexWarnings();
    if (warnings.length > 0) {
      const kinds = [...new Set(warnings.map((warning) => warning.replace(/ in style .*$| \[.*$/, '')))];
      const shown = kinds.slice(0, 3).join('; ') + (kinds.length > 3 ? `; and ${kinds.length - 3} more` : '');
      options.warn?.(`${fileName()}: KaTeX warned ${warnings.length} times while rendering its formulas (${shown}).`);
    }
    writeRowTags(tree, file);
    const unknown = unknownCommands(tree);
    const failures = file.messages.filter((message) => message.source === 'rehype-katex');
    const refused = (file.data as Record<string, unknown>)[REFUSED_MATH_DATA] === true;
    if (failures.length === 0 && !refused) return redraw([], unknown);
    file.messages = file.messages.filter((message) => message.source !== 'rehype-katex');
    const offset = bodyLineOffset(file);
    const shown = (tex: string, display: boolean): Element => {
      const code = codeElement(tex);
      return display
        ? { type: 'element', tagName: 'pre', properties: { className: ['math-error'] }, children: [code] }
        : code;
    };
    const report = (failure: Failure) => {
      options.warn?.(
        `${fileName()}:${failure.line}: KaTeX cannot render ${JSON.stringify(failure.tex)} (${failure.reason}); it is shown as TeX.`,
      );
      failure.parent.children[failure.index] = shown(failure.tex, failure.display);
    };
    const rejected: Failure[] = [];
    let next = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const deep = refused ? refusedFormula(node) : undefined;
      if (deep) {
        const line = (node.position?.start.line ?? 1) + offset;
        const reason = `nested more than ${MAX_MATH_NESTING} levels deep`;
        report({ parent, index, tex: deep.tex, display: deep.display, line, reason });
        return [SKIP, index + 1];
      }
      if (!classesOf(node).includes('katex-error')) return;
      const tex = textOf(node);
      // The failure about this formula: the next one, unless a later one names this TeX.
      const named = failures.findIndex((message, at) => at >= next && formulaText(message) === tex);
      const failure = failures[named === -1 ? next : named];
      next = (named === -1 ? next : named) + 1;
      // The element rehype-katex was rendering: `code.math-display` (alone, or in a `pre`) is
      // display math; a ```math block is a `code.language-math` in a `pre`.
      const [formula, holder] = [elementAt(failure, -1), elementAt(failure, -2)];
      const display =
        formula !== undefined && (classesOf(formula).includes('math-display') || holder?.tagName === 'pre');
      // The formula's own element may have no position; its `pre` has.
      const placed = [...(failure?.ancestors ?? [])].reverse().find((ancestor) => ancestor.position);
      const line = (failure?.line ?? placed?.position?.start.line ?? 1) + offset;
      const reason = failure?.cause instanceof Error ? failure.cause.message : (failure?.reason ?? 'unknown error');
      rejected.push({ parent, index, tex, display, line, reason });
      return [SKIP, index + 1];
    });
    return redraw(rejected, unknown, report);
  };
}

/**
 * What KaTeX rejected, and formulas it drew with a command it does not know (in red, as text:
 * `\ce{H_2O}`, `\bbox`), MathJax may draw: it is loaded now, for them. A rejected formula MathJax
 * cannot draw either is reported and shown as TeX; one with an unknown command stays as KaTeX
 * drew it (MathJax too shows an unknown command in red).
 */
function redraw(rejected: Failure[], unknown: Unknown[], report?: (failure: Failure) => void): Promise<void> | void {
  if (rejected.length === 0 && unknown.length === 0) return;
  return (async () => {
    for (const failure of rejected) {
      const rendering = await renderWithMathJax(failure.tex, failure.display);
      if (rendering) failure.parent.children[failure.index] = mathJaxElement(rendering, failure.tex, failure.display);
      else report?.(failure);
    }
    for (const formula of unknown) {
      const rendering = await renderWithMathJax(formula.tex, formula.display);
      if (!rendering) continue;
      const index = formula.parent.children.indexOf(formula.element as never);
      if (index >= 0) formula.parent.children[index] = mathJaxElement(rendering, formula.tex, formula.display);
    }
  })();
}

/** A formula KaTeX drew with a command it does not know. */
interface Unknown {
  /** The element to replace: the formula's `katex-display`, or its `katex`. */
  element: Element;
  parent: Root | Element;
  tex: string;
  display: boolean;
}

/** KaTeX's error colour, in which it writes a command it does not know (with `throwOnError: false`). */
const KATEX_ERROR_COLOR = '#cc0000';

/** Whether KaTeX's MathML holds a command KaTeX did not know: `<mstyle mathcolor="#cc0000"><mtext>\ce`. */
function hasUnknownCommand(node: Element): boolean {
  if (node.tagName === 'mstyle' && node.properties.mathcolor === KATEX_ERROR_COLOR) {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type === 'element' && only.tagName === 'mtext' && textOf(only).startsWith('\\')) return true;
  }
  return node.children.some((child) => child.type === 'element' && hasUnknownCommand(child));
}

function unknownCommands(tree: Root): Unknown[] {
  const found: Unknown[] = [];
  // Every node is entered but a KaTeX formula, as visitParents with SKIP did; a formula's parent
  // and grandparent are handed down instead of a copied list of ancestors for every node (the
  // walk runs on every post: `theme: markdown/mathjax/errors.ts` in the Step 17 profile).
  const walk = (node: Root | Element, parent: Root | Element | undefined): void => {
    for (const child of node.children) {
      if (child.type !== 'element') {
        if ('children' in child && Array.isArray(child.children)) walk(child as unknown as Element, node);
        continue;
      }
      if (!classesOf(child).includes('katex')) {
        walk(child, node);
        continue;
      }
      if (classesOf(child).includes('math-mathjax') || !hasUnknownCommand(child)) continue;
      const wrapped = node.type === 'element' && classesOf(node).includes('katex-display');
      const math = elementsIn(child, (element) => element.tagName === 'math')[0];
      found.push({
        element: wrapped ? node : child,
        parent: wrapped ? parent! : node,
        tex: annotationOf(child) ?? textOf(child),
        display: wrapped || math?.properties.display === 'block',
      });
    }
  };
  walk(tree, undefined);
  return found;
}
