/**
 * An ATX heading with no text (`###` alone on a line) is no heading in kramdown's GFM parser
 * (`parse_atx_header_gfm_quirk` returns false when the text is empty): the line stays text, in
 * a paragraph. CommonMark makes it an empty heading, which would get an id and a TOC entry.
 */
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

function isEmpty(heading: Heading): boolean {
  return heading.children.every((child) => child.type === 'text' && child.value.trim() === '');
}

export function remarkKramdownHeadings() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'heading', (heading, index, parent) => {
      if (!parent || index === undefined || !isEmpty(heading)) return;
      const { start, end } = heading.position ?? {};
      const text =
        start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
      if (!/^#{1,6}[ \t]*#*[ \t]*$/.test(text.trim())) return; // a setext heading: keep
      parent.children[index] = {
        type: 'paragraph',
        children: [{ type: 'text', value: text.trim() }],
        position: heading.position,
      };
    });
  };
}
