/**
 * A bullet list goes on whatever bullet the next item uses, as kramdown reads it
 * (lib/kramdown/parser/kramdown/list.rb: `parse_list` takes LIST_START_UL, any of `*`, `+`, `-`,
 * for every item of a bullet list). CommonMark starts a new list when the bullet changes, so
 * `- a` then `* b` made two lists, and `- item` then `* TOC` + `{:toc}` left kramdown's table of
 * contents out of the list it replaces.
 *
 * micromark's own list construct does the reading; it compares each new item's bullet with the
 * list's (`containerState.marker`). This construct starts a list before micromark's would, with
 * micromark's tokenizer, and makes that field answer,
 * for a bullet list, with the bullet being read when it is one: the code at the tokenizer's
 * position in the document (markdown/kramdown/shared/parse-source.ts). Ordered lists are left as
 * they are (kramdown, too, ends an ordered list at a bullet).
 */
import { list } from 'micromark-core-commonmark';
import { codes } from 'micromark-util-symbol';
import type { Construct, ContainerState, Extension } from 'micromark-util-types';

const BULLETS = new Set<number>([codes.asterisk, codes.plusSign, codes.dash]);

/** The list's state, its `marker` answering with the bullet at `offset()` when the list is a bullet list. */
function lenientBullets(state: ContainerState, codeAt: () => number | undefined): void {
  if (Object.getOwnPropertyDescriptor(state, 'marker')?.get) return;
  let marker = state.marker;
  Object.defineProperty(state, 'marker', {
    configurable: true,
    enumerable: true,
    get() {
      if (state.type === 'listUnordered' && marker !== undefined && BULLETS.has(marker as number)) {
        const code = codeAt();
        if (code !== undefined && BULLETS.has(code)) return code;
      }
      return marker;
    },
    set(value) {
      marker = value;
    },
  });
}

/**
 * Whether the last line before the one at `offset` that is not blank is a block IAL (`{: …}`) or
 * kramdown's end-of-block marker (`^`): kramdown ends the list there, and the next bullet starts
 * a list of its own (CommonMark keeps the line in the item as lazy text, and the list open).
 */
function afterBlockMarker(text: string, offset: number): boolean {
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return /^(?:\{:.*\}|\^)$/.test(line);
    end = start - 1;
  }
  return false;
}

export function kramdownBullets(document: () => string | undefined): Extension {
  const construct: Construct = {
    name: 'kramdownList',
    continuation: list.continuation,
    exit: list.exit,
    tokenize(effects, ok, nok) {
      const self = this;
      const state = self.containerState;
      if (state) {
        lenientBullets(state, () => {
          const text = document();
          const offset = self.now().offset;
          if (text === undefined || offset >= text.length || afterBlockMarker(text, offset)) return undefined;
          return text.charCodeAt(offset);
        });
      }
      return list.tokenize.call(self, effects, ok, nok);
    },
  };
  const document_: Record<number, Construct> = {};
  // Where micromark's own list starts: a bullet or a digit.
  for (const code of [...BULLETS, ...Array.from({ length: 10 }, (_, digit) => codes.digit0 + digit)])
    document_[code] = construct;
  // Tried before micromark's own list (not in place of it: micromark refuses a disabled
  // construct by name, also where the list construct calls itself for the next item).
  return { document: document_ };
}
