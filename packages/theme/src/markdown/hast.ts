/** Small readers of hast elements, shared by the rehype plugins and the feed. */
import type { Element, ElementContent } from 'hast';

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
