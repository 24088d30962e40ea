/**
 * Applies kramdown IALs (kramdown 2.4, lib/kramdown/parser/kramdown/extensions.rb: IAL_BLOCK_START
 * in `parse_block_extensions`, IAL_SPAN_START in `parse_span_extensions`) the way Chirpy posts use
 * them:
 * - a `{: … }` line after a block (prompt blockquotes, code blocks with `file=` and
 *   `.nolineno`, headings with `data-toc-skip`),
 * - a `{: … }` right after inline code (`.filepath`), an image (size, position, mode,
 *   `shadow`, `lqip`) or a link.
 * The attributes end up on the HTML element; code blocks get a wrapper that rehype-code-blocks reads.
 */
import type { Code, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CLASS } from '../../html/class-names.ts';
import { IAL_AT_START, IAL_ONLY, ialSpans, lastLineIal, parseIal, type Ial } from './ial.ts';

/**
 * Reads the IAL as written in the source. kramdown's typography has curled the quotes in the tree's text
 * (`file='x'` became `file=’x’`), so the attributes are read from the file itself: the first or
 * the last `{: … }` within the node's place in the file.
 */
type SourceReader = (node: Nodes, which: 'first' | 'last') => string | undefined;

function sourceReader(source: string): SourceReader {
  return (node, which) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    const text = source.slice(start, end);
    let found: string | undefined;
    for (const span of ialSpans(text)) {
      found = span.body;
      if (which === 'first') break;
    }
    return found;
  };
}

function ialOf(read: SourceReader, node: Nodes, fromTree: string, which: 'first' | 'last'): Ial {
  return parseIal(read(node, which) ?? fromTree);
}

type WithData = Nodes & { data?: { hProperties?: Record<string, unknown>; hName?: string } };

function applyTo(node: WithData, ial: Ial): void {
  node.data ??= {};
  const properties = (node.data.hProperties ??= {});
  if (ial.classes.length > 0) {
    const existing = Array.isArray(properties.className) ? (properties.className as string[]) : [];
    properties.className = [...existing, ...ial.classes];
  }
  if (ial.id) properties.id = ial.id;
  Object.assign(properties, ial.attributes);
}

/** Code blocks are replaced by Shiki's HTML, so their attributes ride on a wrapper. */
function wrapCode(code: Code, ial: Ial): RootContent {
  const properties: Record<string, unknown> = { className: [CLASS.codeIal, ...ial.classes] };
  if (ial.attributes.file !== undefined) properties.dataFile = ial.attributes.file;
  if (ial.attributes.title !== undefined && properties.dataFile === undefined)
    properties.dataFile = ial.attributes.title;
  return {
    type: 'chirpyCode',
    data: { hName: 'div', hProperties: properties },
    children: [code],
  } as unknown as RootContent;
}

function isIalParagraph(read: SourceReader, node: RootContent): Ial | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0]!;
  if (only.type !== 'text') return undefined;
  const match = IAL_ONLY.exec(only.value);
  return match ? ialOf(read, only, match[1]!, 'first') : undefined;
}

/** Strips an IAL written on the paragraph's last line; returns it. */
function trailingIal(read: SourceReader, paragraph: Paragraph): Ial | undefined {
  const last = paragraph.children.at(-1);
  if (!last || last.type !== 'text') return undefined;
  const match = lastLineIal(last.value);
  if (!match) return undefined;
  const ial = ialOf(read, last, match.body, 'last');
  last.value = last.value.slice(0, match.index);
  if (last.value === '') paragraph.children.pop();
  return ial;
}

const SPAN_TARGETS = new Set(['inlineCode', 'image', 'link', 'emphasis', 'strong', 'delete']);

function spanIals(read: SourceReader, parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let index = 1; index < children.length; index += 1) {
    const node = children[index]!;
    const previous = children[index - 1]!;
    if (node.type !== 'text' || !SPAN_TARGETS.has(previous.type)) continue;
    const match = IAL_AT_START.exec((node as Text).value);
    if (!match) continue;
    applyTo(previous as WithData, ialOf(read, node, match[1]!, 'first'));
    (node as Text).value = (node as Text).value.slice(match[0].length);
  }
  parent.children = children.filter((child) => child.type !== 'text' || child.value !== '') as Parent['children'];
}

function blocks(read: SourceReader, parent: Parent): void {
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    const ial = isIalParagraph(read, node);
    const previous = out.at(-1);
    if (ial && previous) {
      if (previous.type === 'code') out[out.length - 1] = wrapCode(previous, ial);
      else applyTo(previous as WithData, ial);
      continue;
    }
    if (node.type === 'paragraph') {
      const paragraphIal = trailingIal(read, node);
      if (paragraphIal) applyTo(node as WithData, paragraphIal);
    }
    out.push(node);
  }
  parent.children = out as Parent['children'];
}

/** `> text\n{: .prompt-tip }`: the IAL line is a lazy continuation inside the quote, but names the quote. */
function quoteIal(read: SourceReader, node: Nodes): void {
  if (node.type !== 'blockquote') return;
  const last = node.children.at(-1);
  if (last?.type !== 'paragraph') return;
  const ial = trailingIal(read, last);
  if (ial) applyTo(node as WithData, ial);
  if (last.children.length === 0) node.children.pop();
}

export function remarkIal() {
  return (tree: Root, file: VFile) => {
    const read = sourceReader(String(file.value));
    // A quote's IAL is taken off its last line before anything inside the quote is read.
    const parents: Parent[] = [];
    visit(tree, (node) => {
      quoteIal(read, node);
      if ('children' in node) parents.push(node);
    });
    // Then bottom up (the reverse of document order puts every node before its parent): the
    // IALs of a paragraph's spans before the IAL on the paragraph's last line.
    for (const parent of parents.reverse()) {
      if (
        parent.children.some(
          (child) => child.type === 'paragraph' || child.type === 'blockquote' || child.type === 'code',
        )
      ) {
        blocks(read, parent);
      }
      spanIals(read, parent);
    }
  };
}
