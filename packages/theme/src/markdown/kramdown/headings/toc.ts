/**
 * kramdown's inline table of contents (kramdown 2.4, converter/html.rb, `convert_ul` and
 * `generate_toc_tree`): the first list with the IAL reference `toc` (`* TOC` then `{:toc}` on the
 * next line, or `{:toc}` on the line before it) is replaced by a list of links to the headings,
 * nested by level, of the same kind (`ul` or `ol`), with the list's attributes and the id
 * `markdown-toc` unless its IAL gives one. Each entry is the heading's content without footnote
 * marks and with links unwrapped, linked to the heading's id, and has the id `markdown-toc-<id>`.
 * Headings with the class `no_toc` (`{:.no_toc}`) and headings outside kramdown's `toc_levels`
 * (1 to 6 by default) are left out. With no heading to list, the list is gone. A class `toc`
 * (`{:.toc}`) is only a class to kramdown.
 *
 * Two halves: `markKramdownToc` finds the list in the Markdown tree (markdown/kramdown/headings/index.ts)
 * and `fillKramdownToc` writes it once the headings have their ids (markdown/html/heading-anchors.ts).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { List, Paragraph, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { CLASS } from '../../html/class-names.ts';
import { classesOf } from '../../html/hast.ts';
import { ialSpans, parseIal } from '../ial/ial.ts';

/** Marks the list that becomes the table of contents in the HTML. */
const MARK = 'dataKramdownToc';
/** kramdown's default `toc_levels`. */
export const TOC_LEVELS: readonly number[] = [1, 2, 3, 4, 5, 6];

/** The references of an IAL body (`{:toc .x}` has `toc`): bare words, not `key=value`. */
function references(body: string): string[] {
  const rest = body.replace(/[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'}]+)/g, ' ');
  return rest.split(/\s+/).filter((word) => /^[\w-]+$/.test(word));
}

/** The IAL alone on `line`, if it is one. */
function ialLine(line: string): string | undefined {
  const match = /^\s*(?:>\s*)*\{:(?![:/])([^}]*)\}\s*$/.exec(line);
  return match?.[1];
}

/** The IAL naming `list` as the table of contents: on the line after it, or on the line before. */
function tocIal(list: List, source: string): string | undefined {
  const { start, end } = list.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const text = source.slice(start.offset, end.offset);
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const after = text.includes('\n') ? ialLine(lastLine) : undefined;
  if (after !== undefined && references(after).includes('toc')) return after;
  const lineStart = source.lastIndexOf('\n', start.offset - 1);
  if (lineStart <= 0) return undefined;
  const previous = source.slice(source.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  const before = ialLine(previous);
  return before !== undefined && references(before).includes('toc') ? before : undefined;
}

/** The paragraph that holds only `{:toc}` before the list (remark-ial leaves it when nothing precedes it). */
function isIalParagraph(node: Parent['children'][number] | undefined): node is Paragraph {
  if (node?.type !== 'paragraph' || node.children.length !== 1) return false;
  const only = node.children[0]!;
  return only.type === 'text' && ialLine(only.value) !== undefined;
}

/** Finds the first list with the `toc` reference and marks it for `fillKramdownToc`. */
export function markKramdownToc(tree: Root, source: string): void {
  if (!source.includes('toc')) return;
  let done = false;
  visit(tree, 'list', (list, index, parent) => {
    if (done) return SKIP;
    const body = tocIal(list, source);
    if (body === undefined) return undefined;
    done = true;
    // The attributes of the list's IAL, read as written (kramdown keeps them on the new list).
    const written = [...ialSpans(`{:${body}}`)][0]?.body ?? body;
    const ial = parseIal(written);
    list.children = [];
    list.data = {
      ...list.data,
      hProperties: {
        ...(ial.classes.length > 0 ? { className: ial.classes } : {}),
        id: ial.id ?? 'markdown-toc',
        ...ial.attributes,
        [MARK]: '',
      },
    };
    if (parent && index !== undefined && index > 0 && isIalParagraph(parent.children[index - 1])) {
      parent.children.splice(index - 1, 1);
      return [SKIP, index];
    }
    return SKIP;
  });
}

export interface TocHeading {
  level: number;
  id: string;
  element: Element;
}

const isFootnoteMark = (node: ElementContent): boolean =>
  node.type === 'element' &&
  (node.properties.dataFootnoteRef !== undefined ||
    (node.tagName === 'sup' &&
      node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)));

/** A heading's content for its entry: no footnote marks, no theme anchor, links unwrapped. */
function entryContent(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [structuredClone(node)];
    if (isFootnoteMark(node) || classesOf(node).includes(CLASS.anchor)) return [];
    const children = entryContent(node.children);
    if (node.tagName === 'a') return children;
    const { id: _id, ...properties } = node.properties;
    return [{ ...node, properties: structuredClone(properties), children }];
  });
}

/** Whether kramdown lists the heading (`in_toc?`): its level is in `levels`, and it has no `no_toc` class. */
export function inKramdownToc(heading: Element, levels: readonly number[] = TOC_LEVELS): boolean {
  return levels.includes(Number(heading.tagName.slice(1))) && !classesOf(heading).includes('no_toc');
}

const newline = (): ElementContent => ({ type: 'text', value: '\n' });

/** Writes the marked list: the headings given (in document order), nested by level as kramdown nests them. */
export function fillKramdownToc(tree: HastRoot, headings: readonly TocHeading[], source?: string): void {
  // The mark comes from markKramdownToc, which needs `toc` in the source, or from raw HTML
  // spelling the attribute (any case): without either there is nothing to fill.
  if (source !== undefined && !/toc/i.test(source)) return;
  visit(tree, 'element', (list, index, parent) => {
    if (list.properties[MARK] === undefined) return undefined;
    delete list.properties[MARK];
    if (headings.length === 0 || !parent || index === undefined) {
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index ?? 0];
    }
    const prefix = String(list.properties.id);
    const items: { level: number; item: Element; sublist: Element }[] = [];
    const stack: typeof items = [];
    const root: ElementContent[] = [];
    for (const { level, id, element } of headings) {
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, id: `${prefix}-${id}` },
        children: entryContent(element.children),
      };
      const sublist: Element = { type: 'element', tagName: list.tagName, properties: {}, children: [] };
      const entry = {
        level,
        item: { type: 'element', tagName: 'li', properties: {}, children: [link] } as Element,
        sublist,
      };
      items.push(entry);
      for (;;) {
        const last = stack.at(-1);
        if (!last) {
          root.push(newline(), entry.item);
          break;
        }
        if (last.level < level) {
          last.sublist.children.push(newline(), entry.item);
          break;
        }
        stack.pop();
      }
      stack.push(entry);
    }
    for (const { item, sublist } of items) {
      if (sublist.children.length > 0) {
        sublist.children.push(newline());
        item.children.push(newline(), sublist, newline());
      }
    }
    list.children = [...root, newline()];
    return SKIP;
  });
}
