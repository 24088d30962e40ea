/** Small readers of hast elements, shared by the rehype plugins and the feed. */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit, type VisitorResult } from 'unist-util-visit';

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
 * (code blocks, footnote ids, tables, heading anchors, images). A heading and a `pre` are
 * visited but not entered: a heading's content is its text, left as written (only the heading
 * anchors plugin adds to it), and code is code. Nodes that are not elements (MDX components)
 * are not entered either.
 *
 * The visitor may put another node in `parent.children[index]`; the walk then goes on inside
 * the node it was given, unless the visitor returns `SKIP`.
 */
export function visitPostElements(
  tree: Root,
  visitor: (node: Element, index: number, parent: Root | Element) => VisitorResult,
): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'root') return undefined;
    if (node.type !== 'element' || index === undefined || !parent) return SKIP;
    const result = visitor(node, index, parent as Root | Element);
    if (result !== undefined) return result;
    return isHeading(node) || node.tagName === 'pre' ? SKIP : undefined;
  });
}
