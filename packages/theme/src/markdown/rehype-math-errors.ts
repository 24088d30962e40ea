/**
 * Formulas KaTeX cannot render, after rehype-katex: a warning naming the file, line and TeX,
 * and the TeX shown as code instead of KaTeX's red error text. rehype-katex reports each
 * failure as a message on the file, in document order, and leaves a `.katex-error` element
 * where the formula was; the two are paired by TeX, else in order. (Checking every formula beforehand
 * would render each one twice.)
 *
 * A formula nested deeper than MAX_MATH_NESTING never reaches KaTeX (remark-math-dialect leaves it
 * out); it is reported and shown the same way.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { classesOf, textOf } from './hast.ts';
type VFileMessage = VFile['messages'][number];
import { bodyLineOffset, projectPath } from './source-lines.ts';

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

export function rehypeMathErrors(options: MathErrorsOptions = {}) {
  return (tree: Root, file: VFile) => {
    const failures = file.messages.filter((message) => message.source === 'rehype-katex');
    const refused = (file.data as Record<string, unknown>)[REFUSED_MATH_DATA] === true;
    if (failures.length === 0 && !refused) return;
    file.messages = file.messages.filter((message) => message.source !== 'rehype-katex');
    const offset = bodyLineOffset(file);
    const fileName = projectPath(file, options.root);
    const shown = (tex: string, display: boolean): Element => {
      const code = codeElement(tex);
      return display
        ? { type: 'element', tagName: 'pre', properties: { className: ['math-error'] }, children: [code] }
        : code;
    };
    let next = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const deep = refused ? refusedFormula(node) : undefined;
      if (deep) {
        const line = (node.position?.start.line ?? 1) + offset;
        const reason = `nested more than ${MAX_MATH_NESTING} levels deep`;
        options.warn?.(
          `${fileName}:${line}: KaTeX cannot render ${JSON.stringify(deep.tex)} (${reason}); it is shown as TeX.`,
        );
        parent.children[index] = shown(deep.tex, deep.display);
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
      options.warn?.(
        `${fileName}:${line}: KaTeX cannot render ${JSON.stringify(tex)} (${reason}); it is shown as TeX.`,
      );
      parent.children[index] = shown(tex, display);
      return [SKIP, index + 1];
    });
  };
}
