/**
 * Small readers of hast elements, shared by the rehype plugins and the feed, and the two walks
 * the plugins share. The walks visit what `unist-util-visit` visits, in the same order, but hand
 * the visitor the index they are at: `visit` looks each node up in its parent's children
 * (`indexOf`, so a post's top-level blocks cost the square of their number) and copies the list
 * of ancestors for every node, which made the walks one of the theme's larger lines in the
 * Step 17 profile (`theme: markdown/html/hast.ts`, 1.44 s of the heavy N = 1000 build).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP } from 'unist-util-visit';

/** An element's classes, whether hast holds them as a list (`className`) or as text (`class`). */
export function classesOf(element: Element): string[] {
  const value = element.properties.className ?? element.properties.class;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The text of a node and everything in it, as written (no spacing added between elements). */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const HEADING = /^h[1-6]$/;

export const isHeading = (element: Element): boolean => HEADING.test(element.tagName);

/**
 * Visits the elements of a post body in document order, the walk Chirpy's HTML passes share
 * (code blocks, tables, heading anchors, images). A heading and a `pre` are visited but not
 * entered: a heading's content is its text, left as written (only the heading anchors plugin adds
 * to it), and code is code. Nodes that are not elements (MDX components) are not entered either.
 *
 * The visitor may put another node in `parent.children[index]`; the walk then goes on inside
 * the node it was given (its children as they are after the visitor), unless the visitor returns
 * `SKIP`, and then on with the next index.
 */
export function visitPostElements(
  tree: Root,
  visitor: (node: Element, index: number, parent: Root | Element) => typeof SKIP | undefined,
): void {
  const walk = (parent: Root | Element): void => {
    // `parent.children` is read again at each step: a visitor may replace the list.
    for (let index = 0; index < parent.children.length; index += 1) {
      const node = parent.children[index]!;
      if (node.type !== 'element') continue;
      if (visitor(node, index, parent) === SKIP || isHeading(node) || node.tagName === 'pre') continue;
      walk(node);
    }
  };
  walk(tree);
}

/**
 * Every element of a tree in document order, the content of headings and code too, as
 * `visit(tree, 'element', visitor)` finds them: every node that has children is entered (an MDX
 * component's too), after the visitor has seen it.
 */
export function eachElement(tree: Root, visitor: (node: Element) => void): void {
  const walk = (parent: { children: readonly RootContent[] }): void => {
    for (let index = 0; index < parent.children.length; index += 1) {
      const node = parent.children[index]!;
      if (node.type === 'element') visitor(node);
      if ('children' in node && Array.isArray(node.children)) walk(node as { children: RootContent[] });
    }
  };
  walk(tree);
}
