/**
 * Paragraphs in list items as kramdown writes them. CommonMark decides per list: one blank line
 * anywhere makes every item's text a `<p>`. kramdown decides per item (lib/kramdown/parser/
 * kramdown/list.rb): an item's first paragraph stays bare text unless a blank line follows it
 * inside the item; the last item follows the others when they all have their `<p>`. Real posts
 * hit this with a code block under the last item of a list.
 *
 * A bullet list also goes on when the bullet changes (bullets.ts).
 *
 * remarkKramdownLists marks such a paragraph; rehypeBareParagraphs then puts its content in the
 * item without a `<p>` (an mdast paragraph cannot become bare text by itself).
 */
import type { Element, Root as HastRoot, ElementContent } from 'hast';
import type { List, ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Data, Processor } from 'unified';
import type { VFile } from 'vfile';
import { parseState } from '../shared/parse-source.ts';
import { kramdownBullets } from './bullets.ts';

const BARE = 'chirpy-bare-paragraph';
/** Set on the file when a paragraph was marked bare: rehypeBareParagraphs walks only those posts. */
const MARKED = 'chirpyBareParagraphs';

/** A blank line in the source between two offsets (inside a quote, `>` alone is blank). */
function blankBetween(source: string, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined || end === undefined || end <= start) return false;
  return /\n[ \t>]*\r?\n/.test(source.slice(start, end));
}

export function remarkKramdownLists(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(kramdownBullets(parseState(this).document));
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'list', (list: List) => {
      const items = list.children;
      const transparent: boolean[] = [];
      items.forEach((item: ListItem, index) => {
        const [first, second] = item.children;
        const isLast = index === items.length - 1;
        // The gap after the first paragraph: up to the next block of the item, or (not for the
        // last item, whose trailing blank kramdown does not count) up to the next item.
        const gapEnd =
          second?.position?.start.offset ?? (isLast ? undefined : items[index + 1]!.position?.start.offset);
        const bare =
          first?.type === 'paragraph' &&
          !blankBetween(source, first.position?.end.offset, gapEnd) &&
          (!isLast ||
            items.length === 1 ||
            items.slice(0, -1).some((other, i) => other.children[0]?.type !== 'paragraph' || transparent[i]));
        transparent.push(bare);
      });
      const onlyFirstParagraphs = items.every((item) => item.children.slice(1).every((c) => c.type !== 'paragraph'));
      if (transparent.every(Boolean) && onlyFirstParagraphs) {
        // CommonMark's tight list says the same.
        list.spread = false;
        for (const item of items) item.spread = false;
        return;
      }
      list.spread = true;
      items.forEach((item, index) => {
        item.spread = true;
        const first = item.children[0];
        if (transparent[index] && first?.type === 'paragraph') {
          first.data = { ...first.data, hName: BARE, hProperties: {} };
          file.data[MARKED] = true;
        }
      });
    });
  };
}

export function rehypeBareParagraphs() {
  return (tree: HastRoot, file?: VFile) => {
    // Raw HTML could write the element too: a post naming it is walked as well.
    if (file && !file.data[MARKED] && !String(file.value).toLowerCase().includes(BARE)) return;
    visit(tree, 'element', (element: Element) => {
      if (!element.children.some((child) => child.type === 'element' && child.tagName === BARE)) return;
      element.children = element.children.flatMap((child): ElementContent[] =>
        child.type === 'element' && child.tagName === BARE ? child.children : [child],
      );
    });
  };
}
