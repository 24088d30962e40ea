/**
 * HTML in posts as kramdown reads it.
 *
 * - A span-level element alone on a line (`<br>`, `<img …>`, `<span>`: kramdown's
 *   HTML_SPAN_ELEMENTS) is text of the paragraph around it. CommonMark starts an HTML block
 *   there (its seventh kind) that runs to the next blank line and shows the lines after it raw.
 * - `markdown="1"` (or `"block"`) on an HTML element makes kramdown read its content as
 *   Markdown, the way Chirpy posts fold sections into `<details><div markdown="1">`. The content
 *   is parsed again by the same processor, and the attribute is dropped, as kramdown drops it.
 */
import { htmlFlow } from 'micromark-core-commonmark';
import type { Html, Root, RootContent } from 'mdast';
import type { Code, Construct, Extension, State } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentBeingParsed } from './parse-source.ts';

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
const OPENING = /<([A-Za-z][A-Za-z0-9-]*)\b[^>]*?\smarkdown=(["']?)(1|block)\2(?=[\s/>])[^>]*>/;

/** Moves every offset in `node` by `delta` (a part of the file parsed on its own). */
function shift(node: RootContent | Root, delta: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (point?.offset !== undefined) point.offset += delta;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) shift(child, delta);
}

/** Where the element opened at the start of `text` closes (same name, nesting counted). */
function closingTag(text: string, name: string): number {
  const pattern = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  let depth = 1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index;
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

  /** An HTML node whose element has `markdown="1"`: the HTML around, and the content read as Markdown. */
  const expand = (node: Html): RootContent[] | undefined => {
    const open = OPENING.exec(node.value);
    if (!open) return undefined;
    const afterOpen = open.index + open[0].length;
    const rest = node.value.slice(afterOpen);
    const close = closingTag(rest, open[1]!);
    const inner = close < 0 ? rest : rest.slice(0, close);
    const before: Html = { type: 'html', value: withoutMarkdownAttribute(node.value.slice(0, afterOpen)) };
    const after: Html = { type: 'html', value: close < 0 ? '' : rest.slice(close) };
    const start = node.position?.start.offset;
    // Where `after` stands in the file, so an element expanded from it gets true positions too.
    if (start !== undefined && node.position && close >= 0) {
      const offset = start + afterOpen + close;
      after.position = { start: { ...node.position.start, offset }, end: { ...node.position.end } };
    }
    const children = (processor.parse(inner) as Root).children;
    // Positions as in the file, for the plugins that read the source after this one.
    if (start !== undefined) for (const child of children) shift(child, start + afterOpen);
    expandAll({ type: 'root', children } as Root);
    // A second element with markdown="1" after the first one closes, in the same HTML block.
    const following = after.value ? (expand(after) ?? [after]) : [];
    return [before, ...children, ...following];
  };

  /** Every HTML node in `tree`: expanded where it has `markdown="1"`, else without the attribute. */
  const expandAll = (tree: Root): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const expanded = expand(node);
      if (!expanded) {
        node.value = withoutMarkdownAttribute(node.value);
        return undefined;
      }
      // The expanded nodes are done (their content was expanded when it was read).
      parent.children.splice(index, 1, ...(expanded as typeof parent.children));
      return [SKIP, index + expanded.length];
    });
  };

  return (tree: Root, _file: VFile) => expandAll(tree);
}
