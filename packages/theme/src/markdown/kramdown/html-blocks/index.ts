/**
 * HTML in posts as kramdown reads it.
 *
 * - A span-level element alone on a line (`<br>`, `<img …>`, `<span>`: kramdown's
 *   HTML_SPAN_ELEMENTS) is text of the paragraph around it. CommonMark starts an HTML block
 *   there (its seventh kind) that runs to the next blank line and shows the lines after it raw.
 * - `markdown="1"` (or `"block"`) on an HTML element makes kramdown read its content as
 *   Markdown, the way Chirpy posts fold sections into `<details><div markdown="1">`. The content
 *   is parsed again by the same processor, and the attribute is dropped, as kramdown drops it.
 *   An element inside another is parsed again with its parent's content, so nesting costs the
 *   depth times the length: more than MAX_MARKDOWN_NESTING levels deep, the content stays HTML.
 */
import { htmlFlow } from 'micromark-core-commonmark';
import type { Html, Root, RootContent } from 'mdast';
import type { Code, Construct, Extension, State } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentBeingParsed } from '../shared/parse-source.ts';

const LESS_THAN = 60;

/** kramdown 2.4, lib/kramdown/parser/html.rb (HTML_SPAN_ELEMENTS). */
const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt var'.split(
    ' ',
  ),
);

/** Whether the line at `offset` opens (or closes) a span-level element. */
export function opensSpanElement(source: string, offset: number): boolean {
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(source.slice(offset, offset + 40))?.[1];
  return name !== undefined && SPAN_ELEMENTS.has(name.toLowerCase());
}

function kramdownHtmlFlow(source: () => string | undefined): Extension {
  const construct: Construct = {
    name: 'kramdownHtmlFlow',
    concrete: true,
    resolveTo: htmlFlow.resolveTo,
    tokenize(effects, ok, nok) {
      const self = this;
      const html = htmlFlow.tokenize.call(self, effects, ok, nok);
      return (code: Code): State | undefined => {
        const document = source();
        if (document !== undefined && opensSpanElement(document, self.now().offset)) return nok(code);
        return html(code);
      };
    },
  };
  return { disable: { null: ['htmlFlow'] }, flow: { [LESS_THAN]: construct } };
}

/** The HTML with kramdown's `markdown` attribute taken out of each tag (tag by tag, so long text costs nothing). */
const withoutMarkdownAttribute = (html: string) =>
  html.replace(/<[A-Za-z][^<>]*>/g, (tag) => tag.replace(/\smarkdown=(["']?)(?:1|block|span|0)\1(?=[\s/>])/, ''));

/**
 * How many elements with `markdown="1"` may nest, each inside the last, before the content of the
 * next stays HTML as written (its `markdown` attribute dropped). Each level is parsed again with
 * the content of the one before, and a post of a thousand nested `<div markdown="1">` took
 * minutes, then overflowed the stack. Chirpy posts nest two or three (`<details>` around a
 * `<div markdown="1">`).
 */
export const MAX_MARKDOWN_NESTING = 16;

const TAG_START = /<([A-Za-z][A-Za-z0-9-]*)\b/g;
const MARKDOWN_ATTRIBUTE = /\smarkdown=(["']?)(1|block)\1(?=[\s/>])/g;

/**
 * The first tag in `html` with `markdown="1"` (or `"block"`): where it begins and ends, and its
 * element's name. This is what `/<([A-Za-z][A-Za-z0-9-]*)\b[^>]*?\smarkdown=(["']?)(1|block)\2(?=[\s/>])[^>]*>/`
 * finds, but that expression reads from every `<` on to the next `>`, and HTML of `<div <div …`
 * with no `>` costs the square of its length: here the next `>` and the next attribute are kept
 * while the tags come before them.
 */
function markdownOpening(html: string): { index: number; end: number; name: string } | undefined {
  TAG_START.lastIndex = 0;
  let closing = -1;
  let attribute: RegExpExecArray | null | undefined;
  for (let tag = TAG_START.exec(html); tag; tag = TAG_START.exec(html)) {
    const nameEnd = tag.index + tag[0].length;
    if (closing < nameEnd) closing = html.indexOf('>', nameEnd);
    if (closing < 0) return undefined;
    if (attribute === undefined || (attribute !== null && attribute.index < nameEnd)) {
      MARKDOWN_ATTRIBUTE.lastIndex = nameEnd;
      attribute = MARKDOWN_ATTRIBUTE.exec(html);
    }
    if (attribute === null) return undefined;
    // The attribute is in this tag: before its first `>`.
    if (attribute.index < closing) return { index: tag.index, end: closing + 1, name: tag[1]! };
  }
  return undefined;
}

/** Moves every offset in `node` by `delta` (a part of the file parsed on its own). */
function shift(node: RootContent | Root, delta: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (point?.offset !== undefined) point.offset += delta;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) shift(child, delta);
}

/**
 * Where the element opened at the start of `text` closes (same name, nesting counted): the tags
 * `/<(\/?)name\b[^>]*>/gi` finds, each found as its start and the next `>` (that expression would
 * read from every `<name` on to the end when no `>` follows).
 */
function closingTag(text: string, name: string): number {
  const pattern = new RegExp(`<(/?)${name}\\b`, 'gi');
  let depth = 1;
  let closing = -1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const nameEnd = match.index + match[0].length;
    if (closing < nameEnd) closing = text.indexOf('>', nameEnd);
    if (closing < 0) return -1;
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index;
    pattern.lastIndex = closing + 1;
  }
  return -1;
}

export function remarkKramdownHtml(this: Processor) {
  const processor = this;
  const data = this.data() as Data & { micromarkExtensions?: Extension[] };
  // MDX has no HTML blocks (it turns them off for JSX): leave its grammar alone.
  const mdx = (data.micromarkExtensions ?? []).some((extension) =>
    (extension.disable?.null ?? []).includes('htmlFlow'),
  );
  if (!mdx) (data.micromarkExtensions ??= []).push(kramdownHtmlFlow(documentBeingParsed(this)));

  /**
   * An HTML node whose element has `markdown="1"`: the HTML around, and the content read as
   * Markdown (`depth` elements with the attribute around it already).
   */
  const expand = (node: Html, depth: number): RootContent[] | undefined => {
    const nodes: RootContent[] = [];
    // After the element closes, a second one with markdown="1" may follow in the same HTML block.
    for (let html: Html | undefined = node; html;) {
      const open = markdownOpening(html.value);
      if (!open) {
        if (html === node) return undefined;
        nodes.push(html);
        break;
      }
      const afterOpen = open.end;
      const rest = html.value.slice(afterOpen);
      const close = closingTag(rest, open.name);
      const inner = close < 0 ? rest : rest.slice(0, close);
      const before: Html = { type: 'html', value: withoutMarkdownAttribute(html.value.slice(0, afterOpen)) };
      const after: Html = { type: 'html', value: close < 0 ? '' : rest.slice(close) };
      const start = html.position?.start.offset;
      // Where `after` stands in the file, so an element expanded from it gets true positions too.
      if (start !== undefined && html.position && close >= 0) {
        const offset = start + afterOpen + close;
        after.position = { start: { ...html.position.start, offset }, end: { ...html.position.end } };
      }
      const children = (processor.parse(inner) as Root).children;
      // Positions as in the file, for the plugins that read the source after this one.
      if (start !== undefined) for (const child of children) shift(child, start + afterOpen);
      expandAll({ type: 'root', children } as Root, depth + 1);
      nodes.push(before, ...children);
      html = after.value ? after : undefined;
    }
    return nodes;
  };

  /**
   * Every HTML node in `tree`: expanded where it has `markdown="1"` (up to MAX_MARKDOWN_NESTING
   * levels deep), else without the attribute.
   */
  const expandAll = (tree: Root, depth: number): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const expanded = depth < MAX_MARKDOWN_NESTING ? expand(node, depth) : undefined;
      if (!expanded) {
        node.value = withoutMarkdownAttribute(node.value);
        return undefined;
      }
      // The expanded nodes are done (their content was expanded when it was read).
      parent.children.splice(index, 1, ...(expanded as typeof parent.children));
      return [SKIP, index + expanded.length];
    });
  };

  return (tree: Root, _file: VFile) => expandAll(tree, 0);
}
