/**
 * kramdown's block syntax the Markdown tree still lacks once the math and the IALs are read:
 *
 * - An ATX heading with no text (`###` alone on a line) is no heading in kramdown's GFM parser
 *   (`parse_atx_header_gfm_quirk` returns false when the text is empty): the line stays text, in
 *   a paragraph. CommonMark makes it an empty heading, which would get an id and a TOC entry.
 * - A heading's own id, `## Appendix {#appendix}` (kramdown 2.4, parser/kramdown/header.rb,
 *   `HEADER_ID`): at the end of the heading's line, after a space or a tab, `{#` and an XML name.
 *   The id is the heading's, and the text ends before it. An IAL's id (`{: #id}` on the next
 *   line) wins, as kramdown applies the IAL afterwards.
 * - The text kramdown makes a heading's id from (markdown/kramdown/headings/heading-ids.ts, `kramdownRawText`), kept for
 *   markdown/html/heading-anchors.ts, which hands out the ids once the HTML is made.
 * - kramdown's inline table of contents (markdown/kramdown/headings/toc.ts marks the list that becomes it) and the
 *   language of each code fence as Rouge reads it (markdown/html/code-labels.ts).
 */
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { rougeFenceLanguages } from '../../html/code-labels.ts';
import { headingRawTexts, kramdownRawText } from './heading-ids.ts';
import { markKramdownToc } from './toc.ts';

function isEmpty(heading: Heading): boolean {
  return heading.children.every((child) => child.type === 'text' && child.value.trim() === '');
}

/** REXML's `NAME_START_CHAR` and `NAME_CHAR`, which kramdown's `HEADER_ID` uses. */
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** kramdown's `HEADER_ID`, on the heading's text with trailing white space taken off. */
const HEADER_ID = new RegExp(`[\\t ]\\{#([${NAME_START}][${NAME}]*)\\}$`, 'u');

/** The id written at the end of a heading's line, and where `{#` starts in the file. */
function headerId(heading: Heading, source: string): { id: string; at: number } | undefined {
  const { start, end } = heading.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const written = source.slice(start.offset, end.offset);
  // An ATX heading is its one line; a setext heading's text is the line above its underline.
  const lines = written.split('\n');
  const atx = /^#{1,6}(?:[ \t]|$)/.test(written);
  const lineIndex = atx ? 0 : lines.length - 2;
  if (lineIndex < 0) return undefined;
  const whole = lines[lineIndex]!.replace(/\r$/, '').replace(/[ \t]+$/, '');
  // The heading's text on the line: after the `#` run (or a quote's `>` and the indentation).
  const prefix = (atx ? /^#{1,6}[ \t]*/ : /^(?:[ \t]*>)*[ \t]*/).exec(whole)![0].length;
  const match = HEADER_ID.exec(whole.slice(prefix));
  if (!match) return undefined;
  const lineStart = start.offset + lines.slice(0, lineIndex).reduce((sum, text) => sum + text.length + 1, 0);
  return { id: match[1]!, at: lineStart + prefix + match.index };
}

/** Takes `{#id}` (and, on an ATX line, a closing `#` run before it) off the heading's text. */
function stripHeaderId(heading: Heading, at: number, atx: boolean): void {
  // The nodes that begin where the id does (an id such as `{#_a_}` may have become emphasis).
  heading.children = heading.children.filter((child) => (child.position?.start.offset ?? -1) < at);
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  last.value = last.value.replace(/[ \t]*\{#[^{}]*\}?[ \t]*$/, '').replace(/[ \t]+$/, '');
  // kramdown-parser-gfm's quirk: `## Title ## {#id}` is "Title".
  if (atx) last.value = last.value.replace(/[ \t]#+$/, '').replace(/[ \t]+$/, '');
  if (last.value === '') heading.children.pop();
}

export function remarkKramdownHeadings() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const rawTexts = headingRawTexts(file);
    visit(tree, 'heading', (heading, index, parent) => {
      if (!parent || index === undefined) return;
      const { start, end } = heading.position ?? {};
      const written =
        start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
      if (isEmpty(heading)) {
        if (!/^#{1,6}[ \t]*#*[ \t]*$/.test(written.trim())) return; // a setext heading: keep
        parent.children[index] = {
          type: 'paragraph',
          children: [{ type: 'text', value: written.trim() }],
          position: heading.position,
        };
        return;
      }
      const own = headerId(heading, source);
      if (own) {
        stripHeaderId(heading, own.at, /^#{1,6}(?:[ \t]|$)/.test(written));
        // Nothing before the id: kramdown's header is no header then, and the line is text.
        if (heading.children.length === 0) {
          parent.children[index] = {
            type: 'paragraph',
            children: [{ type: 'text', value: written.trim() }],
            position: heading.position,
          };
          return;
        }
        heading.data ??= {};
        const properties = (heading.data.hProperties ??= {});
        properties.id ??= own.id;
      }
      if (start?.offset !== undefined) rawTexts.set(start.offset, kramdownRawText(heading, source));
    });
    markKramdownToc(tree, source);
    rougeFenceLanguages(tree);
  };
}
