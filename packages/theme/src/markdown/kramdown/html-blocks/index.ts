/**
 * HTML in posts as kramdown reads it (kramdown 2.4, lib/kramdown/parser/html.rb and
 * lib/kramdown/parser/kramdown/html.rb), as a micromark construct in place of CommonMark's HTML
 * blocks, so the HTML and the Markdown inside it are read while the document is parsed.
 *
 * - A span-level element alone on a line (`<br>`, `<img …>`, `<span>`: kramdown's
 *   HTML_SPAN_ELEMENTS) is text of the paragraph around it. CommonMark starts an HTML block
 *   there (its seventh kind) that runs to the next blank line and shows the lines after it raw.
 * - `markdown="1"` (or `"block"`) on an HTML element makes kramdown read its content as
 *   Markdown, the way Chirpy posts fold sections into `<details><div markdown="1">`. The HTML
 *   block is read ahead once (micromark's own HTML block, as a check) to find the element and
 *   where it closes in the block; the HTML before and after stays HTML (an element with the
 *   attribute after the first one's end is read the same way), and the content is read as a
 *   document of its own by the same parser, with every construct, as part of this parse
 *   (micromark's `document` content, fed line by line as micromark feeds a container's lines to
 *   its flow): its nodes have their places in the file, its link definitions are the post's, and
 *   a look-ahead inside stops where the content ends (markdown/kramdown/shared/parse-source.ts).
 * - The `markdown` attribute is dropped from every HTML tag, as kramdown drops it.
 * - Each level of elements with the attribute reads its block again to find its element, so
 *   nesting costs the depth times the length: more than MAX_MARKDOWN_NESTING levels deep, the
 *   content stays HTML.
 */
import type { Html } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdastToken } from 'mdast-util-from-markdown';
import { htmlFlow } from 'micromark-core-commonmark';
import type {
  Code,
  Construct,
  Event,
  Extension,
  ParseContext,
  Resolver,
  State,
  Token,
  TokenizeContext,
} from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { isLineEnding } from '../shared/codes.ts';
import { parseState, type ParseState } from '../shared/parse-source.ts';
import { codes } from 'micromark-util-symbol';

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

/** The HTML with kramdown's `markdown` attribute taken out of each tag (tag by tag, so long text costs nothing). */
const withoutMarkdownAttribute = (html: string) =>
  html.replace(/<[A-Za-z][^<>]*>/g, (tag) => tag.replace(/\smarkdown=(["']?)(?:1|block|span|0)\1(?=[\s/>])/, ''));

/**
 * How many elements with `markdown="1"` may nest, each inside the last, before the content of the
 * next stays HTML as written (its `markdown` attribute dropped). Each level reads its HTML block
 * again to find the element in it, and a post of a thousand nested `<div markdown="1">` would
 * cost a thousand times its length. Chirpy posts nest two or three (`<details>` around a
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

/** An HTML block as micromark's HTML block read it: its text, and the offset of each character. */
interface Block {
  value: string;
  /** The file offset of the code each character of `value` comes from. */
  offsets: number[];
  /** Where the block ends. */
  end: number;
}

/**
 * The block's text from its tokens (`htmlFlowData` lines and line endings), written as mdast
 * writes an HTML node's value (micromark's `sliceSerialize`: a tab and the virtual spaces after
 * it are one `\t`), and where each character stands in the file.
 */
function blockOf(context: TokenizeContext, events: Event[], from: number): Block {
  let value = '';
  const offsets: number[] = [];
  for (let index = from; index < events.length - 1; index++) {
    const [kind, token] = events[index]!;
    const next = events[index + 1]!;
    if (kind !== 'enter' || next[1] !== token || (token.type !== 'htmlFlowData' && token.type !== 'lineEnding'))
      continue;
    let offset = token.start.offset;
    let atTab = false;
    for (const chunk of context.sliceStream(token)) {
      if (typeof chunk === 'string') {
        for (let at = 0; at < chunk.length; at++) offsets.push(offset++);
        value += chunk;
        atTab = false;
      } else if (chunk === -1) {
        // A virtual space: part of the tab before it, else a space of its own (taking no room in the file).
        if (atTab) continue;
        value += ' ';
        offsets.push(offset);
      } else {
        const text = chunk === -2 ? '\t' : chunk === -3 ? '\r\n' : chunk === -4 ? '\n' : chunk === -5 ? '\r' : '';
        for (let at = 0; at < text.length; at++) offsets.push(offset);
        value += text;
        offset += chunk === -3 ? 2 : 1;
        atTab = chunk === -2;
      }
    }
  }
  return { value, offsets, end: context.now().offset };
}

/** A part of an HTML block: HTML, or the content of an element with the attribute; `end` is a file offset. */
interface Part {
  markdown: boolean;
  end: number;
}

/**
 * The block's parts, or undefined when no element in it has `markdown="1"`: the HTML up to the
 * end of the first such element's opening tag, its content up to its closing tag (or the end of
 * the block), then the rest read the same way. A content with nothing in it is left out.
 */
function partsOf(block: Block): Part[] | undefined {
  const { value, offsets } = block;
  const offsetAt = (index: number) => (index < value.length ? offsets[index]! : block.end);
  const parts: Part[] = [];
  let position = 0;
  for (;;) {
    const open = markdownOpening(value.slice(position));
    if (!open) {
      if (position === 0) return undefined;
      parts.push({ markdown: false, end: block.end });
      return parts;
    }
    const afterOpen = position + open.end;
    const close = closingTag(value.slice(afterOpen), open.name);
    const contentEnd = close < 0 ? value.length : afterOpen + close;
    parts.push({ markdown: false, end: offsetAt(afterOpen) });
    if (contentEnd > afterOpen) parts.push({ markdown: true, end: offsetAt(contentEnd) });
    if (close < 0) return parts;
    position = contentEnd;
  }
}

/** How many elements with the attribute the parser is inside, by parse. */
const depths = new WeakMap<ParseContext, number>();

/** The HTML blocks' tokens after the first (whose start takes the indentation before it). */
const laterParts = new WeakSet<Token>();

/** micromark's `resolveToHtmlFlow`, for the block's first `htmlFlow` token. */
const resolveToHtml: Resolver = (events) => {
  let index = events.length;
  while (index--) {
    const [kind, token] = events[index]!;
    if (kind === 'enter' && token.type === 'htmlFlow' && !laterParts.has(token)) break;
  }
  if (index > 1 && events[index - 2]![1].type === 'linePrefix') {
    // The indentation before the block is part of its HTML.
    events[index]![1].start = events[index - 2]![1].start;
    events[index + 1]![1].start = events[index - 2]![1].start;
    events.splice(index - 2, 2);
  }
  return events;
};

function kramdownHtmlFlow(state: ParseState): Extension {
  const construct: Construct = {
    name: 'kramdownHtmlFlow',
    concrete: true,
    resolveTo: resolveToHtml,
    tokenize(effects, ok, nok) {
      const self = this;
      const plain = (code: Code) => htmlFlow.tokenize.call(self, effects, ok, nok)(code);
      let block: Block | undefined;
      let parts: Part[];
      let part = 0;
      /** The document the content is read as, and its last line. */
      let inner: TokenizeContext;
      let innerLazy: ParseContext['lazy'];
      let previous: Token | undefined;

      /** micromark's HTML block as a check: it reads the block to its end and notes it. */
      const measure: Construct = {
        partial: true,
        tokenize(effects, ok, nok) {
          const context = this;
          const from = context.events.length;
          return htmlFlow.tokenize.call(
            context,
            effects,
            (code) => {
              block = blockOf(context, context.events, from);
              return ok(code);
            },
            nok,
          );
        },
      };

      const start = (code: Code): State | undefined => {
        const document = state.document();
        if (document !== undefined && opensSpanElement(document, self.now().offset)) return nok(code);
        if (self.interrupt || (depths.get(self.parser) ?? 0) >= MAX_MARKDOWN_NESTING) return plain(code);
        return effects.check(measure, measured, nok)(code);
      };

      const measured = (code: Code): State | undefined => {
        const found = block && partsOf(block);
        if (!found) return plain(code);
        parts = found;
        return partStart(code);
      };

      /** Whether the current part ends before `code` (a virtual space goes with the tab before it). */
      const atEnd = (code: Code) => code !== -1 && self.now().offset === parts[part]!.end;

      const partStart = (code: Code): State | undefined => {
        if (!parts[part]!.markdown) {
          const token = effects.enter('htmlFlow');
          if (part > 0) laterParts.add(token);
          return htmlLine(code);
        }
        inner = self.parser.document(self.now());
        innerLazy = {};
        previous = undefined;
        return contentLine(code);
      };

      const partEnd = (code: Code): State | undefined => {
        part++;
        return part === parts.length ? ok(code) : partStart(code);
      };

      const htmlLine = (code: Code): State | undefined => {
        if (atEnd(code)) {
          effects.exit('htmlFlow');
          return partEnd(code);
        }
        if (isLineEnding(code)) {
          effects.enter('lineEnding');
          effects.consume(code);
          effects.exit('lineEnding');
          return htmlLine;
        }
        effects.enter('htmlFlowData');
        return htmlData(code);
      };

      const htmlData = (code: Code): State | undefined => {
        if (atEnd(code) || isLineEnding(code)) {
          effects.exit('htmlFlowData');
          return htmlLine(code);
        }
        effects.consume(code);
        return htmlData;
      };

      /** Hands a line of the content to its document (`last`: the content ends with it). */
      const write = (token: Token | undefined, last: boolean) => {
        const stream = token ? self.sliceStream(token) : [];
        if (last) stream.push(null);
        if (token) inner.defineSkip(token.start);
        // The content's document marks its own lazy lines (by line number, on the parser it shares
        // with the outer document, which reads its own marks again once this line is written).
        const { parser } = self;
        const outerLazy = parser.lazy;
        const depth = depths.get(parser) ?? 0;
        parser.lazy = innerLazy;
        depths.set(parser, depth + 1);
        try {
          state.within(parts[part]!.end, () => inner.write(stream));
        } finally {
          parser.lazy = outerLazy;
          depths.set(parser, depth);
        }
      };

      const contentLine = (code: Code): State | undefined => {
        const token = effects.enter('chunkDocument', { contentType: 'document', _tokenizer: inner, previous });
        if (previous) previous.next = token;
        previous = token;
        return contentData(code);
      };

      const contentData = (code: Code): State | undefined => {
        if (atEnd(code)) {
          write(effects.exit('chunkDocument'), true);
          return partEnd(code);
        }
        effects.consume(code);
        if (!isLineEnding(code)) return contentData;
        write(effects.exit('chunkDocument'), false);
        return contentAfterLine;
      };

      const contentAfterLine = (code: Code): State | undefined => {
        if (!atEnd(code)) return contentLine(code);
        write(undefined, true);
        return partEnd(code);
      };

      return start;
    },
  };
  return { disable: { null: ['htmlFlow'] }, flow: { [codes.lessThan]: construct } };
}

/** mdast: HTML nodes without the `markdown` attribute. */
function fromMarkdown(): FromMarkdownExtension {
  const exit = function (this: CompileContext, token: MdastToken) {
    const value = this.resume();
    const node = this.stack[this.stack.length - 1] as Html;
    node.value = withoutMarkdownAttribute(value);
    this.exit(token);
  };
  return { exit: { htmlFlow: exit, htmlText: exit } };
}

export function remarkKramdownHtml(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: unknown[] };
  // MDX has no HTML blocks (it turns them off for JSX): leave its grammar alone.
  const mdx = (data.micromarkExtensions ?? []).some((extension) =>
    (extension.disable?.null ?? []).includes('htmlFlow'),
  );
  if (mdx) return;
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(kramdownHtmlFlow(parseState(this)));
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown());
}
