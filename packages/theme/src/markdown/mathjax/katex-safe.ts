/**
 * rehype-katex, with each formula failing alone. rehype-katex catches KaTeX's own errors, but
 * turning KaTeX's HTML into a tree happens outside that: HTML nested deep enough (a formula whose
 * macros expand into hundreds of levels, which remark-math-dialect's depth check cannot see in the
 * TeX as written) overflows the stack there, and the whole post failed. When that happens the
 * formulas left are rendered one at a time, and the one that overflows becomes a `.katex-error`
 * with a message, as KaTeX's own errors do, which rehype-math-errors reports and shows as TeX.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeKatex, { type Options } from 'rehype-katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { classesOf, textOf } from '../html/hast.ts';

/** A rehype transformer, as rehype-katex's. */
export type Transform = (tree: Root, file: VFile) => void;

const isFormula = (node: Element) => {
  const classes = classesOf(node);
  return classes.includes('language-math') || classes.includes('math-display') || classes.includes('math-inline');
};

/** The element rehype-katex replaces for a formula: a ```math block's `pre`, else the formula's own. */
function scopeOf(element: Element, parents: readonly (Root | Element)[]): { scope: Element; parent: Root | Element } {
  const parent = parents.at(-1)!;
  if (
    element.tagName === 'code' &&
    classesOf(element).includes('language-math') &&
    parent.type === 'element' &&
    parent.tagName === 'pre' &&
    parents.length > 1
  ) {
    return { scope: parent, parent: parents.at(-2)! };
  }
  return { scope: element, parent };
}

/** `transform` is rehype-katex's (replaceable for tests). */
export function rehypeKatexSafe(options: Options = {}, transform: Transform = rehypeKatex(options) as Transform) {
  return (tree: Root, file: VFile) => {
    try {
      transform(tree, file);
      return;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    // The formulas before the one that overflowed are rendered; the rest, one at a time.
    visitParents(tree, 'element', (element, parents) => {
      if (!isFormula(element)) return undefined;
      const { scope, parent } = scopeOf(element, parents as (Root | Element)[]);
      const alone: Root = { type: 'root', children: [scope] };
      let result: ElementContent[];
      try {
        transform(alone, file);
        result = alone.children as ElementContent[];
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        const tex = textOf(scope);
        file.message('Could not render math with KaTeX', {
          ancestors: [...parents, element],
          cause: new RangeError('the formula expands too deep for KaTeX'),
          place: element.position,
          ruleId: 'rangeerror',
          source: 'rehype-katex',
        });
        result = [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['katex-error'], title: String(error) },
            children: [{ type: 'text', value: tex }],
          },
        ];
      }
      const index = parent.children.indexOf(scope as never);
      parent.children.splice(index, 1, ...(result as never[]));
      return SKIP;
    });
  };
}
