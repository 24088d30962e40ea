/**
 * Formulas KaTeX cannot render, after rehype-katex: a warning naming the file, line and TeX,
 * and the TeX shown as code instead of KaTeX's red error text. rehype-katex reports each
 * failure as a message on the file, in document order, and leaves a `.katex-error` element
 * where the formula was; the two are paired by TeX, else in order. (Checking every formula beforehand
 * would render each one twice.)
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { classesOf, textOf } from './hast.ts';
type VFileMessage = VFile['messages'][number];
import { bodyLineOffset, projectPath } from './source-lines.ts';

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
    if (failures.length === 0) return;
    file.messages = file.messages.filter((message) => message.source !== 'rehype-katex');
    const offset = bodyLineOffset(file);
    const fileName = projectPath(file, options.root);
    let next = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !classesOf(node).includes('katex-error')) return;
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
      const code = codeElement(tex);
      parent.children[index] = display
        ? { type: 'element', tagName: 'pre', properties: { className: ['math-error'] }, children: [code] }
        : code;
      return [SKIP, index + 1];
    });
  };
}
