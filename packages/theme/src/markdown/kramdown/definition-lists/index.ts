/**
 * kramdown definition lists: term lines followed by `: definition` lines. CommonMark reads them as
 * one paragraph; this turns such paragraphs (and runs of them) into `<dl>`.
 *
 * kramdown splits the lines first and reads each term and definition on its own, so Markdown
 * (and math) never runs from one line into the next. The lines are therefore judged in the
 * source, and each is parsed again by the same processor, its positions moved to where the line
 * stands in the file. Runs before the other plugins, which then see the new nodes.
 */
import type { Node, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

interface SourceLine {
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  line: number;
}

/** A definition line: kramdown's DEFINITION_LIST_START (`:` then a space or tab). */
const DEFINITION = /^ {0,3}:[ \t]/;

/** The paragraph's lines in the source, without the quote markers and indentation before them. */
function sourceLines(paragraph: Paragraph, source: string): SourceLine[] | undefined {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end.offset;
  if (start?.offset === undefined || end === undefined) return undefined;
  const lines: SourceLine[] = [];
  let offset = start.offset;
  source
    .slice(start.offset, end)
    .split('\n')
    .forEach((raw, index) => {
      const prefix = index === 0 ? '' : /^(?:[ \t]*>)*[ \t]*/.exec(raw)![0];
      lines.push({
        text: raw.slice(prefix.length).replace(/\r$/, ''),
        offset: offset + prefix.length,
        line: start.line + index,
      });
      offset += raw.length + 1;
    });
  return lines;
}

/** Moves every position in `node` from the start of a one-line document to `line`. */
function shift(node: Node, line: SourceLine, columnDelta: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    if (point.offset !== undefined) point.offset += line.offset;
    point.column += columnDelta;
    point.line = line.line;
  }
  if ('children' in node) for (const child of node.children as Node[]) shift(child, line, columnDelta);
}

const element = (name: string, children: unknown[]): RootContent =>
  ({ type: `chirpy-${name}`, data: { hName: name }, children }) as unknown as RootContent;

export function remarkDeflist(this: Processor) {
  const processor = this;

  /** One line's inline content, read as kramdown reads a term or definition. */
  const inline = (line: SourceLine, text: string, column: number): PhrasingContent[] => {
    let parsed: Root;
    try {
      parsed = processor.parse(text) as Root;
    } catch {
      return text ? [{ type: 'text', value: text }] : [];
    }
    const first = parsed.children[0];
    let children: PhrasingContent[];
    if (first?.type === 'paragraph') children = first.children;
    else if (first?.type === 'math' && parsed.children.length === 1) {
      // A term that is only `$$…$$` is span math: kramdown reads terms as running text.
      const { type: _block, meta: _meta, ...rest } = first;
      children = [{ ...rest, type: 'inlineMath' } as PhrasingContent];
    } else children = text ? [{ type: 'text', value: text }] : [];
    for (const child of children) shift(child, line, column);
    return children;
  };

  /** The dt/dd items of a paragraph written as a definition, or undefined. */
  const definition = (node: RootContent, source: string): RootContent[] | undefined => {
    if (node.type !== 'paragraph') return undefined;
    const lines = sourceLines(node, source);
    if (!lines) return undefined;
    const first = lines.findIndex((line) => DEFINITION.test(line.text));
    if (first < 1 || !lines.slice(first).every((line) => DEFINITION.test(line.text))) return undefined;
    return lines.map((line, index) => {
      if (index < first) return element('dt', inline(line, line.text.trim(), 0));
      const marker = /^ {0,3}:[ \t]+/.exec(line.text)![0];
      return element('dd', inline(line, line.text.slice(marker.length).trimEnd(), marker.length));
    });
  };

  /** Turns the parent's definition paragraphs into lists; paragraphs in a row make one list. */
  const group = (parent: Parent, source: string): void => {
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      const items = definition(child, source);
      if (!items) {
        out.push(child);
        continue;
      }
      const previous = out.at(-1) as unknown as { type: string; children: RootContent[] } | undefined;
      if (previous?.type === 'chirpy-dl') previous.children.push(...items);
      else out.push(element('dl', items));
    }
    parent.children = out as Parent['children'];
  };

  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node) => {
      if ('children' in node) group(node, source);
    });
  };
}
